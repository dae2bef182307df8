package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.cloudwatch.DeliveryMetrics;
import dev.uba.operator.aws.firehose.DeliveryStream;
import dev.uba.operator.aws.logs.LogGroup;
import dev.uba.operator.aws.opensearch.dataplane.DataPlaneAccess;
import dev.uba.operator.aws.opensearch.dataplane.DataPlaneClients;
import dev.uba.operator.aws.opensearch.dataplane.IndexTemplate;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicy;
import dev.uba.operator.aws.s3.ArchiveBucket;
import dev.uba.operator.aws.shared.SharedReads;
import dev.uba.operator.aws.iam.IamRole;
import dev.uba.operator.aws.iam.ManagedPolicy;
import dev.uba.operator.aws.kinesis.KinesisStream;
import dev.uba.operator.aws.kinesis.StreamChangeBudget;
import dev.uba.operator.aws.opensearch.OpenSearchDomain;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.ObjectReconciler;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.StatusDerivation;
import dev.uba.operator.engine.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converges a UbaPipeline through its {@link PipelineWorkflow}: validate (no AWS call for an invalid
 * spec), then the stream, the producer policy, the ingestion role and the domain in dependency
 * order; the status is written in one place. Deletion runs the other way round and holds the
 * finalizer until AWS no longer returns the resources.
 */
@ControllerConfiguration(name = "ubapipeline", finalizerName = Ownership.FINALIZER)
public class UbaPipelineReconciler extends ObjectReconciler<UbaPipeline, UbaPipelineStatus> {

  private final OperatorConfig config;
  private final Clock clock;
  private final PipelineResources.Factory resources;
  private final Function<String, PipelineDesiredState.Location> locations;

  public UbaPipelineReconciler(OperatorConfig config, AwsClients aws, Clock clock) {
    this(config, aws, new DataPlaneClients(aws.credentials(), config.openSearchEndpointUrl()), clock);
  }

  private UbaPipelineReconciler(OperatorConfig config, AwsClients aws, DataPlaneClients dataPlanes, Clock clock) {
    this(config, aws, aws.shared(config.resyncInterval()), dataPlanes, clock);
  }

  /** The real resource types, reading tags and domains through the reads the region's objects share. */
  private UbaPipelineReconciler(OperatorConfig config, AwsClients aws, SharedReads shared, DataPlaneClients dataPlanes,
      Clock clock) {
    this(config, clock, (region, budget) -> new PipelineResources(
            new KinesisStream(aws.kinesis(region), budget, shared.tags(region)),
            budget, new ManagedPolicy(aws.iam(region), shared.policies(region)), new IamRole(aws.iam(region)),
            new OpenSearchDomain(aws.openSearch(region), shared.domains(region), shared.tags(region)),
            new ArchiveBucket(aws.s3(region)),
            new LogGroup(aws.cloudWatchLogs(region), shared.tags(region)),
            new DeliveryStream(aws.firehose(region), shared.tags(region)),
            new DeliveryMetrics(aws.cloudWatch(region)), dataPlaneOf(dataPlanes, region)),
        region -> new PipelineDesiredState.Location(region, aws.accountId(region), AwsClients.partition(region),
            DataPlaneAccess.roleArnOfCaller(aws.callerArn(region)).orElse(null),
            config.leastPrivilege().permissionsBoundary()));
  }

  private static PipelineResources.DataPlaneResources dataPlaneOf(DataPlaneClients planes, String region) {
    return new PipelineResources.DataPlaneResources() {
      @Override
      public IndexTemplate indexTemplate(String endpoint) {
        return new IndexTemplate(planes.forDomain(endpoint, region));
      }

      @Override
      public IsmPolicy ismPolicy(String endpoint) {
        return new IsmPolicy(planes.forDomain(endpoint, region));
      }
    };
  }

  /** With the resource types and the account lookup given (fakes in the sequencing tests). */
  UbaPipelineReconciler(OperatorConfig config, Clock clock, PipelineResources.Factory resources,
      Function<String, PipelineDesiredState.Location> locations) {
    super(config.pollInterval(), config.resyncInterval(), clock);
    this.config = config;
    this.clock = clock;
    this.resources = resources;
    this.locations = locations;
  }

  @Override
  protected UbaPipelineStatus newStatus() {
    return new UbaPipelineStatus();
  }

  @Override
  protected Optional<Outcome> validate(UbaPipeline pipeline) {
    return PipelineValidation.validate(pipeline, config.region(), PipelineNames.of(pipeline));
  }

  @Override
  protected List<Outcome> converge(UbaPipeline pipeline, UbaPipelineStatus status, Context<UbaPipeline> context,
      EventSink events) {
    String region = config.regionFor(pipeline.getSpec().getRegion());
    Optional<Outcome> refused = PipelineValidation.checkPrincipalAccounts(pipeline.getSpec().getSearch(),
        config.leastPrivilege(), locations.apply(region).accountId());
    if (refused.isPresent()) {
      return List.of(refused.get());
    }
    PipelinePass pass = pass(pipeline, status, region, events);
    Workflow.PassResult result = PipelineWorkflow.WORKFLOW.reconcile(pass, status.getResources());
    status.setResources(result.resources());
    if (pass.deliveryWanted()) {
      DeliveryNodes.notMeasuredYet(pass);
    } else {
      status.setDataFlow(null);
      StatusDerivation.removeCondition(status, DataFlow.CONDITION);
    }
    if (ownsAnything(status)) {
      // From now on the region is fixed (ImmutableField); before anything exists it may still be corrected.
      status.setRegion(region);
    }
    return result.outcomes();
  }

  @Override
  protected Optional<List<Outcome>> delete(UbaPipeline pipeline, UbaPipelineStatus status,
      Context<UbaPipeline> context, EventSink events) {
    String region = status.getRegion() != null ? status.getRegion() : config.regionFor(pipeline.getSpec().getRegion());
    if (region == null) {
      return Optional.empty();
    }
    Workflow.PassResult result = PipelineWorkflow.WORKFLOW.cleanup(pass(pipeline, status, region, events),
        status.getResources());
    if (result.finished()) {
      return Optional.empty();
    }
    status.setResources(result.resources());
    return Optional.of(result.outcomes());
  }

  /** Everything one pass knows: the desired state, what is in use, the resource types of the region. */
  PipelinePass pass(UbaPipeline pipeline, UbaPipelineStatus status, String region, EventSink events) {
    PipelineDesiredState.Location where = locations.apply(region);
    PipelineNames names = PipelineNames.of(pipeline);
    PipelineDesiredState desired = PipelineDesiredState.of(pipeline, names, where);
    PipelineDesiredState inUse = PipelineDesiredState.of(PipelineInUse.withRecorded(pipeline, status),
        PipelineInUse.namesInUse(pipeline), where, status.getIngestionRole() != null);
    UbaPipelineStatus.StreamStatus stream = status.getStream();
    StreamChangeBudget budget = new StreamChangeBudget(clock,
        stream == null ? List.of() : stream.getShardCountUpdates(), stream == null ? List.of() : stream.getModeSwitches());
    return new PipelinePass(desired, inUse, status, resources.create(region, budget), names.ownerId(), events,
        pipeline.getSpec().getDeletionPolicy(), pipeline.getMetadata().getGeneration(), clock.instant());
  }

  private static boolean ownsAnything(UbaPipelineStatus status) {
    return status.getStream() != null || status.getProducerPolicy() != null || status.getIngestionRole() != null
        || status.getSearch() != null || status.getArchive() != null || status.getDelivery() != null;
  }
}
