package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.testenv.AwsCheck;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Names already taken in AWS are refused; an operator restarted halfway finishes without duplicates. */
class OwnershipAndRestartIT {
  private KubeApi kube;
  private LocalAws aws;
  private KubernetesClient client;
  private Pipelines pipelines;
  private AwsCheck check;
  private String ns;
  private RunningOperator operator;

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    ns = kube.newNamespace("owner");
    client = kube.newClient();
    pipelines = new Pipelines(client);
    check = new AwsCheck(aws.motoEndpoint());
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    client.close();
    check.close();
  }

  @Test
  void aStreamOwnedByAnotherObjectOrByNoOneIsRefusedAndLeftUntouched() {
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofMinutes(10), Set.of(ns));
    String taken = ns + "-taken";
    String untagged = ns + "-untagged";
    check.kinesis.createStream(r -> r.streamName(taken).shardCount(1));
    check.kinesis.addTagsToStream(r -> r.streamName(taken).tags(Map.of("uba.dev/owner", "other/ubapipeline/x")));
    check.kinesis.createStream(r -> r.streamName(untagged).shardCount(1));

    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: first}
        spec:
          stream: {name: %s, shards: 2}
        """.formatted(taken));
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: second}
        spec:
          stream: {name: %s, shards: 2}
        """.formatted(untagged));

    UbaPipeline first = pipelines.awaitDegraded(ns, "first", "OwnedByAnother");
    UbaPipeline second = pipelines.awaitDegraded(ns, "second", "AlreadyExists");
    assertThat(Pipelines.condition(first, "Degraded").orElseThrow().getMessage()).contains("other/ubapipeline/x");
    assertThat(Pipelines.condition(second, "Degraded").orElseThrow().getMessage()).contains(untagged);

    pipelines.delete(ns, "first");
    pipelines.delete(ns, "second");
    pipelines.awaitGone(ns, "first");
    pipelines.awaitGone(ns, "second");
    for (String stream : new String[] {taken, untagged}) {
      var summary = check.kinesis.describeStreamSummary(r -> r.streamName(stream)).streamDescriptionSummary();
      assertThat(summary.openShardCount()).as("shards of %s", stream).isEqualTo(1);
    }
    assertThat(check.streamTags(taken)).containsEntry("uba.dev/owner", "other/ubapipeline/x");
    assertThat(check.streamTags(untagged)).doesNotContainKey("uba.dev/owner");
  }

  @Test
  void anOperatorRestartedHalfwayConvergesWithoutDuplicates() {
    var calls = aws.calls();
    int createStreams = calls.count("kinesis", "CreateStream");
    int createDomains = calls.count("es", "CreateDomain");
    int createRoles = calls.count("iam", "CreateRole");
    int createPolicies = calls.count("iam", "CreatePolicy");
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofMinutes(10), Set.of(ns));
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: restarted}
        spec:
          search: {}
        """);
    // Stop while AWS is still creating: the domain has been asked for but is not ready yet.
    await().atMost(Pipelines.TIMEOUT).until(() -> {
      UbaPipeline p = pipelines.get(ns, "restarted");
      return p != null && p.getStatus() != null && p.getStatus().getSearch() != null
          && Pipelines.isTrue(p, "Progressing");
    });
    operator.close();

    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofMinutes(10), Set.of(ns));
    pipelines.awaitReady(ns, "restarted");

    assertThat(calls.count("kinesis", "CreateStream") - createStreams).isEqualTo(1);
    assertThat(calls.count("es", "CreateDomain") - createDomains).isEqualTo(1);
    assertThat(calls.count("iam", "CreateRole") - createRoles).isEqualTo(1);
    assertThat(calls.count("iam", "CreatePolicy") - createPolicies).isEqualTo(1);
  }
}
