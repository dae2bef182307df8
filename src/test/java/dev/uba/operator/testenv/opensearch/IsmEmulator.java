package dev.uba.operator.testenv.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.testenv.opensearch.NodeHttp.Answer;
import java.io.IOException;

/**
 * The ISM policy API ({@code _plugins/_ism/policies/<id>}: GET, PUT, DELETE), emulated in front of a
 * node without the Index State Management plugin: the plugin (opensearch-index-management) is not
 * published on Maven Central, only as a zip in OpenSearch's own artifact repository, which the builds
 * cannot reach. Nothing else of ISM is emulated; policies are never applied to indices.
 *
 * <p>Policies are documents of an index on the node, so their {@code _seq_no} and
 * {@code _primary_term}, the conditional write ({@code if_seq_no}, {@code if_primary_term}) and
 * its 409 {@code version_conflict_engine_exception} are the node's own, as they are with the plugin,
 * which stores policies the same way. A PUT without them creates the policy and answers 409 when it
 * exists, as ISM does. Like ISM, it adds {@code policy_id}, {@code last_updated_time},
 * {@code schema_version}, {@code error_notification}, a {@code retry} to every action and a
 * {@code last_updated_time} to every ISM template.
 */
final class IsmEmulator {
  static final String PREFIX = "/_plugins/_ism/policies/";
  /** Where the policies are kept on the node (the plugin's own index is .opendistro-ism-config). */
  static final String STORE = "ism-emulation-policies";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_FOUND = "{\"error\":{\"root_cause\":[{\"type\":\"status_exception\",\"reason\":"
      + "\"Policy not found\"}],\"type\":\"status_exception\",\"reason\":\"Policy not found\"},\"status\":404}";

  private final NodeHttp node;

  IsmEmulator(NodeHttp node) {
    this.node = node;
  }

  /** Creates the index that holds the policies: source only, nothing indexed. */
  void install() throws IOException {
    Answer created = node.send("PUT", "/" + STORE,
        "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":{\"enabled\":false}}");
    if (created.status() != 200) {
      throw new IOException("cannot create " + STORE + ": " + created.status() + " " + created.text());
    }
  }

  Answer handle(String method, String id, String query, byte[] body) throws IOException {
    return switch (method) {
      case "GET" -> get(id);
      case "PUT" -> put(id, query, body);
      case "DELETE" -> delete(id);
      default -> Answer.json(405, "{\"error\":\"Incorrect HTTP method for uri [" + PREFIX + id + "] and method ["
          + method + "]\",\"status\":405}");
    };
  }

  private Answer get(String id) throws IOException {
    Answer doc = node.send("GET", "/" + STORE + "/_doc/" + id, null);
    if (doc.status() == 404) {
      return Answer.json(404, NOT_FOUND);
    }
    if (doc.status() != 200) {
      return doc;
    }
    JsonNode stored = JSON.readTree(doc.body());
    ObjectNode answer = JSON.createObjectNode().put("_id", id)
        .put("_version", stored.path("_version").asLong())
        .put("_seq_no", stored.path("_seq_no").asLong())
        .put("_primary_term", stored.path("_primary_term").asLong());
    answer.set("policy", stored.path("_source").path("policy"));
    return Answer.json(200, answer.toString());
  }

  private Answer put(String id, String query, byte[] body) throws IOException {
    JsonNode given;
    try {
      given = JSON.readTree(body);
    } catch (IOException e) {
      ObjectNode error = JSON.createObjectNode();
      error.putObject("error").put("type", "json_parse_exception").put("reason", String.valueOf(e.getMessage()));
      return Answer.json(400, error.put("status", 400).toString());
    }
    if (given == null || !given.path("policy").isObject()) {
      return Answer.json(400, "{\"error\":{\"type\":\"illegal_argument_exception\",\"reason\":"
          + "\"Policy must be an object named policy\"},\"status\":400}");
    }
    ObjectNode policy = augmented(id, (ObjectNode) given.path("policy").deepCopy());
    String ifSeqNo = param(query, "if_seq_no");
    String ifPrimaryTerm = param(query, "if_primary_term");
    String condition = ifSeqNo != null && ifPrimaryTerm != null
        ? "if_seq_no=" + ifSeqNo + "&if_primary_term=" + ifPrimaryTerm : "op_type=create";
    ObjectNode doc = JSON.createObjectNode();
    doc.set("policy", policy);
    Answer written = node.send("PUT", "/" + STORE + "/_doc/" + id + "?refresh=true&" + condition, doc.toString());
    if (written.status() != 200 && written.status() != 201) {
      return written;
    }
    JsonNode result = JSON.readTree(written.body());
    ObjectNode answer = JSON.createObjectNode().put("_id", id)
        .put("_version", result.path("_version").asLong())
        .put("_primary_term", result.path("_primary_term").asLong())
        .put("_seq_no", result.path("_seq_no").asLong());
    answer.putObject("policy").set("policy", policy);
    return Answer.json(written.status(), answer.toString());
  }

  private Answer delete(String id) throws IOException {
    Answer deleted = node.send("DELETE", "/" + STORE + "/_doc/" + id + "?refresh=true", null);
    return deleted.status() == 404 ? Answer.json(404, NOT_FOUND) : deleted;
  }

  /** What ISM adds to a policy it stores. */
  private static ObjectNode augmented(String id, ObjectNode policy) {
    long now = System.currentTimeMillis();
    policy.put("policy_id", id).put("last_updated_time", now).put("schema_version", 21);
    if (!policy.has("error_notification")) {
      policy.putNull("error_notification");
    }
    for (JsonNode state : policy.path("states")) {
      for (JsonNode action : state.path("actions")) {
        if (action.isObject() && !action.has("retry")) {
          ((ObjectNode) action).putObject("retry").put("count", 3).put("backoff", "exponential").put("delay", "1m");
        }
      }
    }
    for (JsonNode template : policy.path("ism_template")) {
      if (template.isObject()) {
        ((ObjectNode) template).put("last_updated_time", now);
      }
    }
    return policy;
  }

  private static String param(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return pair.substring(eq + 1);
      }
    }
    return null;
  }
}
