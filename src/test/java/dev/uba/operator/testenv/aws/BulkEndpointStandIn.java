package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A stand-in for an OpenSearch node in the local Firehose's own tests: a loopback HTTP server that
 * accepts {@code POST /_bulk} with {@code index} actions and answers as the Bulk API does (per-item
 * {@code status}, {@code errors: true} when an item failed). Documents matching
 * {@link #refuseWhere} are refused with a per-item HTTP 400 {@code mapper_parsing_exception}.
 * Thread-safe.
 */
final class BulkEndpointStandIn implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, List<JsonNode>> indices = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();
  private volatile Predicate<JsonNode> refuse = doc -> false;

  BulkEndpointStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/_bulk", this::bulk);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Documents for which {@code p} holds are refused (per-item error 400). */
  BulkEndpointStandIn refuseWhere(Predicate<JsonNode> p) {
    this.refuse = p;
    return this;
  }

  /** The documents indexed into {@code index}, in order. */
  List<JsonNode> documents(String index) {
    return List.copyOf(indices.getOrDefault(index, List.of()));
  }

  /** The indices that received documents. */
  List<String> indices() {
    return List.copyOf(indices.keySet());
  }

  int requests() {
    return requests.get();
  }

  private void bulk(HttpExchange ex) throws IOException {
    try (ex) {
      requests.incrementAndGet();
      String[] lines = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
          .split("\n");
      ObjectNode answer = AwsRequest.object();
      ArrayNode items = answer.putArray("items");
      boolean errors = false;
      for (int i = 0; i + 1 < lines.length; i += 2) {
        JsonNode meta = AwsRequest.JSON.readTree(lines[i]).path("index");
        String index = meta.path("_index").asText();
        ObjectNode result = items.addObject().putObject("index");
        result.put("_index", index);
        result.put("_id", meta.path("_id").asText("generated-" + i));
        JsonNode doc;
        try {
          doc = AwsRequest.JSON.readTree(lines[i + 1]);
        } catch (IOException notJson) {
          doc = null;
        }
        if (doc == null || !doc.isObject() || refuse.test(doc)) {
          errors = true;
          result.put("status", 400);
          ObjectNode error = result.putObject("error");
          error.put("type", "mapper_parsing_exception");
          error.put("reason", "failed to parse");
        } else {
          indices.computeIfAbsent(index, k -> new CopyOnWriteArrayList<>()).add(doc);
          result.put("status", 201);
          result.put("result", "created");
        }
      }
      answer.put("took", 1);
      answer.put("errors", errors);
      byte[] body = AwsRequest.toBytes(answer);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
