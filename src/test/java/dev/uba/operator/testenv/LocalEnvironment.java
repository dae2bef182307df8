package dev.uba.operator.testenv;

import dev.uba.operator.testenv.aws.LocalAws;
import dev.uba.operator.testenv.opensearch.OpenSearchNode;
import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The local development environment behind {@code scripts/local-env.sh}: a real kube-apiserver and
 * etcd with the project's CRDs installed ({@link KubeApi}), the local AWS ({@link LocalAws}: moto
 * behind the project's proxy) and a real OpenSearch node ({@link OpenSearchNode}) standing for every
 * domain's data plane: the operator puts its index templates and ISM policies there, and the local
 * Firehose delivers every domain's documents to it (buffers flushed after at most
 * {@link #BUFFER_INTERVAL_AT_MOST}, so that events are searchable seconds after they are put).
 * Everything runs until this process is stopped.
 *
 * <pre>
 * LocalEnvironment STATE_DIR [--aws-port N]      (run from the repository root: CRDs come from crds/)
 * </pre>
 *
 * <p>Writes into {@code STATE_DIR}:
 * <ul>
 *   <li>{@code kubeconfig}: the API server's kubeconfig (client certificate; mode 600);
 *   <li>{@code aws-endpoint}: the local AWS endpoint for {@code AWS_ENDPOINT_URL} (the proxy);
 *   <li>{@code aws-emulator-endpoint}: the emulator itself, unshaped (for debugging);
 *   <li>{@code opensearch-endpoint}: the OpenSearch node, for the operator's
 *       {@code UBA_OPENSEARCH_ENDPOINT_URL} and for searching what was delivered;
 *   <li>{@code environment.children}: "pid command" of every process started (etcd,
 *       kube-apiserver, moto, the OpenSearch node), so that a supervisor can clean up if this JVM is killed hard;
 *   <li>{@code environment.ready}: written last, once everything answers.
 * </ul>
 * A stop (SIGTERM, SIGINT) runs the shutdown hooks of {@link KubeApi} and {@link LocalAws}, which stop
 * the API server, etcd and moto, and removes these files. If one of the processes dies, this
 * process stops the others and exits with status 1. Exit status 2 means wrong arguments, 3 that
 * the local AWS port is taken.
 */
public final class LocalEnvironment {

  private static final Duration CHILD_STOP_GRACE = Duration.ofSeconds(15);
  private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);
  private static final Duration NODE_READINESS = Duration.ofSeconds(240);
  static final Duration BUFFER_INTERVAL_AT_MOST = Duration.ofSeconds(5);

  private LocalEnvironment() {}

  public static void main(String[] args) {
    Path dir = null;
    int awsPort = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if ("--aws-port".equals(a) && i + 1 < args.length) {
        awsPort = port(args[++i]);
      } else if (a.startsWith("--aws-port=")) {
        awsPort = port(a.substring("--aws-port=".length()));
      } else if (!a.startsWith("-") && dir == null) {
        dir = Path.of(a);
      } else {
        usage("unexpected argument: " + a);
      }
    }
    if (dir == null) {
      usage("missing STATE_DIR");
    }
    if (!Files.isDirectory(Path.of("crds"))) {
      fail(2, "crds/ not found in " + Path.of("").toAbsolutePath()
          + ": run this from the repository root", null);
    }

    StateFiles files = new StateFiles(dir);
    try {
      files.prepare();
    } catch (IOException e) {
      fail(1, "cannot write to " + dir.toAbsolutePath(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      files.removeAll();
      stopChildren();
    }, "local-env-cleanup"));

    long start = System.nanoTime();
    int requestedAwsPort = awsPort;
    // Each takes seconds (the node the longest): start them side by side.
    CompletableFuture<LocalAws> awsStart =
        CompletableFuture.supplyAsync(() -> LocalAws.builder().proxyPort(requestedAwsPort).start());
    CompletableFuture<OpenSearchNode> nodeStart = CompletableFuture.supplyAsync(LocalEnvironment::startNode);
    KubeApi kube;
    LocalAws aws;
    try {
      kube = KubeApi.shared();
    } catch (RuntimeException e) {
      awsStart.handle((a, t) -> a).join();
      nodeStart.handle((n, t) -> n).join();
      fail(1, "cannot start kube-apiserver/etcd (kube-api-test); are the binaries in place?"
          + " Run scripts/k8s-binaries.sh", e);
      return;
    }
    try {
      aws = awsStart.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (hasCause(cause, BindException.class)) {
        fail(3, "port " + requestedAwsPort + " for the local AWS is taken: free it or choose"
            + " another one (--aws-port 0 picks a free port)", cause);
      }
      fail(1, "cannot start the local AWS (moto): is it installed for python3?"
          + " Install it with: pip install 'moto[server]'", cause);
      return;
    }
    OpenSearchNode node;
    try {
      node = nodeStart.join();
    } catch (CompletionException e) {
      fail(1, "cannot start the OpenSearch node (test-scoped dependencies on the class path; 512 MiB of heap)",
          e.getCause() == null ? e : e.getCause());
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(node::close, "local-env-opensearch"));
    aws.firehose().everyDomainAt(node.endpoint()).bufferIntervalAtMost(BUFFER_INTERVAL_AT_MOST);

    try {
      files.write("kubeconfig", kube.kubeconfigYaml(), true);
      files.write("aws-endpoint", aws.endpoint() + "\n", false);
      files.write("aws-emulator-endpoint", aws.motoEndpoint() + "\n", false);
      // Every domain's data plane, for the operator's UBA_OPENSEARCH_ENDPOINT_URL.
      files.write("opensearch-endpoint", node.endpoint() + "\n", false);
      List<ProcessHandle> children = ProcessHandle.current().descendants().toList();
      StringBuilder lines = new StringBuilder();
      for (ProcessHandle child : children) {
        lines.append(child.pid()).append(' ')
            .append(child.info().command().orElse("?")).append('\n');
      }
      files.write("environment.children", lines.toString(), false);
      System.out.printf("local environment up in %.1f s%n", (System.nanoTime() - start) / 1e9);
      System.out.println("  kubeconfig  " + files.path("kubeconfig").toAbsolutePath());
      System.out.println("  local AWS   " + aws.endpoint() + " (emulator " + aws.motoEndpoint() + ")");
      System.out.println("  OpenSearch  " + node.endpoint() + " (every domain's data plane; Firehose delivers there)");
      for (ProcessHandle child : children) {
        System.out.println("  process     " + child.pid() + " " + child.info().command().orElse("?"));
      }
      files.write("environment.ready", ProcessHandle.current().pid() + "\n", false);
      System.out.flush();
      watch(children);
    } catch (IOException e) {
      fail(1, "cannot write to " + dir.toAbsolutePath(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static OpenSearchNode startNode() {
    try {
      return OpenSearchNode.start(NODE_READINESS);
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  /**
   * Returns when the JVM is being stopped; exits with status 1 when a child process dies on its own
   * (then the shutdown hooks stop the others).
   */
  private static void watch(List<ProcessHandle> children) throws InterruptedException {
    Map<Long, String> commands = new LinkedHashMap<>();
    children.forEach(c -> commands.put(c.pid(), c.info().command().orElse("?")));
    while (true) {
      Thread.sleep(WATCH_INTERVAL.toMillis());
      for (ProcessHandle child : children) {
        if (!child.isAlive()) {
          if (shuttingDown()) {
            return; // stopped by the shutdown hooks, as asked
          }
          System.err.println("local-env: process " + child.pid() + " (" + commands.get(child.pid())
              + ") has stopped; stopping the environment");
          System.exit(1);
        }
      }
    }
  }

  /** True once the JVM has begun to stop (hooks can no longer be added then). */
  private static boolean shuttingDown() {
    Thread probe = new Thread(() -> { });
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }

  /**
   * Safety net beside the hooks of KubeApi and LocalAws (which run at the same time): waits for
   * every child process to end, and stops the ones still there after a grace period.
   */
  private static void stopChildren() {
    long deadline = System.nanoTime() + CHILD_STOP_GRACE.toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive)) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    ProcessHandle.current().descendants().forEach(p -> {
      System.err.println("local-env: killing " + p.pid() + " (" + p.info().command().orElse("?") + ")");
      p.destroyForcibly();
    });
  }

  private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static int port(String s) {
    try {
      int p = Integer.parseInt(s.trim());
      if (p >= 0 && p <= 65535) {
        return p;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    usage("not a port: " + s);
    return 0;
  }

  private static void usage(String problem) {
    fail(2, problem + "\nusage: LocalEnvironment STATE_DIR [--aws-port N]", null);
  }

  private static void fail(int status, String message, Throwable cause) {
    System.err.println("local-env: ERROR: " + message);
    if (cause != null) {
      System.err.println("local-env: cause: " + cause);
      cause.printStackTrace(System.err);
    }
    System.err.flush();
    System.exit(status); // runs the shutdown hooks: whatever was started is stopped
  }

  /** The files this process publishes in the state directory. */
  private static final class StateFiles {
    private static final List<String> NAMES = List.of("environment.ready", "kubeconfig",
        "aws-endpoint", "aws-emulator-endpoint", "opensearch-endpoint", "environment.children");
    private final Path dir;

    StateFiles(Path dir) {
      this.dir = dir;
    }

    Path path(String name) {
      return dir.resolve(name);
    }

    /** Creates the directory and removes files left over from an earlier run. */
    void prepare() throws IOException {
      Files.createDirectories(dir);
      for (String name : NAMES) {
        Files.deleteIfExists(path(name));
      }
    }

    /** Writes atomically (a reader never sees half a file); private files get mode 600. */
    void write(String name, String content, boolean privateFile) throws IOException {
      Path tmp = path("." + name + ".tmp");
      Files.deleteIfExists(tmp);
      if (privateFile) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, path(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, path(name), StandardCopyOption.REPLACE_EXISTING);
      }
    }

    /** Removes the published files (readiness marker first); used when stopping. */
    void removeAll() {
      for (String name : NAMES) {
        try {
          Files.deleteIfExists(path(name));
        } catch (IOException e) {
          System.err.println("local-env: cannot remove " + path(name) + ": " + e);
        }
      }
    }
  }
}
