package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.MonitoringQueries;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.Faults;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The endpoints a Deployment's probes and a Prometheus scrape use. */
class HealthAndMetricsIT {

  @Test
  void probesAnswerAndEveryAwsCallAndObjectIsExportedAsAMetric() throws Exception {
    KubeApi kube = KubeApi.shared();
    LocalAws aws = LocalAws.shared();
    String ns = kube.newNamespace("metrics");
    // The first three stream lookups are answered throttled: not ready for a while (the operator's
    // own backoff), so the scrape sees the ready series at 0 before it turns 1.
    Faults.Rule throttle = aws.faults().on("kinesis", "DescribeStreamSummary").times(3).throttle();
    try (RunningOperator operator = RunningOperator.startServingHttp(kube, aws, Set.of(ns));
         KubernetesClient client = kube.newClient()) {
      Pipelines pipelines = new Pipelines(client);
      pipelines.create(ns, """
          apiVersion: uba.dev/v1alpha1
          kind: UbaPipeline
          metadata: {name: scraped}
          spec: {}
          """);
      String ready = "uba_object_ready\\{kind=\"UbaPipeline\",name=\"scraped\",namespace=\"" + ns + "\"}";

      await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(100))
          .until(() -> value(scrape(operator), ready), v -> v.equals(Optional.of(0.0)));
      // For uba_object_data_flowing: a pipeline with a delivery (into its archive), created once the
      // throttled stream lookups are used up.
      pipelines.create(ns, """
          apiVersion: uba.dev/v1alpha1
          kind: UbaPipeline
          metadata: {name: delivering}
          spec:
            archive: {forceDestroy: true}
            delivery: {}
          """);
      pipelines.awaitReady(ns, "scraped");
      pipelines.awaitReady(ns, "delivering");
      String metrics = await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(100))
          .until(() -> scrape(operator), body -> value(body, ready).equals(Optional.of(1.0)));
      assertThat(throttle.fired()).isEqualTo(3);

      assertThat(get(operator.httpPort(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(operator.httpPort(), "/readyz").statusCode()).isEqualTo(200);
      assertThat(metrics).containsPattern(
          "uba_aws_calls_total\\{[^}]*kind=\"write\"[^}]*operation=\"CreateStream\"[^}]*outcome=\"success\""
              + "[^}]*service=\"Kinesis\"[^}]*} 2\\.0");
      assertThat(metrics).contains("operation=\"DescribeStreamSummary\"");
      assertThat(value(metrics, "uba_object_phase\\{kind=\"UbaPipeline\",name=\"scraped\",namespace=\"" + ns
          + "\",phase=\"Ready\"}")).contains(1.0);
      assertThat(value(metrics, "uba_object_phase\\{kind=\"UbaPipeline\",name=\"scraped\",namespace=\"" + ns
          + "\",phase=\"Provisioning\"}")).contains(0.0);
      // Kinesis answers throttling with LimitExceededException: the SDK retries it within the rate
      // budget, so the three throttled attempts are one call that ended throttled after its three
      // attempts, and the operator's next pass found the stream.
      assertThat(value(metrics, "uba_aws_throttled_total\\{operation=\"DescribeStreamSummary\","
          + "service=\"Kinesis\"}")).contains((double) throttle.fired());
      assertThat(value(metrics, "uba_aws_throttled_calls_total\\{operation=\"DescribeStreamSummary\","
          + "service=\"Kinesis\"}")).contains(1.0);
      assertThat(value(metrics, "uba_aws_call_duration_seconds_count\\{operation=\"CreateStream\","
          + "service=\"Kinesis\"}")).contains(2.0);
      assertThat(value(metrics, "uba_aws_call_duration_seconds_bucket\\{operation=\"CreateStream\","
          + "service=\"Kinesis\",le=\"\\+Inf\"}")).contains(2.0);
      assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads ",
          "process_uptime_seconds ", "operator_sdk_reconciliations_started_total");
      assertThat(value(metrics, "uba_operator_ready")).contains(1.0);
      // No data is put on the stream: DataFlowing is not True.
      assertThat(value(metrics, "uba_object_data_flowing\\{name=\"delivering\",namespace=\"" + ns + "\"}"))
          .contains(0.0);
      assertThat(value(metrics, "uba_object_data_flowing\\{name=\"scraped\",namespace=\"" + ns + "\"}"))
          .as("no delivery, no series").isEmpty();

      // What the Grafana dashboard and the chart's alerts query is served (so neither can rot).
      List<String> queries = new ArrayList<>(MonitoringQueries.dashboardQueries());
      queries.addAll(MonitoringQueries.alertQueries());
      assertThat(MonitoringQueries.scrapedNames(metrics)).containsAll(MonitoringQueries.metricNames(queries));

      pipelines.delete(ns, "scraped");
      pipelines.delete(ns, "delivering");
      pipelines.awaitGone(ns, "scraped");
      pipelines.awaitGone(ns, "delivering");
      String afterDelete = await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(100))
          .until(() -> scrape(operator), body -> value(body, ready).isEmpty());
      assertThat(afterDelete).doesNotContain("namespace=\"" + ns + "\"");
    } finally {
      aws.faults().clear();
    }
  }

  /** The value of the one series the pattern (name and labels) matches, if it is there. */
  private static Optional<Double> value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
    return m.find() ? Optional.of(Double.parseDouble(m.group(1))) : Optional.empty();
  }

  private static String scrape(RunningOperator operator) throws IOException, InterruptedException {
    HttpResponse<String> metrics = get(operator.httpPort(), "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    return metrics.body();
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
