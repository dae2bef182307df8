package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.testenv.KubeApi;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What kubectl shows of the CRDs, against the real API server (1.20) with the CRDs of crds/: the
 * category {@code uba} lists the three kinds, the short names resolve, the columns read identifying
 * column, READY, PHASE, AGE (the Ready message at {@code -o wide}), and {@code kubectl explain}
 * describes the status. The objects are the examples, without an operator (so without status).
 */
class KubectlIT {
  private static final List<String> EXAMPLES =
      List.of("examples/uba-pipeline.yaml", "examples/anomaly-alert.yaml", "examples/personalization-model.yaml");
  private static String namespace;
  private static Path kubeconfig;
  private static final List<String> CREATED = new ArrayList<>();

  @BeforeAll
  static void createTheExamples() throws IOException {
    KubeApi kube = KubeApi.shared();
    namespace = kube.newNamespace("kubectl");
    Path dir = Files.createDirectories(Path.of("target/kubectl-it").toAbsolutePath());
    kubeconfig = dir.resolve(namespace + ".kubeconfig");
    Files.writeString(kubeconfig, kube.kubeconfigYaml());
    try (KubernetesClient client = kube.newClient()) {
      for (String example : EXAMPLES) {
        try (InputStream in = Files.newInputStream(Path.of(example))) {
          for (HasMetadata item : client.load(in).items()) {
            if (item instanceof Namespace) {
              continue;
            }
            item.getMetadata().setNamespace(namespace);
            client.resource(item).create();
            CREATED.add(item.getKind().toLowerCase() + ".uba.dev/" + item.getMetadata().getName());
          }
        }
      }
    }
    assertThat(CREATED).as("objects of the examples").hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void theCategoryUbaListsTheObjectsOfAllThreeKinds() throws Exception {
    assertThat(lines(kubectl("get", "uba", "-n", namespace, "-o", "name")))
        .containsExactlyInAnyOrderElementsOf(CREATED);
  }

  @Test
  void theShortNamesResolveToTheThreeKinds() throws Exception {
    assertThat(lines(kubectl("get", "ubapipe,ubaalert,ubamodel", "-n", namespace, "-o", "name")))
        .containsExactlyInAnyOrderElementsOf(CREATED);
    assertThat(lines(kubectl("get", "ubap,ubaa,ubapm", "-n", namespace, "-o", "name")))
        .containsExactlyInAnyOrderElementsOf(CREATED);
  }

  @Test
  void theColumnsReadIdentifyingColumnReadyPhaseAgeAndWideAddsTheMessage() throws Exception {
    assertThat(header(kubectl("get", "ubapipelines", "-n", namespace)))
        .containsExactly("NAME", "STREAM", "READY", "PHASE", "AGE");
    assertThat(header(kubectl("get", "anomalyalerts", "-n", namespace)))
        .containsExactly("NAME", "ALARM", "STATE", "READY", "PHASE", "AGE");
    assertThat(header(kubectl("get", "personalizationmodels", "-n", namespace)))
        .containsExactly("NAME", "STEP", "READY", "PHASE", "AGE");
    assertThat(header(kubectl("get", "ubapipelines", "-n", namespace, "-o", "wide")))
        .containsExactly("NAME", "STREAM", "READY", "PHASE", "DOMAIN", "MESSAGE", "AGE");
  }

  @Test
  void kubectlExplainDescribesTheKindAndItsStatus() throws Exception {
    assertThat(kubectl("explain", "ubapipeline"))
        .contains("A user-behaviour-analytics pipeline on AWS");
    String delivery = kubectl("explain", "ubapipeline.status.delivery");
    assertThat(delivery).contains("The Firehose delivery stream").contains("ARN of the delivery stream");
    assertThat(kubectl("explain", "personalizationmodel.status.conditions.reason"))
        .contains("InvalidSpec");
  }

  private static String kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(kubectlBinary().toString(),
        "--kubeconfig", kubeconfig.toString(),
        "--cache-dir", kubeconfig.resolveSibling("cache-" + namespace).toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl %s finished", String.join(" ", args)).isTrue();
    assertThat(process.exitValue()).as("kubectl %s:%n%s", String.join(" ", args), output).isZero();
    return output;
  }

  /** The kubectl that scripts/k8s-binaries.sh cached, linked where KubeApi keeps its binaries. */
  private static Path kubectlBinary() throws IOException {
    Path versions = Path.of(System.getProperty("uba.kubeapitest.dir", "target/kubeapitest"), "k8s");
    try (Stream<Path> dirs = Files.list(versions)) {
      return dirs.map(d -> d.resolve("kubectl")).filter(Files::isExecutable).findFirst()
          .orElseThrow(() -> new IllegalStateException("no kubectl under " + versions));
    }
  }

  private static List<String> lines(String output) {
    return output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static List<String> header(String table) {
    return List.of(table.lines().findFirst().orElse("").strip().split("\\s+"));
  }
}
