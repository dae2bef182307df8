package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The mapping of a UBA event (the contract's "Index template and retention"): the known fields typed,
 * {@code dynamic: true} for anything else an application sends.
 */
public final class UbaEventMapping {
  /** The fields indexed as {@code keyword}: exact values, for term queries and aggregations. */
  public static final List<String> KEYWORDS = List.of(
      "event_id", "event_type", "user_id", "session_id", "item_id", "page", "referrer");
  public static final String TIMESTAMP_FORMAT = "strict_date_optional_time||epoch_millis";

  private UbaEventMapping() {}

  /** A new copy of the {@code mappings} object. */
  public static ObjectNode mappings() {
    JsonNodeFactory json = JsonNodeFactory.instance;
    ObjectNode mappings = json.objectNode();
    mappings.put("dynamic", true);
    ObjectNode properties = mappings.putObject("properties");
    for (String field : List.of("event_id", "event_type", "user_id", "session_id", "item_id")) {
      properties.putObject(field).put("type", "keyword");
    }
    properties.putObject("timestamp").put("type", "date").put("format", TIMESTAMP_FORMAT);
    properties.putObject("page").put("type", "keyword");
    properties.putObject("referrer").put("type", "keyword");
    ObjectNode userAgent = properties.putObject("user_agent").put("type", "text");
    userAgent.putObject("fields").putObject("keyword").put("type", "keyword");
    properties.putObject("ip").put("type", "ip");
    properties.putObject("properties").put("type", "object");
    return mappings;
  }
}
