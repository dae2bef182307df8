package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.iam.IamRole;
import dev.uba.operator.aws.iam.ManagedPolicy;
import dev.uba.operator.aws.kinesis.KinesisStream;
import dev.uba.operator.aws.kinesis.StreamChangeBudget;
import dev.uba.operator.aws.opensearch.OpenSearchDomain;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.KubernetesEvents;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.RequeueSchedule;
import dev.uba.operator.engine.StatusWriter;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Converges a UbaPipeline: validate (no AWS call for an invalid spec), then the stream, the producer
 * policy, the ingestion role and the domain in dependency order, each through the shared engine; the
 * status is written in one place. Deletion runs the other way round and holds the finalizer until
 * AWS no longer returns the resources.
 */
@ControllerConfiguration(name = "ubapipeline", finalizerName = Ownership.FINALIZER)
public class UbaPipelineReconciler implements Reconciler<UbaPipeline>, Cleaner<UbaPipeline> {

  private final OperatorConfig config;
  private final AwsClients aws;
  private final StatusWriter statusWriter;
  private final Clock clock;
  private final RequeueSchedule requeue;

  public UbaPipelineReconciler(OperatorConfig config, AwsClients aws, Clock clock) {
    this.config = config;
    this.requeue = new RequeueSchedule(config.pollInterval(), config.resyncInterval());
    this.aws = aws;
    this.clock = clock;
    this.statusWriter = new StatusWriter(clock);
  }

  @Override
  public UpdateControl<UbaPipeline> reconcile(UbaPipeline pipeline, Context<UbaPipeline> context) {
    if (pipeline.getSpec() == null) {
      // An object deleted before its first pass can come back without a spec: nothing to do.
      return UpdateControl.noUpdate();
    }
    EventSink events = new KubernetesEvents(context.getClient(), pipeline);
    UbaPipelineStatus status = pipeline.getStatus() == null ? new UbaPipelineStatus() : pipeline.getStatus();
    PipelineNames names = PipelineNames.of(pipeline);
    Optional<Outcome> invalid = PipelineValidation.validate(pipeline, config.region(), names);
    if (invalid.isPresent()) {
      return statusWriter.write(pipeline, status, List.of(invalid.get()), Optional.empty(), events);
    }
    String region = regionOf(pipeline);
    List<Outcome> outcomes;
    try {
      outcomes = converge(pipeline, names, locate(region), status, events);
      if (ownsAnything(status)) {
        // From now on the region is fixed (ImmutableField); before anything exists it may still be corrected.
        status.setRegion(region);
      }
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("resolving the AWS account", e));
    }
    return statusWriter.write(pipeline, status, outcomes,
        requeue.after(pipeline, outcomes), events);
  }

  private List<Outcome> converge(UbaPipeline pipeline, PipelineNames names, PipelineDesiredState.Location where,
      UbaPipelineStatus status, EventSink events) {
    PipelineDesiredState desired = PipelineDesiredState.of(pipeline, names, where);
    Optional<PipelineDesiredState> searchToRemove = PipelineDeletion.searchRemoved(pipeline, status)
        ? Optional.of(PipelineDesiredState.of(PipelineDeletion.withSearch(pipeline, status),
            PipelineDeletion.namesInUse(pipeline), where))
        : Optional.empty();
    PipelineConvergence pass = new PipelineConvergence(resourcesFor(pipeline, status, events), names.ownerId(), events);
    return pass.run(desired, searchToRemove, pipeline.getSpec().getDeletionPolicy(), status);
  }

  @Override
  public DeleteControl cleanup(UbaPipeline pipeline, Context<UbaPipeline> context) {
    return requeue.afterCleanup(pipeline, deleteFromAws(pipeline, context));
  }

  private DeleteControl deleteFromAws(UbaPipeline pipeline, Context<UbaPipeline> context) {
    if (pipeline.getSpec() == null) {
      return DeleteControl.defaultDelete();
    }
    EventSink events = new KubernetesEvents(context.getClient(), pipeline);
    if (pipeline.getSpec().getDeletionPolicy() == DeletionPolicy.Retain) {
      events.normal("Retained", "deletionPolicy Retain: AWS resources are left in place with their ownership tags");
      return DeleteControl.defaultDelete();
    }
    UbaPipelineStatus status = pipeline.getStatus() == null ? new UbaPipelineStatus() : pipeline.getStatus();
    List<Outcome> outcomes;
    try {
      String region = status.getRegion() != null ? status.getRegion() : regionOf(pipeline);
      if (region == null) {
        return DeleteControl.defaultDelete();
      }
      PipelineNames names = PipelineDeletion.namesInUse(pipeline);
      PipelineDesiredState desired = PipelineDesiredState.of(PipelineDeletion.withSearch(pipeline, status), names,
          locate(region));
      PipelineDeletion deletion = new PipelineDeletion(resourcesFor(pipeline, status, events), names.ownerId(), events);
      outcomes = deletion.run(desired, status);
      if (outcomes.isEmpty()) {
        return DeleteControl.defaultDelete();
      }
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("resolving the AWS account", e));
    }
    statusWriter.writeDeleting(context.getClient(), pipeline, status, outcomes, events);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(
        requeue.after(pipeline, outcomes)
            .orElse(config.pollInterval()).toMillis());
  }

  private static boolean ownsAnything(UbaPipelineStatus status) {
    return status.getStream() != null || status.getProducerPolicy() != null || status.getIngestionRole() != null
        || status.getSearch() != null;
  }

  private PipelineResources resourcesFor(UbaPipeline pipeline, UbaPipelineStatus status, EventSink events) {
    String region = status.getRegion() != null ? status.getRegion() : regionOf(pipeline);
    UbaPipelineStatus.StreamStatus stream = status.getStream();
    StreamChangeBudget budget = new StreamChangeBudget(clock,
        stream == null ? List.of() : stream.getShardCountUpdates(), stream == null ? List.of() : stream.getModeSwitches());
    return new PipelineResources(
        new KinesisStream(aws.kinesis(region), budget), budget,
        new ManagedPolicy(aws.iam(region)),
        new IamRole(aws.iam(region)),
        new OpenSearchDomain(aws.openSearch(region)));
  }

  private String regionOf(UbaPipeline pipeline) {
    return config.regionFor(pipeline.getSpec().getRegion());
  }

  private PipelineDesiredState.Location locate(String region) {
    return new PipelineDesiredState.Location(region, aws.accountId(region), AwsClients.partition(region));
  }

}
