package dev.uba.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.iam.PolicyActual;
import dev.uba.operator.aws.iam.PolicyDesired;
import dev.uba.operator.aws.iam.RoleActual;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.kinesis.StreamActual;
import dev.uba.operator.aws.kinesis.StreamDesired;
import dev.uba.operator.aws.opensearch.DomainActual;
import dev.uba.operator.aws.opensearch.DomainDesired;
import dev.uba.operator.aws.cloudwatch.DeliveryMetrics;
import dev.uba.operator.aws.firehose.DeliveryActual;
import dev.uba.operator.aws.firehose.DeliveryDesired;
import dev.uba.operator.aws.logs.LogGroupActual;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.opensearch.dataplane.IndexTemplateActual;
import dev.uba.operator.aws.opensearch.dataplane.IndexTemplateDesired;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyActual;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyDesired;
import dev.uba.operator.aws.s3.BucketActual;
import dev.uba.operator.aws.s3.BucketDesired;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.fake.FakeAws;
import dev.uba.operator.engine.fake.FakeResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order in which a pipeline's resources are created, waited on and deleted, on fake AWS resources. */
class PipelineSequencingTest {
  private static final String REGION = "eu-west-1";

  private final FakeAws aws = new FakeAws();
  private final FakeResource<StreamDesired, StreamActual> stream = new FakeResource<>(aws, "KinesisStream",
      (name, h) -> new StreamActual(name, "arn:stream/" + name, h.state(), h.desired().mode(), h.desired().shards(),
          h.desired().retentionHours(), h.desired().encrypted() ? "KMS" : "NONE", h.desired().kmsKeyId(), h.tags()),
      StreamActual::name);
  private final FakeResource<PolicyDesired, PolicyActual> policy = new FakeResource<PolicyDesired, PolicyActual>(aws,
      "IamPolicy", (name, h) -> new PolicyActual(name, h.desired().arn(), "v1", h.desired().document(), h.tags()),
      PolicyActual::name).settlesOnCreate();
  private final FakeResource<RoleDesired, RoleActual> role = new FakeResource<>(aws, "IamRole",
      (name, h) -> new RoleActual(name, "arn:aws:iam::123456789012:role" + h.desired().path() + name,
          h.desired().trustPolicy(), h.desired().inlinePolicy(), h.desired().permissionsBoundary(), h.tags()),
      RoleActual::name);
  private final FakeResource<DomainDesired, DomainActual> domain = new FakeResource<>(aws, "OpenSearchDomain",
      PipelineSequencingTest::domainOf, DomainActual::name);
  private final FakeResource<BucketDesired, BucketActual> archive = new FakeResource<BucketDesired, BucketActual>(aws,
      "S3Bucket", (name, h) -> new BucketActual(name, h.desired().arn(), null, null, null, null, List.of(), h.tags(),
          h.desired().forceDestroy()), BucketActual::name).settlesOnCreate();
  private final FakeResource<LogGroupDesired, LogGroupActual> logGroup = new FakeResource<LogGroupDesired,
      LogGroupActual>(aws, "LogGroup", (name, h) -> new LogGroupActual(name, h.desired().arn(),
          h.desired().retentionDays(), h.tags()), LogGroupActual::name).settlesOnCreate();
  private final FakeResource<DeliveryDesired, DeliveryActual> delivery = new FakeResource<>(aws, "DeliveryStream",
      (name, h) -> new DeliveryActual(name, "arn:firehose/" + name, h.state().equals("FAILED") ? "CREATING_FAILED"
          : h.state(), "1", "destinationId-000000000001", h.reason(), h.desired().settings(), h.tags()),
      DeliveryActual::name);
  private final FakeResource<IndexTemplateDesired, IndexTemplateActual> template = new FakeResource<IndexTemplateDesired,
      IndexTemplateActual>(aws, "OpenSearchIndexTemplate", (name, h) -> new IndexTemplateActual(name,
          h.desired().indexPatterns(), 100L, h.desired().shards(), h.desired().replicas(), null, name),
      IndexTemplateActual::name).settlesOnCreate().untaggable();
  private final FakeResource<IsmPolicyDesired, IsmPolicyActual> ism = new FakeResource<IsmPolicyDesired,
      IsmPolicyActual>(aws, "OpenSearchIsmPolicy", (name, h) -> new IsmPolicyActual(name, "", "hot", List.of(),
          List.of(), null, name), IsmPolicyActual::name).settlesOnCreate().untaggable();
  private final List<String> events = new ArrayList<>();

  private static DomainActual domainOf(String name, FakeResource.Held<DomainDesired> h) {
    DomainDesired d = h.desired();
    return new DomainActual(name, d.arn(), "search-" + name, d.engineVersion(), true, h.state().equals("CREATING"),
        false, h.state().equals("DELETING"), "", d.instanceType(), d.instanceCount(), d.dedicatedMasters(),
        d.dedicatedMasterType(), d.dedicatedMasterCount(), d.zoneAwareness(), d.zoneCount(), d.volumeSizeGiB(),
        d.volumeType(), d.encryptionAtRest(), d.nodeToNodeEncryption(), d.enforceHttps(), DomainDesired.TLS_POLICY,
        d.accessPolicy(), h.tags());
  }

  private UbaPipelineReconciler reconciler() {
    return new UbaPipelineReconciler(OperatorConfig.fromEnvironment(Map.of("AWS_REGION", REGION)),
        Clock.systemUTC(), (region, budget) -> new PipelineResources(stream, budget, policy, role, domain, archive,
            logGroup, delivery, metrics, new PipelineResources.DataPlaneResources() {
              @Override
              public FakeResource<IndexTemplateDesired, IndexTemplateActual> indexTemplate(String endpoint) {
                if (endpoint == null) {
                  throw new IllegalArgumentException("no endpoint yet");
                }
                return template;
              }

              @Override
              public FakeResource<IsmPolicyDesired, IsmPolicyActual> ismPolicy(String endpoint) {
                return ism;
              }
            }),
        region -> new PipelineDesiredState.Location(region, "123456789012", "aws"));
  }

  private final EventSink sink = new EventSink() {
    @Override
    public void normal(String reason, String message) {
      events.add(reason + " " + message);
    }

    @Override
    public void warning(String reason, String message) {
      events.add(reason + " " + message);
    }
  };

  /** Reads what the metrics fake holds for any window: the reading is not a resource that gets created. */
  private final MetricsReader metrics = new MetricsReader();

  private final class MetricsReader implements dev.uba.operator.engine.AwsResource<DeliveryMetrics.Query,
      DeliveryMetrics.Reading> {
    DeliveryMetrics.Reading reading = new DeliveryMetrics.Reading(1200L, 1195L, 1.0, 95.0);

    @Override public String kind() { return "DeliveryMetrics"; }
    @Override public Optional<DeliveryMetrics.Reading> observe(DeliveryMetrics.Query q) {
      return Optional.of(reading);
    }
    @Override public Map<String, String> tags(DeliveryMetrics.Reading a) { return Map.of(); }
    @Override public boolean taggable() { return false; }
    @Override public dev.uba.operator.engine.AwsState state(DeliveryMetrics.Reading a) {
      return dev.uba.operator.engine.AwsState.stable("Measured");
    }
    @Override public String arn(DeliveryMetrics.Reading a) { return null; }
    @Override public dev.uba.operator.engine.Drift drift(DeliveryMetrics.Query d, DeliveryMetrics.Reading a) {
      return dev.uba.operator.engine.Drift.NONE;
    }
    @Override public Applied create(DeliveryMetrics.Query d) { throw new UnsupportedOperationException(); }
    @Override public Applied update(DeliveryMetrics.Query d, DeliveryMetrics.Reading a, dev.uba.operator.engine.Drift x) {
      throw new UnsupportedOperationException();
    }
    @Override public Applied delete(DeliveryMetrics.Reading a) { throw new UnsupportedOperationException(); }
  }

  private static UbaPipeline pipeline(boolean search, DeletionPolicy policy) {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setDeletionPolicy(policy);
    if (search) {
      spec.setSearch(new SearchSpec());
    }
    UbaPipeline p = new UbaPipeline();
    p.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("clicks").withGeneration(1L).build());
    p.setSpec(spec);
    p.setStatus(new UbaPipelineStatus());
    return p;
  }

  private List<Outcome> pass(UbaPipelineReconciler reconciler, UbaPipeline p) {
    return reconciler.converge(p, p.getStatus(), null, sink);
  }

  private Optional<List<Outcome>> deletePass(UbaPipelineReconciler reconciler, UbaPipeline p) {
    return reconciler.delete(p, p.getStatus(), null, sink);
  }

  /** Passes with AWS finishing in between, until every resource is Ready. */
  private void converged(UbaPipelineReconciler reconciler, UbaPipeline p) {
    for (int i = 0; i < 5 && !pass(reconciler, p).stream().allMatch(Outcome::isReady); i++) {
      aws.settleAll();
    }
    assertThat(pass(reconciler, p)).allMatch(Outcome::isReady);
  }

  @Test
  void createsTheStreamAndPolicyAtOnceAndTheDomainOnlyOnceItsRoleExists() {
    UbaPipeline p = pipeline(true, DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();

    List<Outcome> first = pass(reconciler, p);
    assertThat(aws.writes()).containsExactly("create KinesisStream analytics-clicks",
        "create IamPolicy analytics-clicks-producer", "create IamRole analytics-clicks-ingest");
    assertThat(p.getStatus().getResources()).filteredOn(r -> r.getKind().equals("OpenSearchDomain"))
        .singleElement().extracting(ResourceStatus::getMessage).isEqualTo("waiting for IamRole analytics-clicks-ingest");
    assertThat(first).extracting(Outcome::reason)
        .containsExactly(Reasons.CREATING, Reasons.READY, Reasons.CREATING, Reasons.WAITING, Reasons.WAITING);

    aws.settleAll();
    pass(reconciler, p);
    assertThat(aws.writes()).last().isEqualTo("create OpenSearchDomain analytics-clicks");
    converged(reconciler, p);
    assertThat(aws.writes()).hasSize(5).last().isEqualTo("create OpenSearchIndexTemplate uba-events");
    assertThat(p.getStatus().getSearch().getIndexTemplate()).isEqualTo("uba-events");
  }

  @Test
  void accessForAnAccountNotAllowedIsInvalidSpecAndNothingIsAskedOfAws() {
    UbaPipeline p = pipeline(true, DeletionPolicy.Delete);
    p.getSpec().getSearch().setAccessPrincipals(List.of("arn:aws:iam::210987654321:role/elsewhere"));
    List<Outcome> outcomes = pass(reconciler(), p);
    assertThat(aws.journal()).as("no AWS call but knowing the own account").isEmpty();
    assertThat(outcomes).singleElement().satisfies(o -> {
      assertThat(o.reason()).isEqualTo(Reasons.INVALID_SPEC);
      assertThat(o.message()).contains("spec.search.accessPrincipals[0]").contains("210987654321");
    });
  }

  @Test
  void aRoleAwsRefusesStopsTheDomainOnlyAndSaysWhy() {
    role.failNext("create", "AccessDenied", 403);
    UbaPipeline p = pipeline(true, DeletionPolicy.Delete);

    List<Outcome> outcomes = pass(reconciler(), p);
    assertThat(aws.writes()).containsExactly("create KinesisStream analytics-clicks",
        "create IamPolicy analytics-clicks-producer", "create IamRole analytics-clicks-ingest");
    assertThat(outcomes).extracting(Outcome::reason).contains(Reasons.ACCESS_DENIED, Reasons.WAITING);
    assertThat(domain.exists("analytics-clicks")).isFalse();
  }

  @Test
  void deletesDomainRoleStreamPolicyInThatOrderEachOnceTheOneBeforeIsGone() {
    UbaPipeline p = pipeline(true, DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();
    converged(reconciler, p);
    aws.clearJournal();

    for (int i = 0; i < 10 && deletePass(reconciler, p).isPresent(); i++) {
      aws.settleAll();
    }
    assertThat(deletePass(reconciler, p)).isEmpty();
    assertThat(aws.writes()).containsExactly("delete OpenSearchDomain analytics-clicks",
        "delete IamRole analytics-clicks-ingest", "delete KinesisStream analytics-clicks",
        "delete IamPolicy analytics-clicks-producer");
  }

  @Test
  void removingSearchDeletesTheDomainBeforeTheRole() {
    UbaPipeline p = pipeline(true, DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();
    converged(reconciler, p);
    aws.clearJournal();
    p.getSpec().setSearch(null);

    pass(reconciler, p);
    assertThat(aws.writes()).containsExactly("delete OpenSearchDomain analytics-clicks");
    assertThat(p.getStatus().getIngestionRole()).isNotNull();
    assertThat(aws.writes()).as("the domain takes its template with it").noneMatch(w -> w.contains("IndexTemplate"));
    aws.settleAll();
    pass(reconciler, p);
    aws.settleAll();
    pass(reconciler, p);
    assertThat(aws.writes()).containsExactly("delete OpenSearchDomain analytics-clicks",
        "delete IamRole analytics-clicks-ingest");
    assertThat(p.getStatus().getSearch()).isNull();
    assertThat(p.getStatus().getIngestionRole()).isNull();
  }

  @Test
  void removingSearchWithRetainLeavesDomainAndRoleInPlace() {
    UbaPipeline p = pipeline(true, DeletionPolicy.Retain);
    UbaPipelineReconciler reconciler = reconciler();
    converged(reconciler, p);
    aws.clearJournal();
    p.getSpec().setSearch(null);

    pass(reconciler, p);
    assertThat(aws.writes()).isEmpty();
    assertThat(p.getStatus().getSearch()).isNull();
    assertThat(p.getStatus().getIngestionRole()).isNull();
    assertThat(events).filteredOn(e -> e.startsWith("Released")).hasSize(2);
    assertThat(domain.exists("analytics-clicks")).isTrue();
  }

  @Test
  void aRestartedOperatorCreatesNothingTwice() {
    UbaPipeline p = pipeline(true, DeletionPolicy.Delete);
    pass(reconciler(), p);
    aws.settleAll();
    aws.clearJournal();

    // a new reconciler, as after a restart or a leader change: it knows only status and AWS
    UbaPipelineReconciler restarted = reconciler();
    converged(restarted, p);
    assertThat(aws.writes()).containsExactly("create OpenSearchDomain analytics-clicks",
        "create OpenSearchIndexTemplate uba-events");
  }

  private static UbaPipeline withDelivery(DeletionPolicy policy) {
    UbaPipeline p = pipeline(true, policy);
    p.getSpec().setArchive(new dev.uba.operator.api.v1alpha1.ArchiveSpec());
    p.getSpec().setDelivery(new dev.uba.operator.api.v1alpha1.DeliverySpec());
    return p;
  }

  private static Optional<io.fabric8.kubernetes.api.model.Condition> dataFlowing(UbaPipeline p) {
    return p.getStatus().getConditions().stream().filter(c -> c.getType().equals("DataFlowing")).findFirst();
  }

  @Test
  void theDeliveryComesLastOnceStreamDomainRoleBucketAndLogGroupAreThereAndDataFlowIsMeasured() {
    UbaPipeline p = withDelivery(DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();
    pass(reconciler, p);
    assertThat(aws.writes()).containsExactly("create S3Bucket " + p.getStatus().getArchive().getBucketName(),
        "create KinesisStream analytics-clicks", "create IamPolicy analytics-clicks-producer",
        "create LogGroup /aws/kinesisfirehose/analytics-clicks", "create IamRole analytics-clicks-ingest");
    assertThat(p.getStatus().getResources()).extracting(ResourceStatus::getKind).endsWith("OpenSearchDomain",
        "OpenSearchIndexTemplate", "DeliveryStream");
    assertThat(dataFlowing(p)).get().extracting(c -> c.getStatus(), c -> c.getReason())
        .containsExactly("Unknown", "NotMeasured");

    converged(reconciler, p);
    assertThat(aws.writes()).endsWith("create OpenSearchIndexTemplate uba-events", "create DeliveryStream analytics-clicks");
    assertThat(p.getStatus().getDelivery().getDestination()).isEqualTo("OpenSearch");
    assertThat(delivery.held("analytics-clicks").orElseThrow().desired().settings().prefix()).isEqualTo("backup/");
    assertThat(dataFlowing(p)).get().extracting(c -> c.getStatus(), c -> c.getReason())
        .containsExactly("True", "Flowing");
    assertThat(p.getStatus().getDataFlow().getIncomingRecords()).isEqualTo(1200L);

    metrics.reading = new DeliveryMetrics.Reading(1200L, 0L, 0.0, null);
    pass(reconciler, p);
    assertThat(dataFlowing(p)).get().extracting(c -> c.getReason()).isEqualTo("DeliveryFailing");
  }

  @Test
  void aFailedDeliveryStreamIsTriedAgainOnlyAfterASpecChange() {
    UbaPipeline p = withDelivery(DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();
    converged(reconciler, p);
    delivery.fail("analytics-clicks", "RETIRE_KMS_GRANT_FAILED: the key is disabled");
    aws.clearJournal();

    assertThat(pass(reconciler, p)).extracting(Outcome::reason).contains(Reasons.AWS_RESOURCE_FAILED);
    assertThat(pass(reconciler, p)).extracting(Outcome::reason).contains(Reasons.AWS_RESOURCE_FAILED);
    assertThat(aws.writes()).as("a resync only looks").isEmpty();

    p.getMetadata().setGeneration(2L);
    p.getSpec().getDelivery().setBufferSizeMiB(10);
    pass(reconciler, p);
    assertThat(aws.writes()).containsExactly("retry DeliveryStream analytics-clicks",
        "delete DeliveryStream analytics-clicks");
    aws.settleAll();
    converged(reconciler, p);
    assertThat(aws.writes()).last().isEqualTo("create DeliveryStream analytics-clicks");
    assertThat(delivery.held("analytics-clicks").orElseThrow().desired().settings().bufferSizeMiB()).isEqualTo(10);
  }

  @Test
  void deletionTakesTheDeliveryFirstAndTheArchiveLast() {
    UbaPipeline p = withDelivery(DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();
    converged(reconciler, p);
    String bucket = p.getStatus().getArchive().getBucketName();
    aws.clearJournal();

    for (int i = 0; i < 20 && deletePass(reconciler, p).isPresent(); i++) {
      aws.settleAll();
    }
    assertThat(aws.writes()).containsExactly("delete DeliveryStream analytics-clicks",
        "delete OpenSearchDomain analytics-clicks", "delete IamRole analytics-clicks-ingest",
        "delete LogGroup /aws/kinesisfirehose/analytics-clicks", "delete KinesisStream analytics-clicks",
        "delete IamPolicy analytics-clicks-producer", "delete S3Bucket " + bucket);
  }

  @Test
  void removingTheDeliveryDeletesItThenItsLogGroupAndForgetsTheDataFlow() {
    UbaPipeline p = withDelivery(DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();
    converged(reconciler, p);
    aws.clearJournal();
    p.getSpec().setDelivery(null);

    for (int i = 0; i < 5; i++) {
      pass(reconciler, p);
      aws.settleAll();
    }
    // the role loses the delivery's grants at once; the stream goes, then its log group
    assertThat(aws.writes()).containsExactly("update IamRole analytics-clicks-ingest",
        "delete DeliveryStream analytics-clicks", "delete LogGroup /aws/kinesisfirehose/analytics-clicks");
    assertThat(p.getStatus().getDelivery()).isNull();
    assertThat(p.getStatus().getDataFlow()).isNull();
    assertThat(dataFlowing(p)).isEmpty();
    assertThat(archive.exists(p.getStatus().getArchive().getBucketName())).isTrue();
  }
}
