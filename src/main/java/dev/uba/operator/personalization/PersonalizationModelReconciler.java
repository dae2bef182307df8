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
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converges a PersonalizationModel on the shared skeleton ({@link ObjectReconciler}: validate with
 * no AWS call for an invalid spec, one status write, deletion that holds the finalizer until AWS
 * no longer returns the resources): each pass runs the model's {@link ModelWorkflow} one step
 * further (it ends at the first step AWS is still working on, and the object is looked at again
 * after the poll interval), then writes the Secret for applications. Deletion is the workflow's
 * cleanup, in reverse order.
 *
 * <p>Besides spec changes, a changed uba.dev/retrain annotation triggers a pass (see
 * {@link RetrainAnnotationFilter}); the value handled is recorded in status. The referenced
 * pipeline's tags (the model's default tags) come from an informer of UbaPipelines, which also
 * brings a model back at once when its pipeline's tags change.
 */
@ControllerConfiguration(name = "personalizationmodel", finalizerName = Ownership.FINALIZER,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = PersonalizationModelReconciler.RetrainAnnotationFilter.class))
public class PersonalizationModelReconciler
    extends ObjectReconciler<PersonalizationModel, PersonalizationModelStatus> {
  static final String BY_PIPELINE = "models-by-pipeline";

  private final OperatorConfig config;
  private final ModelAws aws;
  private final TrackingSecret.Writer secrets;
  private final Clock clock;
  private final PipelineTags pipelineTags = new PipelineTags();
  private volatile InformerEventSource<UbaPipeline, PersonalizationModel> pipelines;

  public PersonalizationModelReconciler(OperatorConfig config, AwsClients aws, Clock clock) {
    this(config, ModelAws.of(aws, config.leastPrivilege().permissionsBoundary()), TrackingSecret.Writer.CLUSTER, clock);
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

  /** UbaPipelines, indexed by the models that reference them; only a change of their tags matters here. */
  @Override
  public List<EventSource<?, PersonalizationModel>> prepareEventSources(
      EventSourceContext<PersonalizationModel> context) {
    context.getPrimaryCache().addIndexer(BY_PIPELINE, model -> referenced(model).map(id -> List.of(key(id)))
        .orElse(List.of()));
    var configuration = InformerEventSourceConfiguration.from(UbaPipeline.class, PersonalizationModel.class)
        .withNamespacesInheritedFromController()
        .withOnUpdateFilter((UbaPipeline updated, UbaPipeline old) -> !Objects.equals(tagsOf(updated), tagsOf(old)))
        .withSecondaryToPrimaryMapper((UbaPipeline pipeline) -> context.getPrimaryCache()
            .byIndex(BY_PIPELINE, key(ResourceID.fromResource(pipeline)))
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((PersonalizationModel model) -> referenced(model).map(Set::of).orElse(Set.of()))
        .build();
    pipelines = new InformerEventSource<>(configuration, context);
    return List.of(pipelines);
  }

  private static Optional<ResourceID> referenced(PersonalizationModel model) {
    var ref = model.getSpec() == null ? null : model.getSpec().getPipelineRef();
    return ref == null || ref.getName() == null ? Optional.empty()
        : Optional.of(new ResourceID(ref.getName(), model.getMetadata().getNamespace()));
  }

  private static String key(ResourceID id) {
    return id.getNamespace().orElse("") + "/" + id.getName();
  }

  private static Map<String, String> tagsOf(UbaPipeline pipeline) {
    return pipeline.getSpec() == null ? null : pipeline.getSpec().getTags();
  }

  /** The pipeline as the informer holds it; throws while there is no informer to ask. */
  Optional<UbaPipeline> cachedPipeline(ResourceID id) {
    InformerEventSource<UbaPipeline, PersonalizationModel> informer = pipelines;
    if (informer == null) {
      throw new IllegalStateException("the UbaPipeline informer is not started");
    }
    return informer.get(id);
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
    ModelDesiredState.Location where = aws.locate(region);
    Optional<Outcome> refused = ModelValidation.checkRoleArn(model.getSpec(), config.leastPrivilege(),
        where.partition(), where.accountId());
    if (refused.isPresent()) {
      return List.of(refused.get());
    }
    PipelineTags.Inherited inherited = pipelineTags.of(model, this::cachedPipeline);
    ModelResources types = aws.resources(region);
    ModelDesiredState desired = new ModelDesiredState(model, ModelNames.of(model), where, inherited.tags());
    ModelPass pass = new ModelPass(model, status, desired, inherited.known() ? types : types.keepingTags(), events,
        clock.instant());
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
      TrackingSecret.Written written = secrets.write(context, model, names.secret(), data,
          status.getTrackingSecretUid());
      if (written.foreign()) {
        return Optional.of(Outcome.degraded(Reasons.ALREADY_EXISTS, "Secret " + names.secret()
            + " exists and is not owned by this PersonalizationModel (no ownerReference with its UID);"
            + " it is left untouched: delete or rename it to let the operator write the tracking Secret"));
      }
      status.setTrackingSecretName(names.secret());
      status.setTrackingSecretUid(written.uid());
      return Optional.empty();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 403) {
        return Optional.of(Outcome.degraded(Reasons.ACCESS_DENIED, "the operator may not write Secret "
            + names.secret() + " in namespace " + model.getMetadata().getNamespace()
            + ": it needs create and patch on secrets there (Helm value rbac.secretNamespaces)"));
      }
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

  @Override
  public DeleteControl cleanup(PersonalizationModel model, Context<PersonalizationModel> context) {
    DeleteControl control = super.cleanup(model, context);
    if (control.isRemoveFinalizer()) {
      pipelineTags.forget(ResourceID.fromResource(model));
    }
    return control;
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
