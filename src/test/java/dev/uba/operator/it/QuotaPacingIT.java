package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.aws.budget.AwsBudgetMetrics;
import dev.uba.operator.aws.budget.AwsQuotas;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.CallLog;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many objects applied at once with a small UBA_AWS_QUOTA_SHARE: the operator paces its calls of
 * each AWS operation within the share (counted from what the local AWS received, window by window),
 * waits for budget instead of being refused, and still brings every object to Ready.
 */
class QuotaPacingIT {
  private static final double SHARE = 0.2;
  private static final int PIPELINES = 10;
  private static final Duration WINDOW = Duration.ofSeconds(5);
  /** The signing names the local AWS logs -> the SDK's service names the quota table uses. */
  private static final Map<String, String> SERVICES = Map.of("kinesis", "Kinesis", "sts", "Sts", "logs",
      "CloudWatchLogs", "iam", "Iam", "firehose", "Firehose", "s3", "S3", "es", "OpenSearch");

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
    ns = kube.newNamespace("pacing");
    client = kube.newClient();
    pipelines = new Pipelines(client);
    operator = RunningOperator.start(kube, aws,
        RunningOperator.config(Duration.ofMillis(500), Duration.ofMinutes(10), Set.of(ns)).withAwsQuotaShare(SHARE));
  }

  @AfterEach
  void stop() {
    operator.close();
    client.close();
  }

  @Test
  void objectsAppliedAtOnceConvergeWithEveryOperationWithinItsShare() {
    Instant from = Instant.now();
    for (int i = 0; i < PIPELINES; i++) {
      pipelines.create(ns, """
          apiVersion: uba.dev/v1alpha1
          kind: UbaPipeline
          metadata: {name: paced-%d}
          spec: {}
          """.formatted(i));
    }
    for (int i = 0; i < PIPELINES; i++) {
      pipelines.awaitReady(ns, "paced-" + i);
    }

    List<CallLog.Call> calls = aws.calls().snapshot().stream().filter(c -> !c.at().isBefore(from)).toList();
    List<String> over = new ArrayList<>();
    Map<String, Integer> busiest = new TreeMap<>();
    calls.stream().collect(Collectors.groupingBy(c -> c.service() + " " + c.operation())).forEach((op, list) -> {
      CallLog.Call first = list.get(0);
      double allowed = AwsQuotas.of(SERVICES.getOrDefault(first.service(), first.service()), first.operation())
          .callsPerSecond() * SHARE * WINDOW.toSeconds();
      // A window holds at most the calls the rate allows, one more the bucket held when it began,
      // and one more answered late from before it (counted by answer).
      long limit = (long) Math.floor(allowed) + 2;
      Map<Long, Long> perWindow = list.stream().collect(Collectors.groupingBy(
          c -> c.at().toEpochMilli() / WINDOW.toMillis(), Collectors.counting()));
      long max = perWindow.values().stream().mapToLong(Long::longValue).max().orElse(0);
      busiest.put(op, (int) max);
      if (max > limit) {
        over.add(op + ": " + max + " calls in " + WINDOW.toSeconds() + " s, allowed " + limit);
      }
    });
    AwsBudgetMetrics metrics = operator.awsBudget().metrics();
    System.out.printf("QuotaPacingIT: %d pipelines Ready in %d s at share %.2f; %d AWS calls, %d deferred for budget; "
        + "busiest %d-s window per operation: %s%n", PIPELINES, Duration.between(from, Instant.now()).toSeconds(), SHARE,
        calls.size(), metrics.count(AwsBudgetMetrics.DEFERRED, null, null), WINDOW.toSeconds(), busiest);
    assertThat(over).as("operations over their share (busiest windows: %s)", busiest).isEmpty();
    assertThat(calls).as("no call refused for a rate quota")
        .noneMatch(c -> c.errorCode() != null && c.errorCode().matches(".*(Throttl|LimitExceeded|TooManyRequests).*"));
    assertThat(metrics.count(AwsBudgetMetrics.DEFERRED, null, null))
        .as("calls that waited for their turn instead of being sent").isPositive();
    assertThat(metrics.count(AwsBudgetMetrics.THROTTLED, null, null)).isZero();
  }
}
