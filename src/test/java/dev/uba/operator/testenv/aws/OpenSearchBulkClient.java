package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The OpenSearch Bulk API as Firehose uses it: {@code POST <endpoint>/_bulk} with one {@code index}
 * action per document ({@code Content-Type: application/x-ndjson}), and the answer read item by
 * item ("Bulk API": the response's {@code errors} is true when any item failed; each item carries
 * its {@code status} and, when it failed, its {@code error}). Requests are unsigned: the endpoint is
 * a local node. Thread-safe.
 */
final class OpenSearchBulkClient {

  /** One document to index: its target index, its id (null: the node generates one), its JSON. */
  record Document(String index, String id, byte[] json) {}

  /**
   * The outcome of one {@code _bulk} request: {@code failure} set when there was no usable answer
   * (unreachable, or a non-2xx status), else one {@link Item} per document, in order.
   */
  record Outcome(String failure, int status, List<Item> items) {
    boolean answered() {
      return failure == null;
    }
  }

  /** One document's result: its HTTP status and, when it failed, the node's error object. */
  record Item(int status, JsonNode error) {
    boolean ok() {
      return error == null && status >= 200 && status < 300;
    }

    /** A retry may succeed: throttled (429) or a server-side failure (5xx). */
    boolean retryable() {
      return status == 429 || status >= 500;
    }
  }

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  /** Sends the documents to {@code endpoint}'s {@code _bulk}. Never throws for a delivery failure. */
  Outcome send(URI endpoint, List<Document> documents) throws InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(bulkUri(endpoint))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(documents)))
        .build();
    HttpResponse<byte[]> r;
    try {
      r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      return new Outcome("cannot reach " + endpoint + ": " + e, 0, List.of());
    }
    String text = new String(r.body(), StandardCharsets.UTF_8);
    if (r.statusCode() < 200 || r.statusCode() >= 300) {
      return new Outcome("HTTP " + r.statusCode() + " from " + endpoint + ": " + text, r.statusCode(),
          List.of());
    }
    return parse(text, documents.size(), r.statusCode(), endpoint);
  }

  /** The NDJSON body: an index action and the document, each on one line. */
  static byte[] body(List<Document> documents) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Document d : documents) {
      ObjectNode action = AwsRequest.object();
      ObjectNode meta = action.putObject("index");
      meta.put("_index", d.index());
      if (d.id() != null) {
        meta.put("_id", d.id());
      }
      out.writeBytes(AwsRequest.toBytes(action));
      out.write('\n');
      out.writeBytes(d.json());
      out.write('\n');
    }
    return out.toByteArray();
  }

  /** The items of a 2xx {@code _bulk} answer; a malformed answer counts as a failure. */
  static Outcome parse(String answer, int expected, int status, URI endpoint) {
    JsonNode root;
    try {
      root = AwsRequest.JSON.readTree(answer);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.path("items").isArray() || root.path("items").size() != expected) {
      return new Outcome("unreadable _bulk answer from " + endpoint + ": " + answer, status, List.of());
    }
    List<Item> items = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      JsonNode result = item.elements().hasNext() ? item.elements().next() : item;
      JsonNode error = result.get("error");
      items.add(new Item(result.path("status").asInt(200),
          error == null || error.isNull() ? null : error));
    }
    return new Outcome(null, status, items);
  }

  private static URI bulkUri(URI endpoint) {
    String base = endpoint.toString();
    return URI.create((base.endsWith("/") ? base : base + "/") + "_bulk");
  }
}
