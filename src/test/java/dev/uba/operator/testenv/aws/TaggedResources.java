package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Resource Groups Tagging API's GetResources ("Returns all the tagged or previously tagged
 * resources that are located in the specified Amazon Web Services Region for the account") over
 * everything the operator tags. The emulator answers it for SNS topics, CloudWatch alarms, log
 * groups and Firehose delivery streams, but not for Kinesis streams or EventBridge rules, and it
 * matches ResourceTypeFilters of whole services only ({@code sns}, not {@code sns:topic}). The proxy
 * answers GetResources itself: all of the emulator's pages, plus the Kinesis streams (ListStreams,
 * ListTagsForStream) and the rules of the default event bus (ListRules, ListTagsForResource) whose
 * tags match the TagFilters ("the response includes only those resources that are tagged with the
 * specified keys and, if included, the specified values"), in pages of ResourcesPerPage (default
 * 50) with tokens of its own. The proxy's calls to the emulator are not in the {@link CallLog}.
 */
final class TaggedResources {
  private static final String JSON_11 = "application/x-amz-json-1.1";

  private final MotoForwarder moto;
  /** Token -> the resources of the pages still to be served. */
  private final Map<String, List<JsonNode>> rest = new ConcurrentHashMap<>();

  TaggedResources(MotoForwarder moto) {
    this.moto = moto;
  }

  void clear() {
    rest.clear();
  }

  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    if (!"GetResources".equals(req.operation)) {
      return moto.forward(req);
    }
    JsonNode in = req.json();
    int perPage = in.path("ResourcesPerPage").asInt(50);
    String token = in.path("PaginationToken").asText("");
    List<JsonNode> resources;
    if (!token.isEmpty()) {
      resources = rest.remove(token);
      if (resources == null) {
        return ErrorShapes.error(req, 400, "PaginationTokenExpiredException",
            "A PaginationToken is valid for a maximum of 15 minutes.");
      }
    } else {
      resources = collect(req, in);
    }
    ObjectNode out = AwsRequest.JSON.createObjectNode();
    ArrayNode page = out.putArray("ResourceTagMappingList");
    resources.stream().limit(perPage).forEach(page::add);
    String next = "";
    if (resources.size() > perPage) {
      next = UUID.randomUUID().toString();
      rest.put(next, List.copyOf(resources.subList(perPage, resources.size())));
    }
    out.put("PaginationToken", next);
    return AwsResponse.json(200, JSON_11, out);
  }

  private List<JsonNode> collect(AwsRequest req, JsonNode in) throws IOException, InterruptedException {
    List<JsonNode> all = new ArrayList<>(fromEmulator(req, in));
    Set<String> types = new HashSet<>();
    in.path("ResourceTypeFilters").forEach(t -> types.add(t.asText()));
    if (types.isEmpty() || types.contains("kinesis") || types.contains("kinesis:stream")) {
      all.addAll(matching(in, streams(req)));
    }
    if (types.isEmpty() || types.contains("events") || types.contains("events:rule")) {
      all.addAll(matching(in, rules(req)));
    }
    return all;
  }

  /** Every page of the emulator's own answer. */
  private List<JsonNode> fromEmulator(AwsRequest req, JsonNode in) throws IOException, InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    String token = "";
    do {
      ObjectNode body = in.deepCopy();
      body.remove("ResourcesPerPage");
      body.remove("PaginationToken");
      if (!token.isEmpty()) {
        body.put("PaginationToken", token);
      }
      JsonNode answer = call(req, "tagging", "ResourceGroupsTaggingAPI_20170126", "GetResources", body);
      answer.path("ResourceTagMappingList").forEach(found::add);
      token = answer.path("PaginationToken").asText("");
    } while (!token.isEmpty());
    return found;
  }

  /** Kinesis streams with their tags, as GetResources lists a resource. */
  private List<JsonNode> streams(AwsRequest req) throws IOException, InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    String start = null;
    boolean more;
    do {
      ObjectNode body = AwsRequest.JSON.createObjectNode().put("Limit", 10_000);
      if (start != null) {
        body.put("ExclusiveStartStreamName", start);
      }
      JsonNode page = call(req, "kinesis", "Kinesis_20131202", "ListStreams", body);
      Map<String, String> arns = new java.util.HashMap<>();
      page.path("StreamSummaries").forEach(s -> arns.put(s.path("StreamName").asText(), s.path("StreamARN").asText()));
      for (JsonNode name : page.path("StreamNames")) {
        start = name.asText();
        String arn = arns.get(start);
        if (arn == null) {
          continue;
        }
        ObjectNode tagsOf = AwsRequest.JSON.createObjectNode().put("StreamName", start);
        found.add(mapping(arn, call(req, "kinesis", "Kinesis_20131202", "ListTagsForStream", tagsOf).path("Tags")));
      }
      more = page.path("HasMoreStreams").asBoolean(false);
    } while (more && start != null);
    return found;
  }

  /** Rules of the default event bus with their tags. */
  private List<JsonNode> rules(AwsRequest req) throws IOException, InterruptedException {
    List<JsonNode> found = new ArrayList<>();
    String token = "";
    do {
      ObjectNode body = AwsRequest.JSON.createObjectNode();
      if (!token.isEmpty()) {
        body.put("NextToken", token);
      }
      JsonNode page = call(req, "events", "AWSEvents", "ListRules", body);
      for (JsonNode rule : page.path("Rules")) {
        String arn = rule.path("Arn").asText();
        ObjectNode tagsOf = AwsRequest.JSON.createObjectNode().put("ResourceARN", arn);
        found.add(mapping(arn, call(req, "events", "AWSEvents", "ListTagsForResource", tagsOf).path("Tags")));
      }
      token = page.path("NextToken").asText("");
    } while (!token.isEmpty());
    return found;
  }

  private static ObjectNode mapping(String arn, JsonNode tags) {
    ObjectNode m = AwsRequest.JSON.createObjectNode().put("ResourceARN", arn);
    ArrayNode list = m.putArray("Tags");
    tags.forEach(t -> list.addObject().put("Key", t.path("Key").asText()).put("Value", t.path("Value").asText()));
    return m;
  }

  /** Resources with at least one tag whose tags meet every TagFilter. */
  private static List<JsonNode> matching(JsonNode in, List<JsonNode> resources) {
    return resources.stream().filter(r -> r.path("Tags").size() > 0).filter(r -> {
      for (JsonNode filter : in.path("TagFilters")) {
        String key = filter.path("Key").asText();
        Set<String> values = new HashSet<>();
        filter.path("Values").forEach(v -> values.add(v.asText()));
        boolean met = false;
        for (JsonNode tag : r.path("Tags")) {
          String value = tag.path("Value").asText();
          if (key.equals(tag.path("Key").asText()) && (values.isEmpty() || values.contains(value))) {
            met = true;
          }
        }
        if (!met) {
          return false;
        }
      }
      return true;
    }).toList();
  }

  /** A JSON call of the proxy's own to the emulator, scoped to {@code service}. */
  private JsonNode call(AwsRequest origin, String service, String targetPrefix, String operation, ObjectNode body)
      throws IOException, InterruptedException {
    String auth = origin.header("Authorization");
    String scoped = auth == null ? null
        : auth.replaceFirst("/" + origin.service + "/aws4_request", "/" + service + "/aws4_request");
    Map<String, String> headers = new java.util.HashMap<>(Map.of("X-Amz-Target", targetPrefix + "." + operation,
        "Content-Type", JSON_11));
    if (scoped != null) {
      headers.put("Authorization", scoped);
    }
    AwsResponse r = moto.forward(AwsRequest.derived(origin, "POST", "/", null, headers, AwsRequest.toBytes(body),
        operation, Map.of()));
    if (!r.ok() || r.json() == null) {
      throw new IOException(service + "." + operation + " on the emulator failed: HTTP " + r.status + " " + r.text());
    }
    return r.json();
  }
}
