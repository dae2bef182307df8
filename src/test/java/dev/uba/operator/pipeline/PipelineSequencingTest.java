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
      (name, h) -> new RoleActual(name, "arn:role/" + name, h.desired().trustPolicy(), h.desired().inlinePolicy(),
          h.tags()), RoleActual::name);
  private final FakeResource<DomainDesired, DomainActual> domain = new FakeResource<>(aws, "OpenSearchDomain",
      PipelineSequencingTest::domainOf, DomainActual::name);
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
        Clock.systemUTC(), (region, budget) -> new PipelineResources(stream, budget, policy, role, domain),
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
    assertThat(p.getStatus().getResources()).extracting(ResourceStatus::getKind, ResourceStatus::getMessage)
        .last().asString().contains("OpenSearchDomain", "waiting for IamRole analytics-clicks-ingest");
    assertThat(first).extracting(Outcome::reason)
        .containsExactly(Reasons.CREATING, Reasons.READY, Reasons.CREATING, Reasons.WAITING);

    aws.settleAll();
    pass(reconciler, p);
    assertThat(aws.writes()).last().isEqualTo("create OpenSearchDomain analytics-clicks");
    converged(reconciler, p);
    assertThat(aws.writes()).hasSize(4);
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
  void deletesDomainRolePolicyStreamInThatOrderEachOnceTheOneBeforeIsGone() {
    UbaPipeline p = pipeline(true, DeletionPolicy.Delete);
    UbaPipelineReconciler reconciler = reconciler();
    converged(reconciler, p);
    aws.clearJournal();

    for (int i = 0; i < 10 && deletePass(reconciler, p).isPresent(); i++) {
      aws.settleAll();
    }
    assertThat(deletePass(reconciler, p)).isEmpty();
    assertThat(aws.writes()).containsExactly("delete OpenSearchDomain analytics-clicks",
        "delete IamRole analytics-clicks-ingest", "delete IamPolicy analytics-clicks-producer",
        "delete KinesisStream analytics-clicks");
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
    assertThat(aws.writes()).containsExactly("create OpenSearchDomain analytics-clicks");
  }
}
