package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.OperatorProcess;
import dev.uba.operator.testenv.Pipelines;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * UBA_LOG_FORMAT on the packaged jar: with json every line the operator writes is a JSON object,
 * and the lines of a reconciliation carry the object's namespace and name; an unknown format stops
 * the operator at startup with a message naming the variable.
 */
class JsonLogsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> JAR = List.of("java", "-Daws.cborEnabled=false", "-jar", "target/uba-operator.jar");

  @Test
  void everyLineIsJsonAndTheLinesOfAReconciliationNameTheObject() throws Exception {
    KubeApi kube = KubeApi.shared();
    String ns = kube.newNamespace("jsonlog");
    try (OperatorProcess operator = OperatorProcess.start(kube, "json-logs", JAR,
            Map.of("UBA_LOG_FORMAT", "json", "UBA_WATCH_NAMESPACES", ns));
         KubernetesClient client = kube.newClient()) {
      operator.awaitReady(Duration.ofSeconds(90));
      // Refused before any AWS call: the Degraded Event is recorded, and logged, in the reconciliation.
      new Pipelines(client).create(ns, """
          apiVersion: uba.dev/v1alpha1
          kind: UbaPipeline
          metadata: {name: logged}
          spec:
            stream: {mode: ON_DEMAND, shards: 2}
          """);

      JsonNode reconciling = await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(200))
          .until(() -> lines(operator).stream().map(JsonLogsIT::parse)
                  .filter(l -> l.get("formattedMessage").asText().contains("Degraded")).findFirst(),
              java.util.Optional::isPresent).orElseThrow();
      assertThat(reconciling.at("/mdc/resource.namespace").asText()).isEqualTo(ns);
      assertThat(reconciling.at("/mdc/resource.name").asText()).isEqualTo("logged");
      assertThat(reconciling.get("formattedMessage").asText()).contains("spec.stream.shards");

      List<JsonNode> all = lines(operator).stream().map(JsonLogsIT::parse).toList();
      assertThat(all).anyMatch(l -> l.get("formattedMessage").asText().startsWith("uba-operator started"))
          .allSatisfy(l -> assertThat(l.has("level") && l.has("loggerName") && l.has("timestamp")).isTrue());
    }
  }

  @Test
  void anUnknownFormatStopsTheOperatorAtStartup() throws Exception {
    KubeApi kube = KubeApi.shared();
    try (OperatorProcess operator = OperatorProcess.start(kube, "xml-logs", JAR, Map.of("UBA_LOG_FORMAT", "xml"))) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> !operator.isAlive());
      assertThat(operator.log()).contains("UBA_LOG_FORMAT=xml is not a log format: use plain or json");
      assertThat(operator.stop(Duration.ofSeconds(5))).as("exit status").isEqualTo(1);
    }
  }

  private static List<String> lines(OperatorProcess operator) {
    return operator.log().lines().filter(l -> !l.isBlank()).toList();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }
}
