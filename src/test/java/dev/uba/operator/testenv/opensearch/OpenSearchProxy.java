package dev.uba.operator.testenv.opensearch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.uba.operator.testenv.opensearch.NodeHttp.Answer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * The loopback HTTP endpoint the tests give the operator as its data plane: the ISM policy API is
 * served by {@link IsmEmulator}, everything else is forwarded to the node unchanged (signature
 * headers included; the node has no security plugin and ignores them). Every request is recorded
 * ("GET /_index_template/uba-events"), so tests can count what a pass costs.
 */
final class OpenSearchProxy implements AutoCloseable {
  static {
    // as in the local AWS's proxy: without it small answers wait for delayed ACKs
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final Set<String> HOP_BY_HOP = Set.of("content-length", "transfer-encoding", "connection",
      "keep-alive");

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "opensearch-test-proxy");
    t.setDaemon(true);
    return t;
  });
  private final NodeHttp node;
  private final IsmEmulator ism;
  private final List<String> requests = new ArrayList<>();

  OpenSearchProxy(NodeHttp node, IsmEmulator ism) throws IOException {
    this.node = node;
    this.ism = ism;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The requests so far, "METHOD /path?query", in order. */
  synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  synchronized void clearRequests() {
    requests.clear();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      String query = exchange.getRequestURI().getRawQuery();
      synchronized (this) {
        requests.add(method + " " + path + (query == null ? "" : "?" + query));
      }
      byte[] body = exchange.getRequestBody().readAllBytes();
      Answer answer;
      try {
        if (path.startsWith(IsmEmulator.PREFIX) && path.length() > IsmEmulator.PREFIX.length()) {
          answer = ism.handle(method, path.substring(IsmEmulator.PREFIX.length()), query,
              decoded(body, exchange.getRequestHeaders().getFirst("Content-Encoding")));
        } else {
          answer = node.send(method, path + (query == null ? "" : "?" + query), exchange.getRequestHeaders(), body);
        }
      } catch (IOException e) {
        answer = Answer.json(502, "{\"error\":{\"type\":\"proxy_exception\",\"reason\":\"the node did not answer: "
            + String.valueOf(e.getMessage()).replace('"', '\'') + "\"},\"status\":502}");
      }
      reply(exchange, method, answer);
    }
  }

  private static byte[] decoded(byte[] body, String encoding) throws IOException {
    if (encoding == null || !encoding.toLowerCase(Locale.ROOT).contains("gzip")) {
      return body;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
      return in.readAllBytes();
    }
  }

  private static void reply(HttpExchange exchange, String method, Answer answer) throws IOException {
    for (Map.Entry<String, List<String>> header : answer.headers().entrySet()) {
      if (header.getKey() != null && !header.getKey().startsWith(":")
          && !HOP_BY_HOP.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
      }
    }
    boolean empty = answer.body().length == 0 || method.equals("HEAD");
    exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
