package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.testenv.AlertAwsCheck;
import dev.uba.operator.testenv.AnomalyAlerts;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * An alert on a pipeline, applied before the pipeline (as GitOps tools do): it waits without touching
 * AWS, then watches the pipeline's stream once the pipeline is Ready, turns Degraded without touching
 * AWS when the pipeline disappears, and follows the stream of a pipeline created again. The operator
 * watches only this test's namespace, so its AWS call count is this test's.
 */
class AnomalyAlertPipelineRefIT {
  private static final String ALERT = """
      apiVersion: uba.dev/v1alpha1
      kind: AnomalyAlert
      metadata: {name: traffic-drop}
      spec:
        pipelineRef: {name: clickstream}
        metric: {name: IncomingRecords}
        condition:
          anomalyBand: {standardDeviations: 2, direction: Below}
      """;

  private KubeApi kube;
  private RunningOperator operator;
  private KubernetesClient client;
  private AnomalyAlerts alerts;
  private Pipelines pipelines;
  private AlertAwsCheck check;
  private String ns;

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    LocalAws aws = LocalAws.shared();
    ns = kube.newNamespace("alert-ref");
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofMinutes(10), Set.of(ns));
    client = kube.newClient();
    alerts = new AnomalyAlerts(client);
    pipelines = new Pipelines(client);
    check = new AlertAwsCheck(aws.motoEndpoint());
  }

  @AfterEach
  void stop() {
    operator.close();
    client.close();
    check.close();
  }

  private static String streamOf(MetricAlarm alarm) {
    return alarm.metrics().get(0).metricStat().metric().dimensions().stream()
        .filter(d -> "StreamName".equals(d.name())).map(Dimension::value).findFirst().orElse(null);
  }

  @Test
  void waitsForThePipelineThenFollowsItsStreamAndSurvivesItsDeletion() {
    alerts.create(ns, ALERT);
    AnomalyAlert waiting = alerts.awaitCondition(ns, "traffic-drop", "Progressing", "PipelineNotReady");
    assertThat(AnomalyAlerts.condition(waiting, "Progressing").orElseThrow().getMessage()).contains("clickstream");
    assertThat(waiting.getStatus().getPhase().name()).isEqualTo("Pending");
    assertThat(AnomalyAlerts.isTrue(waiting, "Ready")).isFalse();
    assertThat(operator.awsCalls().total()).as("AWS calls while the pipeline does not exist").isZero();

    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: clickstream}
        spec: {}
        """);
    pipelines.awaitReady(ns, "clickstream");
    AnomalyAlert ready = alerts.awaitReady(ns, "traffic-drop");
    String stream = ns + "-clickstream";
    assertThat(ready.getStatus().getPipeline().getName()).isEqualTo("clickstream");
    assertThat(ready.getStatus().getPipeline().getStream()).isEqualTo(stream);
    assertThat(ready.getStatus().getMetric().getNamespace()).isEqualTo("AWS/Kinesis");
    assertThat(ready.getStatus().getMetric().getDimensions()).containsExactly(Map.entry("StreamName", stream));
    String alarmName = ns + "-traffic-drop";
    assertThat(streamOf(check.alarm(alarmName).orElseThrow())).isEqualTo(stream);

    // The pipeline goes first: the alert says so and leaves its AWS resources alone.
    pipelines.delete(ns, "clickstream");
    pipelines.awaitGone(ns, "clickstream");
    AnomalyAlert orphaned = alerts.awaitCondition(ns, "traffic-drop", "Degraded", "PipelineNotFound");
    assertThat(AnomalyAlerts.condition(orphaned, "Degraded").orElseThrow().getMessage())
        .contains("clickstream").contains("left as they are");
    assertThat(orphaned.getStatus().getPhase().name()).isEqualTo("Degraded");
    long cloudWatchWrites = operator.awsCalls().calls("CloudWatch", "PutMetricAlarm");
    assertThat(check.alarm(alarmName)).as("the alarm is left in place").isPresent();
    assertThat(streamOf(check.alarm(alarmName).orElseThrow())).isEqualTo(stream);

    // A pipeline of that name comes back with another stream: the alarm follows it.
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: clickstream}
        spec:
          stream: {name: %s-clickstream-v2}
        """.formatted(ns));
    pipelines.awaitReady(ns, "clickstream");
    AnomalyAlert followed = alerts.awaitStatus(ns, "traffic-drop", a -> AnomalyAlerts.isTrue(a, "Ready")
        && (stream + "-v2").equals(a.getStatus().getPipeline().getStream()));
    assertThat(followed.getStatus().getMetric().getDimensions()).containsExactly(Map.entry("StreamName", stream + "-v2"));
    assertThat(streamOf(check.alarm(alarmName).orElseThrow())).isEqualTo(stream + "-v2");
    assertThat(operator.awsCalls().calls("CloudWatch", "PutMetricAlarm")).isEqualTo(cloudWatchWrites + 1);
    assertThat(alerts.events(ns, "traffic-drop")).extracting(Event::getReason).contains("Created", "Degraded", "Updated");
  }
}
