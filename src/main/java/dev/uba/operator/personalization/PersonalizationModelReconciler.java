package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.iam.IamRole;
import dev.uba.operator.aws.personalize.PersonalizeCampaign;
import dev.uba.operator.aws.personalize.PersonalizeDataset;
import dev.uba.operator.aws.personalize.PersonalizeDatasetGroup;
import dev.uba.operator.aws.personalize.PersonalizeEventTracker;
import dev.uba.operator.aws.personalize.PersonalizeImportJob;
import dev.uba.operator.aws.personalize.PersonalizeSchema;
import dev.uba.operator.aws.personalize.PersonalizeSolution;
import dev.uba.operator.aws.personalize.PersonalizeSolutionVersion;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.KubernetesEvents;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.RequeueSchedule;
import dev.uba.operator.engine.StatusWriter;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Converges a PersonalizationModel: validate (no AWS call for an invalid spec), then the chain
 * from the data-access role to the serving campaign, one step further per pass (each pass ends at
 * the first step AWS is still working on, and the object is looked at again after the poll
 * interval), the Secret for applications, and the status in one place. Deletion runs the chain
 * backwards and holds the finalizer until AWS no longer returns the resources.
 *
 * <p>Besides spec changes, a changed uba.dev/retrain annotation triggers a pass (see
 * {@link RetrainAnnotationFilter}); the value handled is recorded in status.
 */
@ControllerConfiguration(name = "personalizationmodel", finalizerName = Ownership.FINALIZER,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = PersonalizationModelReconciler.RetrainAnnotationFilter.class))
public class PersonalizationModelReconciler implements Reconciler<PersonalizationModel>, Cleaner<PersonalizationModel> {

  private final OperatorConfig config;
  private final AwsClients aws;
  private final StatusWriter statusWriter;
  private final Clock clock;
  private final RequeueSchedule requeue;

  public PersonalizationModelReconciler(OperatorConfig config, AwsClients aws, Clock clock) {
    this.config = config;
    this.requeue = new RequeueSchedule(config.pollInterval(), config.resyncInterval());
    this.aws = aws;
    this.clock = clock;
    this.statusWriter = new StatusWriter(clock);
  }

  /**
   * Passes come from spec changes (generation), a changed retrain annotation, deletion and the
   * operator's own requeues; status writes (which change neither) do not start one.
   */
  public static final class RetrainAnnotationFilter implements OnUpdateFilter<PersonalizationModel> {
    @Override
    public boolean accept(PersonalizationModel updated, PersonalizationModel old) {
      return !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
          || !Objects.equals(Retraining.annotation(updated), Retraining.annotation(old))
          || (updated.getMetadata().getDeletionTimestamp() != null && old.getMetadata().getDeletionTimestamp() == null)
          || !Objects.equals(updated.getMetadata().getFinalizers(), old.getMetadata().getFinalizers());
    }
  }

  @Override
  public UpdateControl<PersonalizationModel> reconcile(PersonalizationModel model, Context<PersonalizationModel> context) {
    if (model.getSpec() == null) {
      return UpdateControl.noUpdate();
    }
    EventSink events = new KubernetesEvents(context.getClient(), model);
    PersonalizationModelStatus status = model.getStatus() == null ? new PersonalizationModelStatus() : model.getStatus();
    ModelNames names = ModelNames.of(model);
    String region = regionOf(model);
    String partition = region == null ? "aws" : AwsClients.partition(region);
    Optional<Outcome> invalid = ModelValidation.validate(model, config.region(), config.personalizeMaxTps(), names,
        partition);
    if (invalid.isPresent()) {
      return statusWriter.write(model, status, List.of(invalid.get()), Optional.empty(), events);
    }
    Instant now = clock.instant();
    List<Outcome> outcomes = new ArrayList<>();
    try {
      ModelDesiredState desired = new ModelDesiredState(model, names, locate(region), pipelineTags(context, model));
      ModelConvergence pass = new ModelConvergence(resourcesFor(region), names.ownerId(), events, now);
      outcomes.addAll(pass.run(model, desired, status));
      if (status.getDatasetGroupArn() != null || status.getDataAccessRole() != null) {
        status.setRegion(region);
      }
      secret(context, model, names, status, pass.trackingId(), outcomes);
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("resolving the AWS account", e));
    }
    Optional<Duration> next = requeue.after(model, outcomes).map(d -> soonerForTimer(d, model, status, now));
    return statusWriter.write(model, status, outcomes, next, events);
  }

  /** The Secret for applications, once there is something to put in it. */
  private void secret(Context<PersonalizationModel> context, PersonalizationModel model, ModelNames names,
      PersonalizationModelStatus status, Optional<String> trackingId, List<Outcome> outcomes) {
    if (status.getCampaignArn() == null && status.getEventTrackerArn() == null) {
      return;
    }
    Map<String, String> data = TrackingSecret.data(trackingId.orElse(null), status.getCampaignArn(),
        status.getEventTrackerArn());
    if (trackingId.isEmpty() && status.getEventTrackerArn() != null) {
      // Not read this pass (the tracker is not ACTIVE yet): leave the Secret as it is.
      return;
    }
    try {
      TrackingSecret.apply(context.getClient(), model, names.secret(), data);
      status.setTrackingSecretName(names.secret());
    } catch (KubernetesClientException e) {
      outcomes.add(Outcome.retrying(Reasons.WAITING, "writing Secret " + names.secret() + " failed: " + e.getMessage()));
    }
  }

  /**
   * spec.pipelineRef is an informational link; the referenced pipeline's spec.tags are the model's
   * default tags. A pipeline that does not exist (yet) contributes none; nothing waits on it.
   */
  private static Map<String, String> pipelineTags(Context<PersonalizationModel> context, PersonalizationModel model) {
    var ref = model.getSpec().getPipelineRef();
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      return Map.of();
    }
    try {
      UbaPipeline pipeline = context.getClient().resources(UbaPipeline.class)
          .inNamespace(model.getMetadata().getNamespace()).withName(ref.getName()).get();
      return pipeline == null || pipeline.getSpec() == null || pipeline.getSpec().getTags() == null ? Map.of()
          : pipeline.getSpec().getTags();
    } catch (KubernetesClientException e) {
      return Map.of();
    }
  }

  /** With a retraining timer, the next pass comes no later than when it is due. */
  private static Duration soonerForTimer(Duration requeue, PersonalizationModel model,
      PersonalizationModelStatus status, Instant now) {
    return Retraining.nextByTimer(model.getSpec(), status)
        .map(at -> Duration.between(now, at))
        .filter(d -> d.compareTo(requeue) < 0)
        .map(d -> d.isNegative() ? Duration.ZERO : d)
        .orElse(requeue);
  }

  @Override
  public DeleteControl cleanup(PersonalizationModel model, Context<PersonalizationModel> context) {
    return requeue.afterCleanup(model, deleteFromAws(model, context));
  }

  private DeleteControl deleteFromAws(PersonalizationModel model, Context<PersonalizationModel> context) {
    if (model.getSpec() == null) {
      return DeleteControl.defaultDelete();
    }
    EventSink events = new KubernetesEvents(context.getClient(), model);
    if (model.getSpec().getDeletionPolicy() == DeletionPolicy.Retain) {
      events.normal("Retained", "deletionPolicy Retain: AWS resources are left in place with their ownership tags");
      return DeleteControl.defaultDelete();
    }
    PersonalizationModelStatus status = model.getStatus() == null ? new PersonalizationModelStatus() : model.getStatus();
    List<Outcome> outcomes;
    try {
      String region = status.getRegion() != null ? status.getRegion() : regionOf(model);
      if (region == null || status.getRegion() == null && status.getDatasetGroupArn() == null
          && status.getDataAccessRole() == null) {
        // Nothing was ever created (or recorded) in AWS.
        return DeleteControl.defaultDelete();
      }
      ModelNames names = namesInUse(model, status);
      ModelDesiredState desired = new ModelDesiredState(model, names, locate(region));
      ModelDeletion deletion = new ModelDeletion(resourcesFor(region), names.ownerId(), events);
      outcomes = deletion.run(desired, status, status.getDataAccessRole() != null);
      if (outcomes.isEmpty()) {
        return DeleteControl.defaultDelete();
      }
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("resolving the AWS account", e));
    }
    statusWriter.writeDeleting(context.getClient(), model, status, outcomes, events);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(
        requeue.after(model, outcomes)
            .orElse(config.pollInterval()).toMillis());
  }

  /** The names in use: the dataset group's as recorded, the others derived. */
  private static ModelNames namesInUse(PersonalizationModel model, PersonalizationModelStatus status) {
    ModelNames derived = ModelNames.of(model);
    if (status.getDatasetGroupName() == null || status.getDatasetGroupName().equals(derived.datasetGroup())) {
      return derived;
    }
    return new ModelNames(derived.ownerId(), derived.namespace(), derived.name(), status.getDatasetGroupName(),
        derived.schema(), derived.dataset(), derived.solution(), derived.campaign(), derived.eventTracker(),
        derived.role(), derived.secret());
  }

  private ModelResources resourcesFor(String region) {
    var personalize = aws.personalize(region);
    return new ModelResources(new IamRole(aws.iam(region)), new PersonalizeDatasetGroup(personalize),
        new PersonalizeSchema(personalize), new PersonalizeDataset(personalize), new PersonalizeImportJob(personalize),
        new PersonalizeEventTracker(personalize), new PersonalizeSolution(personalize),
        new PersonalizeSolutionVersion(personalize), new PersonalizeCampaign(personalize));
  }

  private String regionOf(PersonalizationModel model) {
    return config.regionFor(model.getSpec().getRegion());
  }

  private ModelDesiredState.Location locate(String region) {
    return new ModelDesiredState.Location(region, aws.accountId(region), AwsClients.partition(region));
  }

}
