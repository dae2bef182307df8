package dev.uba.operator.testenv.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The emulator as a subprocess: {@code python3 -m moto.server -H 127.0.0.1 -p PORT} on a free
 * loopback port, its output in a temporary log file, ready once {@code GET /moto-api/} answers,
 * stopped by process id (with its child processes).
 */
final class MotoServer implements AutoCloseable {

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final MotoForwarder client;

  private MotoServer(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.client = new MotoForwarder(endpoint);
  }

  /**
   * Starts the emulator and waits until it answers, at most {@code readiness}. Tries another port
   * when the chosen one was taken in the meantime.
   */
  static MotoServer start(String python, Map<String, String> environment, Duration readiness)
      throws IOException {
    IOException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      int port = freePort();
      Path log = Files.createTempFile("localaws-moto-", ".log");
      ProcessBuilder pb = new ProcessBuilder(python, "-m", "moto.server", "-H", "127.0.0.1",
          "-p", Integer.toString(port))
          .redirectErrorStream(true)
          .redirectOutput(log.toFile());
      pb.environment().putAll(environment);
      // the emulator delivers SNS HTTP/S messages to the proxy on loopback: never via an HTTP proxy
      for (String var : new String[] {"NO_PROXY", "no_proxy"}) {
        String current = pb.environment().get(var);
        if (current == null || current.isBlank()) {
          pb.environment().put(var, "127.0.0.1,localhost");
        } else if (!current.contains("127.0.0.1")) {
          pb.environment().put(var, current + ",127.0.0.1,localhost");
        }
      }
      Process p;
      try {
        p = pb.start();
      } catch (IOException e) {
        throw new IOException("cannot run '" + python + " -m moto.server' (install it with"
            + " pip install 'moto[server]')", e);
      }
      MotoServer server = new MotoServer(p, URI.create("http://127.0.0.1:" + port + "/"), log);
      try {
        server.awaitReady(readiness);
        return server;
      } catch (IOException e) {
        last = e;
        server.close();
        if (!e.getMessage().contains("Address already in use")) {
          throw e;
        }
      }
    }
    throw last;
  }

  URI endpoint() {
    return endpoint;
  }

  long pid() {
    return process.pid();
  }

  MotoForwarder client() {
    return client;
  }

  /** Wipes all emulated state ({@code POST /moto-api/reset}). */
  void reset() {
    try {
      int status = client.post("/moto-api/reset");
      if (status != 200) {
        throw new IllegalStateException("emulator reset answered HTTP " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitReady(Duration readiness) throws IOException {
    long deadline = System.nanoTime() + readiness.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("the emulator exited with code " + process.exitValue()
            + " before answering:\n" + logTail());
      }
      try {
        if (client.get("/moto-api/") == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the emulator", e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the emulator", e);
      }
    }
    throw new IOException("the emulator did not answer within " + readiness + ":\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Stops the emulator process and its children (by process id) and deletes its log. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a leftover temporary file is harmless
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    }
  }
}
