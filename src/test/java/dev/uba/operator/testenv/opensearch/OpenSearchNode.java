package dev.uba.operator.testenv.opensearch;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real OpenSearch node for the data-plane tests: org.opensearch:opensearch with the netty4 HTTP
 * transport (test-scoped dependencies), single-node, no security plugin, on free loopback ports, in
 * a JVM of its own started from this JVM's class path ({@link OpenSearchNodeMain}), with the ISM
 * policy API emulated in front of it ({@link IsmEmulator}: the plugin is not on Maven Central).
 * {@link #endpoint()} is what the operator is given (UBA_OPENSEARCH_ENDPOINT_URL). Started and
 * stopped by the tests themselves, with bounded waits; the node's JVM ends with the test JVM too.
 */
public final class OpenSearchNode implements AutoCloseable {
  private final Process process;
  private final OutputStream keepAlive;
  private final Path home;
  private final URI nodeEndpoint;
  private OpenSearchProxy proxy;

  private OpenSearchNode(Process process, Path home, URI nodeEndpoint) {
    this.process = process;
    this.keepAlive = process.getOutputStream();
    this.home = home;
    this.nodeEndpoint = nodeEndpoint;
  }

  /** Starts the node and waits at most {@code readiness} for its cluster to be yellow. */
  public static OpenSearchNode start(Duration readiness) throws IOException {
    Path home = Files.createTempDirectory("uba-opensearch-");
    int httpPort = freePort();
    int transportPort = freePort();
    Path args = home.resolve("jvm.args");
    Files.write(args, List.of(
        "-Xms512m", "-Xmx512m", "-XX:+UseSerialGC", "-Djava.awt.headless=true", "-Dlog4j2.disable.jmx=true", "-Dlog4j2.level=WARN",
        "-Dfile.encoding=UTF-8",
        "-cp", quoted(classPath()),
        OpenSearchNodeMain.class.getName(), quoted(home.toString()), Integer.toString(httpPort),
        Integer.toString(transportPort)), StandardCharsets.UTF_8);
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + args)
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("node.log").toFile())
        .start();
    OpenSearchNode node = new OpenSearchNode(process, home, URI.create("http://127.0.0.1:" + httpPort));
    try {
      node.awaitYellow(readiness);
      NodeHttp http = new NodeHttp(node.nodeEndpoint);
      IsmEmulator ism = new IsmEmulator(http);
      ism.install();
      node.proxy = new OpenSearchProxy(http, ism);
      return node;
    } catch (IOException | RuntimeException e) {
      String log = node.logTail();
      node.close();
      throw new IOException(e.getMessage() + "\n--- node log ---\n" + log, e);
    }
  }

  /** The data plane as the operator sees it: the proxy in front of the node. */
  public URI endpoint() {
    return proxy.endpoint();
  }

  /** The node itself, for checks that must not go through the operator's client. */
  public URI nodeEndpoint() {
    return nodeEndpoint;
  }

  /** The requests the proxy received, "METHOD /path?query", in order. */
  public List<String> requests() {
    return proxy.requests();
  }

  public void clearRequests() {
    proxy.clearRequests();
  }

  /**
   * A plain request (no signature) to {@link #endpoint()}, as a person would make with curl: the
   * tests' own checks and changes behind the operator's back. Recorded in {@link #requests()} too.
   */
  public NodeHttp.Answer send(String method, String pathAndQuery, String json) throws IOException {
    return new NodeHttp(endpoint()).send(method, pathAndQuery, json);
  }

  private void awaitYellow(Duration readiness) throws IOException {
    NodeHttp http = new NodeHttp(nodeEndpoint);
    long deadline = System.nanoTime() + readiness.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the OpenSearch node exited with code " + process.exitValue() + " before answering");
      }
      try {
        if (http.send("GET", "/_cluster/health?wait_for_status=yellow&timeout=1s", null).status() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      sleep(250);
    }
    throw new IOException("the OpenSearch node did not answer within " + readiness);
  }

  /** Stops the node and the proxy: nothing answers at {@link #endpoint()} any more. */
  public void stop() {
    if (proxy != null) {
      proxy.close();
    }
    try {
      keepAlive.close();
    } catch (IOException ignored) {
      // the node is stopping anyway
    }
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          process.waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
    try (Stream<Path> files = Files.walk(home)) {
      files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a leftover temporary directory is harmless
    }
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(home.resolve("node.log"), StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * This JVM's class path: Surefire and Failsafe start tests with a manifest-only jar and give the
   * real class path in surefire.test.class.path.
   */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** An argument of a java @file: quoted, backslashes escaped. */
  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
