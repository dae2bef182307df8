package dev.uba.operator.testenv.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The two data-plane APIs the operator calls on a domain, kept in memory on loopback: index
 * templates ({@code _index_template/<name>}) and ISM policies ({@code _plugins/_ism/policies/<id>},
 * with {@code _seq_no}/{@code _primary_term} and 409 on a stale one), answered in OpenSearch's shapes.
 * It stands for every domain of the integration tests that are not about the data plane itself, so
 * a pipeline with search becomes Ready without a real node (which {@link OpenSearchNode} is, for the
 * tests that need one: a JVM of its own and seconds to start).
 */
public final class DataPlaneStub implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DataPlaneStub shared;

  private final HttpServer server;
  private final Map<String, JsonNode> templates = new ConcurrentHashMap<>();
  private final Map<String, JsonNode> policies = new ConcurrentHashMap<>();
  private final Map<String, Long> seqNos = new ConcurrentHashMap<>();
  private long nextSeqNo;

  private DataPlaneStub() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/_index_template/", this::template);
    server.createContext("/_plugins/_ism/policies/", this::policy);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "data-plane-stub");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** One stub for the test JVM, started on first use. */
  public static synchronized DataPlaneStub shared() {
    if (shared == null) {
      try {
        shared = new DataPlaneStub();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The template installed under this name, as the operator sent it, or null. */
  public JsonNode template(String name) {
    return templates.get(name);
  }

  public JsonNode policy(String id) {
    return policies.get(id);
  }

  private void template(HttpExchange x) throws IOException {
    String name = x.getRequestURI().getPath().substring("/_index_template/".length());
    switch (x.getRequestMethod()) {
      case "GET" -> {
        JsonNode t = templates.get(name);
        if (t == null) {
          answer(x, 404, error("resource_not_found_exception", "index template matching [" + name + "] not found"));
        } else {
          ObjectNode body = JSON.createObjectNode();
          body.putArray("index_templates").addObject().put("name", name).set("index_template", t);
          answer(x, 200, body);
        }
      }
      case "PUT" -> {
        templates.put(name, JSON.readTree(x.getRequestBody()));
        answer(x, 200, JSON.createObjectNode().put("acknowledged", true));
      }
      case "DELETE" -> answer(x, templates.remove(name) == null ? 404 : 200,
          JSON.createObjectNode().put("acknowledged", true));
      default -> answer(x, 405, error("method_not_allowed", x.getRequestMethod()));
    }
  }

  private synchronized void policy(HttpExchange x) throws IOException {
    String id = x.getRequestURI().getPath().substring("/_plugins/_ism/policies/".length());
    String query = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery();
    switch (x.getRequestMethod()) {
      case "GET" -> {
        JsonNode p = policies.get(id);
        answer(x, p == null ? 404 : 200, p == null ? error("status_exception", "Policy not found") : versioned(id, p));
      }
      case "PUT" -> {
        JsonNode body = JSON.readTree(x.getRequestBody());
        Long current = seqNos.get(id);
        boolean conditional = query.contains("if_seq_no=");
        if ((!conditional && current != null) || (conditional && (current == null
            || !query.contains("if_seq_no=" + current + "&") && !query.endsWith("if_seq_no=" + current)))) {
          answer(x, 409, error("version_conflict_engine_exception", "[" + id + "]: version conflict"));
          return;
        }
        policies.put(id, body.path("policy"));
        seqNos.put(id, nextSeqNo++);
        answer(x, current == null ? 201 : 200, versioned(id, body.path("policy")));
      }
      case "DELETE" -> {
        seqNos.remove(id);
        answer(x, policies.remove(id) == null ? 404 : 200, JSON.createObjectNode().put("result", "deleted"));
      }
      default -> answer(x, 405, error("method_not_allowed", x.getRequestMethod()));
    }
  }

  private ObjectNode versioned(String id, JsonNode policy) {
    ObjectNode body = JSON.createObjectNode().put("_id", id).put("_version", 1)
        .put("_seq_no", seqNos.getOrDefault(id, 0L)).put("_primary_term", 1);
    body.set("policy", policy);
    return body;
  }

  private static ObjectNode error(String type, String reason) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error").put("type", type).put("reason", reason);
    return body;
  }

  private static void answer(HttpExchange x, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
