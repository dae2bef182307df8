package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.cloudwatch.CloudWatchAlarm;
import dev.uba.operator.aws.events.EventRule;
import dev.uba.operator.aws.logs.LogGroup;
import dev.uba.operator.aws.logs.MetricFilter;
import dev.uba.operator.aws.sns.SnsSubscription;
import dev.uba.operator.aws.sns.SnsTopic;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.KubernetesEvents;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.RequeueSchedule;
import dev.uba.operator.engine.StatusWriter;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Converges an AnomalyAlert: validate (no AWS call for an invalid spec), resolve the pipelineRef
 * (no AWS call while the pipeline is not Ready or gone), then the log group, metric filter, topic,
 * subscriptions, alarm and state-change rule in dependency order, each through the shared engine;
 * the alarm's state is read back on every pass and status is written in one place. Deletion runs the
 * other way round and holds the finalizer until AWS no longer returns the resources.
 *
 * <p>Pipelines are watched with an informer: a change of a pipeline (Ready, its stream, deleted)
 * brings every alert that references it back at once, through an index of alerts by pipelineRef.
 */
@ControllerConfiguration(name = "anomalyalert", finalizerName = Ownership.FINALIZER)
public class AnomalyAlertReconciler implements Reconciler<AnomalyAlert>, Cleaner<AnomalyAlert> {
  static final String BY_PIPELINE = "alerts-by-pipeline";

  private final OperatorConfig config;
  private final AwsClients aws;
  private final StatusWriter statusWriter;
  private final RequeueSchedule requeue;
  private volatile InformerEventSource<UbaPipeline, AnomalyAlert> pipelines;

  public AnomalyAlertReconciler(OperatorConfig config, AwsClients aws, Clock clock) {
    this.config = config;
    this.requeue = new RequeueSchedule(config.pollInterval(), config.resyncInterval());
    this.aws = aws;
    this.statusWriter = new StatusWriter(clock);
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
  public UpdateControl<AnomalyAlert> reconcile(AnomalyAlert alert, Context<AnomalyAlert> context) {
    if (alert.getSpec() == null) {
      // An object deleted before its first pass can come back without a spec: nothing to do.
      return UpdateControl.noUpdate();
    }
    EventSink events = new KubernetesEvents(context.getClient(), alert);
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    AlertNames names = AlertNames.of(alert);
    Optional<Outcome> invalid = AlertValidation.validate(alert, config.region(), names);
    if (invalid.isPresent()) {
      return statusWriter.write(alert, status, List.of(invalid.get()), Optional.empty(), events);
    }
    String region = regionOf(alert);
    PipelineReference.Resolution pipeline = PipelineReference.resolve(alert, pipelineOf(alert), region);
    if (pipeline.outcome().isPresent()) {
      List<Outcome> outcomes = List.of(pipeline.outcome().get());
      return statusWriter.write(alert, status, outcomes,
          requeue.after(alert, outcomes), events);
    }
    status.setPipeline(pipeline.use());
    List<Outcome> outcomes;
    try {
      AlertDesiredState desired = AlertDesiredState.of(alert, names, locate(region), pipeline.stream());
      AlertConvergence pass = new AlertConvergence(resourcesFor(region), names.ownerId(), events);
      outcomes = pass.run(desired, alert.getSpec().getDeletionPolicy(), status);
      if (ownsAnything(status)) {
        // From now on the region is fixed (ImmutableField); before anything exists it may still be corrected.
        status.setRegion(region);
      }
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("resolving the AWS account", e));
    }
    return statusWriter.write(alert, status, outcomes,
        requeue.after(alert, outcomes), events);
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

  @Override
  public DeleteControl cleanup(AnomalyAlert alert, Context<AnomalyAlert> context) {
    return requeue.afterCleanup(alert, deleteFromAws(alert, context));
  }

  private DeleteControl deleteFromAws(AnomalyAlert alert, Context<AnomalyAlert> context) {
    if (alert.getSpec() == null) {
      return DeleteControl.defaultDelete();
    }
    EventSink events = new KubernetesEvents(context.getClient(), alert);
    if (alert.getSpec().getDeletionPolicy() == DeletionPolicy.Retain) {
      events.normal("Retained", "deletionPolicy Retain: AWS resources are left in place with their ownership tags");
      return DeleteControl.defaultDelete();
    }
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    List<Outcome> outcomes;
    try {
      String region = status.getRegion() != null ? status.getRegion() : regionOf(alert);
      if (region == null) {
        return DeleteControl.defaultDelete();
      }
      AlertNames names = AlertNames.of(alert);
      AlertDeletion deletion = new AlertDeletion(resourcesFor(region), names.ownerId(), events);
      outcomes = deletion.run(AlertDeletion.Targets.of(alert, names, locate(region)), status);
      if (outcomes.isEmpty()) {
        return DeleteControl.defaultDelete();
      }
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("deleting the alert's AWS resources", e));
    }
    statusWriter.writeDeleting(context.getClient(), alert, status, outcomes, events);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(
        requeue.after(alert, outcomes)
            .orElse(config.pollInterval()).toMillis());
  }

  /** Fresh resource instances per pass: SnsSubscription remembers what it listed for one pass only. */
  private AlertResources resourcesFor(String region) {
    return new AlertResources(
        new LogGroup(aws.cloudWatchLogs(region)),
        new MetricFilter(aws.cloudWatchLogs(region)),
        new SnsTopic(aws.sns(region)),
        new SnsSubscription(aws.sns(region)),
        new CloudWatchAlarm(aws.cloudWatch(region)),
        new EventRule(aws.eventBridge(region)));
  }

  private String regionOf(AnomalyAlert alert) {
    return config.regionFor(alert.getSpec().getRegion());
  }

  private AlertLocation locate(String region) {
    return new AlertLocation(region, aws.accountId(region), AwsClients.partition(region));
  }

}
