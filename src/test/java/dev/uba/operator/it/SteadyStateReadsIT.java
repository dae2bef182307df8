package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uba.operator.testenv.AlertAwsCheck;
import dev.uba.operator.testenv.AnomalyAlerts;
import dev.uba.operator.testenv.AwsCheck;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.CallLog;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a resync of converged objects costs in AWS reads, counted by the local AWS ({@link CallLog})
 * for {@value #N} objects of a kind at once, and that drift in tags is still put back. Each
 * object's pass makes one call no other object's pass shares (a pipeline's DescribeStreamSummary,
 * an alert's DescribeRule): their number is the number of passes, and every read is reported per
 * pass, i.e. per object per resync. The figures go to the test's output; docs/engine.md lists
 * them.
 */
class SteadyStateReadsIT {
  static final int N = 10;
  /** Short, so that a few resyncs pass quickly; long enough for ten objects' passes to share reads. */
  static final Duration RESYNC = Duration.ofSeconds(6);
  static final int RESYNCS_MEASURED = 3;

  private LocalAws aws;
  private KubeApi kube;
  private KubernetesClient client;
  private RunningOperator operator;
  private String ns;

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    aws.reset();
    ns = kube.newNamespace("reads");
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), RESYNC, Set.of(ns));
    client = kube.newClient();
  }

  @AfterEach
  void stop() {
    operator.close();
    client.close();
  }

  @Test
  void streamOnlyPipelinesReadTheirTagsTogether() {
    Pipelines pipelines = new Pipelines(client);
    IntStream.range(0, N).forEach(i -> pipelines.create(ns, pipeline("p" + i, "")));
    IntStream.range(0, N).forEach(i -> pipelines.awaitReady(ns, "p" + i));

    Map<String, Double> perPass = measure("kinesis", "DescribeStreamSummary");

    assertThat(perPass.getOrDefault("kinesis.ListTagsForStream", 0.0)
        + perPass.getOrDefault("tagging.GetResources", 0.0)).as("tag reads per pipeline per resync").isLessThan(0.5);
    assertThat(total(perPass)).as("reads per pipeline per resync (4 with a read of its own tags each)")
        .isLessThan(3.5);
    assertThat(perPass.getOrDefault("iam.GetPolicyVersion", 0.0))
        .as("policy documents read per pipeline per resync: only when the default version moved").isLessThan(0.5);

    try (AwsCheck check = new AwsCheck(aws.motoEndpoint())) {
      String stream = ns + "-p3";
      check.kinesis.addTagsToStream(r -> r.streamName(stream).tags(Map.of("rogue", "yes", "team", "changed")));
      int passesBefore = aws.calls().count("kinesis", "DescribeStreamSummary");
      await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(check.streamTags(stream)).doesNotContainKey("rogue").containsEntry("team", "growth"));
      int passes = aws.calls().count("kinesis", "DescribeStreamSummary") - passesBefore;
      assertThat(passes).as("passes of all %d pipelines until the tag was put back: within two resyncs", N)
          .isLessThanOrEqualTo(2 * N + N);

      String policy = pipelines.get(ns, "p5").getStatus().getProducerPolicy().getArn();
      check.iam.tagPolicy(r -> r.policyArn(policy).tags(t -> t.key("rogue").value("yes")));
      int policyPassesBefore = aws.calls().count("kinesis", "DescribeStreamSummary");
      await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
          assertThat(check.iam.getPolicy(r -> r.policyArn(policy)).policy().tags())
              .noneMatch(t -> t.key().equals("rogue")));
      assertThat(aws.calls().count("kinesis", "DescribeStreamSummary") - policyPassesBefore)
          .as("passes of all %d pipelines until the policy's tag was removed: within two resyncs", N)
          .isLessThanOrEqualTo(2 * N + N);
    }
  }

  @Test
  void pipelinesWithDomainsDescribeThemTogether() {
    int n = 5; // DescribeDomains takes five names
    Pipelines pipelines = new Pipelines(client);
    IntStream.range(0, n).forEach(i -> pipelines.create(ns, pipeline("d" + i, "  search: {}\n")));
    IntStream.range(0, n).forEach(i -> pipelines.awaitReady(ns, "d" + i));

    Map<String, Double> perPass = measure("kinesis", "DescribeStreamSummary");

    assertThat(perPass.getOrDefault("es.DescribeDomains", 0.0)).as("domain describes per pipeline per resync")
        .isLessThan(1.0);
    assertThat(perPass.getOrDefault("kinesis.ListTagsForStream", 0.0)).isLessThan(0.5);
  }

  @Test
  void alertsShareAlarmDescribesAndTagReads() {
    AnomalyAlerts alerts = new AnomalyAlerts(client);
    IntStream.range(0, N).forEach(i -> alerts.create(ns, alert("a" + i)));
    IntStream.range(0, N).forEach(i -> alerts.awaitReady(ns, "a" + i));

    Map<String, Double> perPass = measure("events", "DescribeRule");

    assertThat(perPass.getOrDefault("monitoring.DescribeAlarms", 0.0)).as("alarm describes per alert per resync")
        .isLessThan(1.0);
    assertThat(perPass.getOrDefault("sns.ListTagsForResource", 0.0)).as("topic tag reads").isLessThan(0.5);
    assertThat(perPass.getOrDefault("monitoring.ListTagsForResource", 0.0)).as("alarm tag reads").isLessThan(0.5);
    assertThat(perPass.getOrDefault("events.ListTagsForResource", 0.0)).as("rule tag reads").isLessThan(0.5);
    assertThat(perPass.getOrDefault("logs.ListTagsForResource", 0.0)).as("log group tag reads").isLessThan(0.5);

    try (AlertAwsCheck check = new AlertAwsCheck(aws.motoEndpoint())) {
      String topic = "arn:aws:sns:us-east-1:123456789012:" + ns + "-a4";
      String alarm = check.alarm(ns + "-a6").orElseThrow().alarmArn();
      check.sns.tagResource(r -> r.resourceArn(topic).tags(t -> t.key("team").value("changed")));
      check.cloudWatch.tagResource(r -> r.resourceARN(alarm).tags(t -> t.key("rogue").value("yes")));
      int passesBefore = aws.calls().count("events", "DescribeRule");
      await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
        assertThat(check.topicTags(topic)).containsEntry("team", "growth");
        assertThat(check.alarmTags(alarm)).doesNotContainKey("rogue");
      });
      int passes = aws.calls().count("events", "DescribeRule") - passesBefore;
      assertThat(passes).as("passes of all %d alerts until the tags were put back: within two resyncs", N)
          .isLessThanOrEqualTo(2 * N + N);
    }
  }

  /**
   * After one more resync of every object (the first after creation may still write), the reads of
   * {@value #RESYNCS_MEASURED} resyncs of all of them, per pass of one object, by service.operation;
   * steady state makes no write.
   */
  private Map<String, Double> measure(String service, String onePerPass) {
    int n = aws.calls().count(service, onePerPass);
    int objects = objectsIn();
    await().atMost(Pipelines.TIMEOUT).until(() -> aws.calls().count(service, onePerPass) >= n + objects);
    aws.calls().clear();
    await().atMost(Pipelines.TIMEOUT)
        .until(() -> aws.calls().count(service, onePerPass) >= RESYNCS_MEASURED * objects);
    var calls = aws.calls().snapshot();
    int passes = (int) calls.stream().filter(c -> c.service().equals(service) && c.operation().equals(onePerPass))
        .count();
    Map<String, Double> perPass = new TreeMap<>();
    calls.stream().filter(c -> !c.write()).forEach(c ->
        perPass.merge(c.service() + "." + c.operation(), 1.0 / passes, Double::sum));
    System.out.printf("[steady-state reads] %s: %d passes of %d objects; reads per object per resync: %s, total %.2f%n",
        onePerPass, passes, objects, perPass, total(perPass));
    assertThat(calls.stream().filter(CallLog.Call::write).map(c -> c.service() + "." + c.operation()).toList())
        .as("writes in steady state").isEmpty();
    return perPass;
  }

  private int objectsIn() {
    return count("UbaPipeline") + count("AnomalyAlert");
  }

  private int count(String kind) {
    return client.genericKubernetesResources("uba.dev/v1alpha1", kind).inNamespace(ns).list().getItems().size();
  }

  private static double total(Map<String, Double> perPass) {
    return perPass.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private static String pipeline(String name, String more) {
    return """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: %s}
        spec:
          tags: {team: growth}
          stream: {retentionHours: 48}
        %s""".formatted(name, more);
  }

  private static String alert(String name) {
    return """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: %s}
        spec:
          tags: {team: growth}
          metric: {namespace: UBA/Serving, name: Errors-%s, periodSeconds: 60}
          logMetricFilter: {logGroupName: /uba/reads/%s, pattern: ERROR}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 10}
            evaluationPeriods: 1
          notification:
            subscriptions:
              - {protocol: email, endpoint: oncall@example.com}
          stateChangeEvents: true
        """.formatted(name, name, name);
  }
}
