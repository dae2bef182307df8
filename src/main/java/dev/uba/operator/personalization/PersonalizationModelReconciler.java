package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.ObjectReconciler;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.Workflow;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Converges a PersonalizationModel on the shared skeleton ({@link ObjectReconciler}: validate with
 * no AWS call for an invalid spec, one status write, deletion that holds the finalizer until AWS
 * no longer returns the resources): each pass runs the model's {@link ModelWorkflow} one step
 * further (it ends at the first step AWS is still working on, and the object is looked at again
 * after the poll interval), then writes the Secret for applications. Deletion is the workflow's
 * cleanup, in reverse order.
 *
 * <p>Besides spec changes, a changed uba.dev/retrain annotation triggers a pass (see
 * {@link RetrainAnnotationFilter}); the value handled is recorded in status.
 */
@ControllerConfiguration(name = "personalizationmodel", finalizerName = Ownership.FINALIZER,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = PersonalizationModelReconciler.RetrainAnnotationFilter.class))
public class PersonalizationModelReconciler
    extends ObjectReconciler<PersonalizationModel, PersonalizationModelStatus> {
  private final OperatorConfig config;
  private final ModelAws aws;
  private final TrackingSecret.Writer secrets;
  private final Clock clock;

  public PersonalizationModelReconciler(OperatorConfig config, AwsClients aws, Clock clock) {
    this(config, ModelAws.of(aws), TrackingSecret.Writer.CLUSTER, clock);
  }

  /** With the resource types and the Secret writer given (fakes in the sequencing tests). */
  PersonalizationModelReconciler(OperatorConfig config, ModelAws aws, TrackingSecret.Writer secrets, Clock clock) {
    super(config.pollInterval(), config.resyncInterval(), clock);
    this.config = config;
    this.aws = aws;
    this.secrets = secrets;
    this.clock = clock;
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
  protected PersonalizationModelStatus newStatus() {
    return new PersonalizationModelStatus();
  }

  @Override
  protected Optional<Outcome> validate(PersonalizationModel model) {
    String region = regionOf(model);
    return ModelValidation.validate(model, config.region(), config.personalizeMaxTps(), ModelNames.of(model),
        region == null ? "aws" : AwsClients.partition(region));
  }

  @Override
  protected List<Outcome> converge(PersonalizationModel model, PersonalizationModelStatus status,
      Context<PersonalizationModel> context, EventSink events) {
    String region = regionOf(model);
    ModelDesiredState desired = new ModelDesiredState(model, ModelNames.of(model), aws.locate(region),
        pipelineTags(context, model));
    ModelPass pass = new ModelPass(model, status, desired, aws.resources(region), events, clock.instant());
    Workflow.PassResult result = ModelWorkflow.WORKFLOW.reconcile(pass);
    ModelStatusUpdate.pass(status, pass.step(), result);
    if (status.getDatasetGroupArn() != null || status.getDataAccessRole() != null) {
      // From now on the region is fixed (ImmutableField); before anything exists it may still be corrected.
      status.setRegion(region);
    }
    List<Outcome> outcomes = new ArrayList<>(result.outcomes());
    secret(context, model, desired.names(), status, pass.trackingId()).ifPresent(outcomes::add);
    return outcomes;
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

  /** The Secret for applications, once there is something to put in it; an outcome if it could not be written. */
  private Optional<Outcome> secret(Context<PersonalizationModel> context, PersonalizationModel model, ModelNames names,
      PersonalizationModelStatus status, Optional<String> trackingId) {
    if (status.getCampaignArn() == null && status.getEventTrackerArn() == null) {
      return Optional.empty();
    }
    if (trackingId.isEmpty() && status.getEventTrackerArn() != null) {
      // Not read this pass (the tracker is not ACTIVE yet): leave the Secret as it is.
      return Optional.empty();
    }
    Map<String, String> data = TrackingSecret.data(trackingId.orElse(null), status.getCampaignArn(),
        status.getEventTrackerArn());
    try {
      secrets.write(context, model, names.secret(), data);
      status.setTrackingSecretName(names.secret());
      return Optional.empty();
    } catch (KubernetesClientException e) {
      return Optional.of(Outcome.retrying(Reasons.WAITING, "writing Secret " + names.secret() + " failed: "
          + e.getMessage()));
    }
  }

  /** With a retraining timer, the next pass comes no later than when it is due. */
  @Override
  protected Optional<Duration> nextPass(PersonalizationModel model, PersonalizationModelStatus status,
      List<Outcome> outcomes) {
    Instant now = clock.instant();
    return super.nextPass(model, status, outcomes).map(requeue -> Retraining.nextByTimer(model.getSpec(), status)
        .map(at -> Duration.between(now, at))
        .filter(d -> d.compareTo(requeue) < 0)
        .map(d -> d.isNegative() ? Duration.ZERO : d)
        .orElse(requeue));
  }

  @Override
  protected Optional<List<Outcome>> delete(PersonalizationModel model, PersonalizationModelStatus status,
      Context<PersonalizationModel> context, EventSink events) {
    String region = status.getRegion() != null ? status.getRegion() : regionOf(model);
    if (region == null || status.getRegion() == null && status.getDatasetGroupArn() == null
        && status.getDataAccessRole() == null) {
      // Nothing was ever created (or recorded) in AWS.
      return Optional.empty();
    }
    ModelDesiredState desired = new ModelDesiredState(model, namesInUse(model, status), aws.locate(region));
    ModelPass pass = new ModelPass(model, status, desired, aws.resources(region), events, clock.instant());
    Workflow.PassResult result = ModelWorkflow.WORKFLOW.cleanup(pass, status.getResources());
    if (result.finished()) {
      return Optional.empty();
    }
    ModelStatusUpdate.pass(status, "Deleting", result);
    return Optional.of(result.outcomes());
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

  private String regionOf(PersonalizationModel model) {
    return config.regionFor(model.getSpec().getRegion());
  }
}
