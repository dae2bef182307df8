package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uba.operator.engine.PolicyDocuments;
import dev.uba.operator.testenv.AwsCheck;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Periodic resync: a converged pipeline costs reads only, and changes made in AWS behind the
 * operator's back are reverted. The operator here watches only this test's namespace and resyncs
 * every 2 seconds, so its call counts belong to this pipeline alone.
 */
class DriftAndSteadyStateIT {
  private static final String PIPELINE = """
      apiVersion: uba.dev/v1alpha1
      kind: UbaPipeline
      metadata: {name: steady}
      spec:
        tags: {team: growth}
        stream: {retentionHours: 48}
        search: {}
      """;

  private KubeApi kube;
  private RunningOperator operator;
  private KubernetesClient client;
  private Pipelines pipelines;
  private AwsCheck check;
  private String ns;

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    LocalAws aws = LocalAws.shared();
    ns = kube.newNamespace("steady");
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofSeconds(2), Set.of(ns));
    client = kube.newClient();
    pipelines = new Pipelines(client);
    check = new AwsCheck(aws.motoEndpoint());
  }

  @AfterEach
  void stop() {
    operator.close();
    client.close();
    check.close();
  }

  @Test
  void aConvergedPipelineMakesNoWriteCallOnResync() {
    pipelines.create(ns, PIPELINE);
    pipelines.awaitReady(ns, "steady");
    long writes = operator.awsCalls().writes();
    long describes = operator.awsCalls().calls("Kinesis", "DescribeStreamSummary");

    // Wait for three more resync passes, counted by the reads each pass makes.
    await().atMost(Pipelines.TIMEOUT)
        .until(() -> operator.awsCalls().calls("Kinesis", "DescribeStreamSummary") >= describes + 3);

    assertThat(operator.awsCalls().writes()).as("write calls during steady-state resyncs").isEqualTo(writes);
    assertThat(Pipelines.isTrue(pipelines.get(ns, "steady"), "Ready")).isTrue();
  }

  @Test
  void changesMadeInAwsAreRevertedOnResync() {
    pipelines.create(ns, PIPELINE);
    var ready = pipelines.awaitReady(ns, "steady");
    String name = ns + "-steady";
    String roleName = ready.getStatus().getIngestionRole().getName();
    String policyArn = ready.getStatus().getProducerPolicy().getArn();
    String inlineBefore = check.iam.getRolePolicy(r -> r.roleName(roleName).policyName("uba-ingest")).policyDocument();
    String wideOpen = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    check.kinesis.increaseStreamRetentionPeriod(r -> r.streamName(name).retentionPeriodHours(100));
    check.kinesis.addTagsToStream(r -> r.streamName(name).tags(java.util.Map.of("rogue", "yes")));
    check.openSearch.updateDomainConfig(r -> r.domainName(name).clusterConfig(c -> c.instanceCount(3)
        .instanceType("r6g.large.search")));
    check.iam.putRolePolicy(r -> r.roleName(roleName).policyName("uba-ingest").policyDocument(wideOpen));
    check.iam.createPolicyVersion(r -> r.policyArn(policyArn).policyDocument(wideOpen).setAsDefault(true));

    await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
      var stream = check.kinesis.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary();
      assertThat(stream.retentionPeriodHours()).isEqualTo(48);
      assertThat(check.streamTags(name)).doesNotContainKey("rogue");
      assertThat(check.openSearch.describeDomain(r -> r.domainName(name)).domainStatus().clusterConfig()
          .instanceCount()).isEqualTo(1);
      String inline = check.iam.getRolePolicy(r -> r.roleName(roleName).policyName("uba-ingest")).policyDocument();
      assertThat(PolicyDocuments.equivalent(inline, inlineBefore)).isTrue();
      var policy = check.iam.getPolicy(r -> r.policyArn(policyArn)).policy();
      String doc = check.iam.getPolicyVersion(r -> r.policyArn(policyArn).versionId(policy.defaultVersionId()))
          .policyVersion().document();
      assertThat(PolicyDocuments.equivalent(doc, wideOpen)).isFalse();
    });
    pipelines.awaitReady(ns, "steady");
  }
}
