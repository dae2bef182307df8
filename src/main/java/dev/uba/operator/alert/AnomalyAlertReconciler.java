package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.ObjectReconciler;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.Workflow;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converges an AnomalyAlert: validate (no AWS call for an invalid spec), resolve the pipelineRef
 * (no AWS call while the pipeline is not Ready or gone), then the resources of {@link AlertWorkflow}
 * in dependency order, each through the shared engine; the alarm's state is read back on every pass.
 * Deletion runs the other way round and holds the finalizer until AWS no longer returns the
 * resources. The skeleton (status written once per pass, Retain, the finalizer) is the engine's.
 *
 * <p>Pipelines are watched with an informer: a change of a pipeline (Ready, its stream, deleted)
 * brings every alert that references it back at once, through an index of alerts by pipelineRef.
 */
@ControllerConfiguration(name = "anomalyalert", finalizerName = Ownership.FINALIZER)
public class AnomalyAlertReconciler extends ObjectReconciler<AnomalyAlert, AnomalyAlertStatus> {
  static final String BY_PIPELINE = "alerts-by-pipeline";

  private final OperatorConfig config;
  private final AlertAws aws;
  private volatile InformerEventSource<UbaPipeline, AnomalyAlert> pipelines;

  public AnomalyAlertReconciler(OperatorConfig config, AwsClients aws, Clock clock) {
    this(config, AlertAws.of(aws, aws.shared(config.resyncInterval())), clock);
  }

  /** @param aws the alert's resource types per region: the real ones, or fakes in tests */
  public AnomalyAlertReconciler(OperatorConfig config, AlertAws aws, Clock clock) {
    super(config.pollInterval(), config.resyncInterval(), clock);
    this.config = config;
    this.aws = aws;
  }

  @Override
  public List<EventSource<?, AnomalyAlert>> prepareEventSources(EventSourceContext<AnomalyAlert> context) {
    context.getPrimaryCache().addIndexer(BY_PIPELINE, alert -> alert.getSpec() == null
        || alert.getSpec().getPipelineRef() == null || alert.getSpec().getPipelineRef().getName() == null
        ? List.of()
        : List.of(pipelineKey(alert.getMetadata().getNamespace(), alert.getSpec().getPipelineRef().getName())));
    var configuration = InformerEventSourceConfiguration.from(UbaPipeline.class, AnomalyAlert.class)
        .withNamespacesInheritedFromController()
        .withSecondaryToPrimaryMapper((UbaPipeline pipeline) -> context.getPrimaryCache()
            .byIndex(BY_PIPELINE, pipelineKey(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName()))
            .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
        .withPrimaryToSecondaryMapper((AnomalyAlert alert) -> alert.getSpec() == null
            || alert.getSpec().getPipelineRef() == null ? Set.of()
            : Set.of(new ResourceID(alert.getSpec().getPipelineRef().getName(), alert.getMetadata().getNamespace())))
        .build();
    pipelines = new InformerEventSource<>(configuration, context);
    return List.of(pipelines);
  }

  static String pipelineKey(String namespace, String name) {
    return namespace + "/" + name;
  }

  @Override
  protected AnomalyAlertStatus newStatus() {
    return new AnomalyAlertStatus();
  }

  @Override
  protected Optional<Outcome> validate(AnomalyAlert alert) {
    return AlertValidation.validate(alert, config.region(), AlertNames.of(alert));
  }

  @Override
  protected List<Outcome> converge(AnomalyAlert alert, AnomalyAlertStatus status, Context<AnomalyAlert> context,
      EventSink events) {
    String region = regionOf(alert);
    PipelineReference.Resolution pipeline = PipelineReference.resolve(alert, pipelineOf(alert), region);
    if (pipeline.outcome().isPresent()) {
      return List.of(pipeline.outcome().get());
    }
    status.setPipeline(pipeline.use());
    AlertNames names = AlertNames.of(alert);
    AlertLocation where = aws.locate(region);
    AlertDesiredState desired = AlertDesiredState.of(alert, names, where, pipeline.stream());
    Workflow.PassResult result = AlertWorkflow.reconcile(
        AlertPass.forward(alert, status, names, aws.resources(region), where, desired, events));
    status.setMetric(desired.metric());
    status.setResources(result.resources());
    if (ownsAnything(status)) {
      // From now on the region is fixed (ImmutableField); before anything exists it may still be corrected.
      status.setRegion(region);
    }
    return result.outcomes();
  }

  @Override
  protected Optional<List<Outcome>> delete(AnomalyAlert alert, AnomalyAlertStatus status,
      Context<AnomalyAlert> context, EventSink events) {
    String region = status.getRegion() != null ? status.getRegion() : regionOf(alert);
    if (region == null) {
      return Optional.empty();
    }
    Workflow.PassResult result = AlertWorkflow.cleanup(AlertPass.cleanup(alert, status, AlertNames.of(alert),
        aws.resources(region), aws.locate(region), events));
    if (result.finished()) {
      return Optional.empty();
    }
    status.setResources(result.resources());
    return Optional.of(result.outcomes());
  }

  private static boolean ownsAnything(AnomalyAlertStatus status) {
    return status.getAlarm() != null || (status.getTopic() != null && Boolean.TRUE.equals(status.getTopic().getManaged()))
        || (status.getLogGroup() != null && Boolean.TRUE.equals(status.getLogGroup().getManaged()))
        || status.getMetricFilter() != null || status.getEventRule() != null
        || (status.getSubscriptions() != null && !status.getSubscriptions().isEmpty());
  }

  private Optional<UbaPipeline> pipelineOf(AnomalyAlert alert) {
    var ref = alert.getSpec().getPipelineRef();
    if (ref == null || pipelines == null) {
      return Optional.empty();
    }
    return pipelines.get(new ResourceID(ref.getName(), alert.getMetadata().getNamespace()));
  }

  private String regionOf(AnomalyAlert alert) {
    return config.regionFor(alert.getSpec().getRegion());
  }
}
