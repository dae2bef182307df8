package dev.uba.operator.testenv;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real kube-apiserver and etcd on loopback (fabric8 kube-api-test, offline: the binaries come from
 * scripts/k8s-binaries.sh), one per test JVM, with the project's CRDs from crds/ installed.
 */
public final class KubeApi {
  private static KubeApi shared;

  private final KubeAPIServer server;
  private final String kubeconfig;

  private KubeApi(KubeAPIServer server) {
    this.server = server;
    this.kubeconfig = server.getKubeConfigYaml();
  }

  /** The API server of this JVM, started on first use and stopped when the JVM exits. */
  public static synchronized KubeApi shared() {
    if (shared == null) {
      KubeAPIServerConfigBuilder config = KubeAPIServerConfigBuilder.anAPIServerConfig()
          .withOfflineMode(true)
          .withUpdateKubeConfig(false)
          .withStartupTimeout(120_000);
      String dir = System.getenv("KUBE_API_TEST_DIR");
      if (dir != null && !dir.isBlank()) {
        config.withTestDir(dir);
      }
      KubeAPIServer server = new KubeAPIServer(config.build());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kube-api-stop"));
      shared = new KubeApi(server);
      shared.installCrds();
    }
    return shared;
  }

  /** A new client; the caller closes it. */
  public KubernetesClient newClient() {
    return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build();
  }

  public String kubeconfigYaml() {
    return kubeconfig;
  }

  /** A fresh namespace per test: nothing deletes namespaces here (no controller manager), so names never repeat. */
  public String newNamespace(String prefix) {
    String name = (prefix + "-" + UUID.randomUUID().toString().substring(0, 6)).toLowerCase(Locale.ROOT);
    try (KubernetesClient client = newClient()) {
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .create();
    }
    return name;
  }

  private void installCrds() {
    try (KubernetesClient client = newClient(); Stream<Path> files = Files.list(Path.of("crds"))) {
      List<Path> crds = files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).toList();
      for (Path file : crds) {
        try (InputStream in = Files.newInputStream(file)) {
          CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
          client.resource(crd).serverSideApply();
          client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
              .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions().stream()
                  .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
                  30, TimeUnit.SECONDS);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
