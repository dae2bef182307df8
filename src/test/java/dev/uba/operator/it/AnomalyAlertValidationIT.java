package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.testenv.AnomalyAlerts;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad AnomalyAlert specs get a clear error: the schema refuses what it can at apply time, the
 * operator refuses what the schema cannot say (both conditions, datapointsToAlarm above
 * evaluationPeriods, a period that is not 10, 30 or a multiple of 60, a retention CloudWatch Logs
 * does not allow, AWS's managed SNS key) with Degraded/InvalidSpec naming the field, and makes no
 * AWS call for them. The operator watches only this class's namespace and never resyncs during the
 * test, so its AWS call count is this namespace's.
 */
class AnomalyAlertValidationIT {
  private static KubeApi kube;
  private static RunningOperator operator;
  private static KubernetesClient client;
  private static AnomalyAlerts alerts;
  private static String ns;

  @BeforeAll
  static void start() {
    kube = KubeApi.shared();
    ns = kube.newNamespace("alert-invalid");
    operator = RunningOperator.start(kube, LocalAws.shared(), Duration.ofMillis(500), Duration.ofHours(1), Set.of(ns));
    client = kube.newClient();
    alerts = new AnomalyAlerts(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    client.close();
  }

  private static String alert(String name, String condition, String extra) {
    return """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: %s}
        spec:
          metric: {namespace: UBA/Test, name: Errors, periodSeconds: %s}
          condition:
        %s
        %s
        """.formatted(name, name.equals("period-45") ? "45" : "60", condition.indent(4).stripTrailing(),
        extra.stripTrailing());
  }

  private static final String THRESHOLD = "threshold: {comparison: GreaterThanThreshold, value: 1}";

  @Test
  void crossFieldRulesEndDegradedWithTheFieldPathAndNoAwsCall() {
    long before = operator.awsCalls().total();
    alerts.create(ns, alert("both-conditions", THRESHOLD + "\nanomalyBand: {standardDeviations: 2}", ""));
    alerts.create(ns, alert("datapoints", THRESHOLD + "\nevaluationPeriods: 2\ndatapointsToAlarm: 3", ""));
    alerts.create(ns, alert("period-45", THRESHOLD, ""));
    alerts.create(ns, alert("retention-31", THRESHOLD, """
          logMetricFilter: {logGroupName: /uba/invalid, retentionDays: 31, pattern: ERROR}
        """));
    alerts.create(ns, alert("aws-managed-key", THRESHOLD, """
          notification: {kmsKeyId: alias/aws/sns}
        """));

    assertInvalid("both-conditions", "spec.condition", "both are set");
    assertInvalid("datapoints", "spec.condition.datapointsToAlarm", "must not exceed");
    assertInvalid("period-45", "spec.metric.periodSeconds", "multiple of 60");
    assertInvalid("retention-31", "spec.logMetricFilter.retentionDays", "31");
    assertInvalid("aws-managed-key", "spec.notification.kmsKeyId", "customer-managed");
    assertThat(operator.awsCalls().total()).as("AWS calls for invalid specs").isEqualTo(before);
    assertThat(alerts.events(ns, "period-45")).extracting(Event::getReason).contains("Degraded");

    // Fixing the spec is all it takes: the operator then converges.
    alerts.edit(ns, "period-45", a -> {
      a.getSpec().getMetric().setPeriodSeconds(60);
      return a;
    });
    AnomalyAlert fixed = alerts.awaitReady(ns, "period-45");
    assertThat(fixed.getStatus().getAlarm().getState()).isEqualTo("OK");
  }

  private static void assertInvalid(String name, String path, String words) {
    AnomalyAlert a = alerts.awaitCondition(ns, name, "Degraded", "InvalidSpec");
    Condition degraded = AnomalyAlerts.condition(a, "Degraded").orElseThrow();
    assertThat(degraded.getMessage()).as(name).startsWith(path + ":").contains(words);
    assertThat(a.getStatus().getPhase().name()).isEqualTo("Degraded");
    assertThat(AnomalyAlerts.isTrue(a, "Ready")).isFalse();
    assertThat(a.getStatus().getAlarm()).isNull();
  }

  @Test
  void theSchemaRefusesWhatItCanSayNamingTheField() {
    assertThatThrownBy(() -> applyRaw(alert("no-width", "anomalyBand: {standardDeviations: 0}", "")))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining("spec.condition.anomalyBand.standardDeviations");
    assertThatThrownBy(() -> applyRaw(alert("pigeon", THRESHOLD, """
          notification:
            subscriptions: [{protocol: carrier-pigeon, endpoint: loft}]
        """)))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("protocol");
    assertThatThrownBy(() -> applyRaw(alert("short", THRESHOLD, "").replace("periodSeconds: 60", "periodSeconds: 5")))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.metric.periodSeconds");
  }

  private static void applyRaw(String yaml) {
    client.resource(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(ns).create();
  }

  @Test
  void theExamplesAreAcceptedAndWaitForTheirPipelineWithoutAwsCalls() throws Exception {
    long before = callsButTheAccountLookup();
    // The example also carries its Namespace, so that kubectl apply -f examples/ works on a fresh cluster.
    List<String> documents = Arrays.stream(Files.readString(Path.of("examples/anomaly-alert.yaml")).split("(?m)^---$"))
        .filter(d -> d.contains("kind: AnomalyAlert")).toList();
    assertThat(documents).hasSize(2);
    for (String document : documents) {
      alerts.create(ns, document);
    }
    for (String name : List.of("traffic-spike", "traffic-drop")) {
      AnomalyAlert waiting = alerts.awaitCondition(ns, name, "Progressing", "PipelineNotReady");
      assertThat(AnomalyAlerts.condition(waiting, "Progressing").orElseThrow().getMessage()).contains("clickstream");
      assertThat(AnomalyAlerts.isTrue(waiting, "Degraded")).isFalse();
    }
    assertThat(callsButTheAccountLookup()).isEqualTo(before);
  }

  /**
   * AWS calls so far, once none has been counted for a second (a call is counted when its answer
   * is back; the tag index scans in the background after the other tests' reads), but the
   * operator's one STS lookup of its account, made by whichever alert needs it first.
   */
  private static long callsButTheAccountLookup() throws InterruptedException {
    long seen = -1;
    for (int i = 0; i < 10 && seen != operator.awsCalls().total(); i++) {
      seen = operator.awsCalls().total();
      Thread.sleep(1000);
    }
    return operator.awsCalls().total() - operator.awsCalls().calls("Sts", "GetCallerIdentity");
  }
}
