package dev.uba.operator.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged operator (target/uba-operator.jar) started as its own process, the way the container
 * image's ENTRYPOINT starts it, against the shared test API server. Its HTTP endpoints listen on
 * 127.0.0.1 only; it is stopped by its PID (SIGTERM, as the kubelet does).
 */
public final class OperatorProcess implements AutoCloseable {
  public static final Path JAR = Path.of("target/uba-operator.jar");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private OperatorProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code command} (whose element "/app/uba-operator.jar" or "target/uba-operator.jar" is the
   * jar) with the given environment on top of: KUBECONFIG of the test API server, a free
   * UBA_HTTP_PORT on 127.0.0.1, AWS_REGION and an AWS endpoint nothing answers on.
   */
  public static OperatorProcess start(KubeApi kube, String name, List<String> command, Map<String, String> env) {
    try {
      Path dir = Files.createDirectories(Path.of("target/operator-processes")).toAbsolutePath();
      Path kubeconfig = dir.resolve(name + ".kubeconfig");
      Files.writeString(kubeconfig, kube.kubeconfigYaml());
      Path log = dir.resolve(name + ".log");
      int port = freePort();
      List<String> cmd = new ArrayList<>();
      for (String part : command) {
        if (part.equals("java")) {
          cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        } else if (part.endsWith("/uba-operator.jar")) {
          cmd.add(JAR.toAbsolutePath().toString());
        } else {
          cmd.add(part);
        }
      }
      ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> environment = builder.environment();
      environment.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("UBA_") || k.equals("KUBECONFIG")
          || k.equals("JAVA_TOOL_OPTIONS") || k.equals("POD_NAMESPACE"));
      Map<String, String> base = new LinkedHashMap<>();
      base.put("KUBECONFIG", kubeconfig.toString());
      base.put("UBA_HTTP_PORT", Integer.toString(port));
      base.put("UBA_HTTP_ADDRESS", "127.0.0.1");
      base.put("AWS_REGION", RunningOperator.REGION);
      base.put("AWS_ACCESS_KEY_ID", "testing");
      base.put("AWS_SECRET_ACCESS_KEY", "testing");
      base.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
      environment.putAll(base);
      environment.putAll(env);
      return new OperatorProcess(builder.start(), port, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public long pid() {
    return process.pid();
  }

  public int port() {
    return port;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Status code of GET path, or -1 when nothing answers. */
  public int status(String path) {
    return get(path).map(HttpResponse::statusCode).orElse(-1);
  }

  public String body(String path) {
    return get(path).map(HttpResponse::body).orElse("");
  }

  /** The value of the gauge uba_leader on /metrics, or -1 when not answered. */
  public double leaderGauge() {
    Matcher m = Pattern.compile("(?m)^uba_leader(?:\\{[^}]*})? ([0-9.]+)$").matcher(body("/metrics"));
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }

  /** Waits until /readyz answers 200; fails early, with the log, when the process exits. */
  public void awaitReady(Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("the operator process exited with " + process.exitValue() + ":\n" + log());
      }
      if (status("/readyz") == 200) {
        return;
      }
      sleep(200);
    }
    throw new AssertionError("/readyz did not answer 200 within " + timeout + ":\n" + log());
  }

  /** SIGTERM to the PID, then the exit status once it has stopped (-1 if it had to be killed). */
  public int stop(Duration grace) {
    ProcessHandle handle = process.toHandle();
    handle.destroy();
    try {
      if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
      handle.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      handle.destroyForcibly();
      return -1;
    }
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop(Duration.ofSeconds(20));
    }
  }

  private java.util.Optional<HttpResponse<String>> get(String path) {
    try {
      return java.util.Optional.of(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
          .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return java.util.Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
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
