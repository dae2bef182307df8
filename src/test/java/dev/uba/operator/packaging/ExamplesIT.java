package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.testenv.KubeApi;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every example in examples/ is accepted by the real API server with the CRDs of crds/ (a
 * server-side dry run, in a fresh namespace instead of the example's), and keeps every field it sets:
 * Kubernetes 1.20 drops fields a CRD does not know silently, so an example that drifted from the
 * CRDs would otherwise pass.
 */
class ExamplesIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> everyExampleIsAcceptedByTheApiServer() throws Exception {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("examples"))) {
      files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> dryRun(file)));
  }

  private static void dryRun(Path file) throws Exception {
    KubeApi kube = KubeApi.shared();
    String ns = kube.newNamespace("example");
    String yaml = Files.readString(file);
    List<JsonNode> sent = HelmChartTest.render(yaml);
    try (KubernetesClient client = kube.newClient()) {
      List<HasMetadata> items = client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
      assertThat(items).hasSameSizeAs(sent).isNotEmpty();
      for (int i = 0; i < items.size(); i++) {
        HasMetadata item = items.get(i);
        JsonNode expected = sent.get(i);
        if (!(item instanceof Namespace)) {
          item.getMetadata().setNamespace(ns);
          ((ObjectNode) expected.get("metadata")).put("namespace", ns);
        }
        String what = file + ": " + item.getKind() + "/" + item.getMetadata().getName();
        HasMetadata answer = client.resource(item).dryRun().create();
        assertThat(answer).as(what).isNotNull();
        assertThat(client.resource(item).get()).as("%s was only a dry run", what).isNull();
        HelmChartIT.assertNothingDropped(what, expected, JSON.valueToTree(answer), "");
      }
    }
  }
}
