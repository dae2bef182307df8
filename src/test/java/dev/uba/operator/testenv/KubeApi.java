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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real kube-apiserver and etcd on 127.0.0.1 (fabric8 kube-api-test, offline: the binaries come
 * from scripts/k8s-binaries.sh), one per test JVM, with the project's CRDs from crds/ installed.
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
          .withStartupTimeout(120_000)
          .withTestDir(loopbackBinaries().toString());
      KubeAPIServer server = new KubeAPIServer(config.build());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "kube-api-stop"));
      shared = new KubeApi(server);
      shared.installCrds();
    }
    return shared;
  }

  /**
   * A kube-api-test directory whose etcd and kube-apiserver stay on 127.0.0.1 (wrappers made by
   * scripts/loopback-binaries.sh around the binaries scripts/k8s-binaries.sh caches).
   */
  private static Path loopbackBinaries() {
    String cache = System.getenv("KUBE_API_TEST_DIR");
    Path versions = (cache == null || cache.isBlank() ? Path.of(System.getProperty("user.home"), ".kubeapitest")
        : Path.of(cache)).resolve("k8s");
    Path binaries;
    try (Stream<Path> dirs = Files.list(versions)) {
      binaries = dirs.filter(d -> d.getFileName().toString().endsWith("-linux-amd64")).max(Path::compareTo)
          .orElseThrow(() -> new IllegalStateException("no Kubernetes binaries in " + versions
              + ": run scripts/k8s-binaries.sh"));
    } catch (IOException e) {
      throw new IllegalStateException("no Kubernetes binaries in " + versions + ": run scripts/k8s-binaries.sh", e);
    }
    Path testDir = Path.of(System.getProperty("uba.kubeapitest.dir", "target/kubeapitest")).toAbsolutePath();
    try {
      Process wrap = new ProcessBuilder("bash", "scripts/loopback-binaries.sh", binaries.toString(), testDir.toString())
          .redirectErrorStream(true).start();
      String output = new String(wrap.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrap.waitFor(30, TimeUnit.SECONDS) || wrap.exitValue() != 0) {
        throw new IllegalStateException("scripts/loopback-binaries.sh failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return testDir;
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
              .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null
                  && c.getStatus().getConditions().stream()
                  .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
                  30, TimeUnit.SECONDS);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
