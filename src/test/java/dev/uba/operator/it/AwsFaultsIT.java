package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.testenv.AwsCheck;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.Faults;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * AWS misbehaving: throttling is shown as Progressing/Throttled and retried with backoff, and a
 * create whose answer is lost does not lead to a second resource.
 */
class AwsFaultsIT {
  private static final String PIPELINE = """
      apiVersion: uba.dev/v1alpha1
      kind: UbaPipeline
      metadata: {name: faulty}
      spec: {}
      """;

  private KubeApi kube;
  private LocalAws aws;
  private RunningOperator operator;
  private KubernetesClient client;
  private Pipelines pipelines;
  private String ns;

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    ns = kube.newNamespace("faults");
    client = kube.newClient();
    pipelines = new Pipelines(client);
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofMinutes(10), Set.of(ns));
  }

  @AfterEach
  void stop() {
    aws.faults().clear();
    operator.close();
    client.close();
  }

  @Test
  void throttlingIsReportedAndRetriedUntilTheStreamIsReady() {
    Faults.Rule throttle = aws.faults().on("kinesis", "DescribeStreamSummary").times(3).throttle();

    pipelines.create(ns, PIPELINE);

    UbaPipeline throttled = await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(100))
        .until(() -> pipelines.get(ns, "faulty"), p -> p != null && Pipelines.condition(p, "Progressing")
            .map(c -> "Throttled".equals(c.getReason())).orElse(false));
    assertThat(Pipelines.isTrue(throttled, "Degraded")).isFalse();
    pipelines.awaitReady(ns, "faulty");
    assertThat(throttle.fired()).isEqualTo(3);
    assertThat(operator.awsCalls().calls("Kinesis", "CreateStream")).isEqualTo(1);
  }

  @Test
  void aCreateWhoseAnswerIsLostLeavesOneStream() {
    Faults.Rule lost = aws.faults().on("kinesis", "CreateStream").once().loseAnswer();

    pipelines.create(ns, PIPELINE);
    UbaPipeline ready = pipelines.awaitReady(ns, "faulty");

    assertThat(lost.fired()).isEqualTo(1);
    String name = ns + "-faulty";
    try (AwsCheck check = new AwsCheck(aws.motoEndpoint())) {
      assertThat(check.streamExists(name)).isTrue();
      assertThat(check.streamTags(name)).containsEntry("uba.dev/owner", ns + "/ubapipeline/faulty");
    }
    assertThat(ready.getStatus().getStream().getName()).isEqualTo(name);
  }
}
