package dev.uba.operator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The operator's HTTP endpoints: /healthz (liveness: the operator runs), /readyz (readiness: every
 * informer is connected and synced) and /metrics (Prometheus text format), where
 * {@code uba_operator_ready} says what /readyz would answer, for alerts.
 */
final class HealthServer implements AutoCloseable {
  private final HttpServer server;

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  static HealthServer start(int port, Operator operator, PrometheusMeterRegistry registry) {
    return start(null, port, operator, registry);
  }

  /** On the given address (null: every interface, as a pod's probes need). */
  static HealthServer start(String address, int port, Operator operator, PrometheusMeterRegistry registry) {
    try {
      HttpServer server = HttpServer.create(
          address == null ? new InetSocketAddress(port) : new InetSocketAddress(address, port), 0);
      server.createContext("/healthz", ex -> respond(ex, operator.getRuntimeInfo().isStarted(), "ok"));
      server.createContext("/readyz", ex -> respond(ex, isReady(operator), "ready"));
      Gauge.builder("uba.operator.ready", operator, o -> isReady(o) ? 1 : 0)
          .description("1 while /readyz answers 200: the operator runs and every informer is synced")
          .register(registry);
      server.createContext("/metrics", ex -> respond(ex, true, registry.scrape()));
      server.start();
      return new HealthServer(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port + " (UBA_HTTP_PORT)", e);
    }
  }

  private static boolean isReady(Operator operator) {
    return operator.getRuntimeInfo().isStarted() && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void respond(HttpExchange exchange, boolean ok, String body) throws IOException {
    byte[] bytes = (ok ? body : "not ready").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(ok ? 200 : 503, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
