package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The endpoints a Deployment's probes and a Prometheus scrape use. */
class HealthAndMetricsIT {

  @Test
  void probesAnswerAndEveryAwsCallIsExportedAsAMetric() throws Exception {
    KubeApi kube = KubeApi.shared();
    String ns = kube.newNamespace("metrics");
    try (RunningOperator operator = RunningOperator.startServingHttp(kube, LocalAws.shared(), Set.of(ns));
         KubernetesClient client = kube.newClient()) {
      Pipelines pipelines = new Pipelines(client);
      pipelines.create(ns, """
          apiVersion: uba.dev/v1alpha1
          kind: UbaPipeline
          metadata: {name: scraped}
          spec: {}
          """);
      pipelines.awaitReady(ns, "scraped");

      assertThat(get(operator.httpPort(), "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(operator.httpPort(), "/readyz").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(operator.httpPort(), "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).containsPattern(
          "uba_aws_calls_total\\{[^}]*kind=\"write\"[^}]*operation=\"CreateStream\"[^}]*outcome=\"success\""
              + "[^}]*service=\"Kinesis\"[^}]*} 1\\.0");
      assertThat(metrics.body()).contains("operation=\"DescribeStreamSummary\"");
    }
  }

  private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
