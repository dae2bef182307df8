package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.engine.Drift;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The differences between a desired and an actual index template (pure). Only what the operator sets
 * is compared, semantically: patterns as a set, settings by value whatever their form, and each field
 * of the UBA event mapping by what the operator gives it (fields OpenSearch or a person added to the
 * mapping, and defaults OpenSearch fills in, are no difference).
 */
public final class IndexTemplateDrift {
  public static final String INDEX_PATTERNS = "index patterns";
  public static final String PRIORITY = "priority";
  public static final String SHARDS = "shards";
  public static final String REPLICAS = "replicas";
  /** Prefix of a mapping difference: "mapping dynamic", "mapping user_id". */
  public static final String MAPPING = "mapping ";

  private IndexTemplateDrift() {}

  public static Drift of(IndexTemplateDesired desired, IndexTemplateActual actual) {
    Drift.Builder drift = Drift.builder()
        .fieldIf(!Set.copyOf(desired.indexPatterns()).equals(Set.copyOf(actual.indexPatterns())), INDEX_PATTERNS,
            desired.indexPatterns(), actual.indexPatterns())
        .field(PRIORITY, (long) desired.priority(), actual.priority())
        .field(SHARDS, desired.shards(), actual.shards())
        .field(REPLICAS, desired.replicas(), actual.replicas());
    JsonNode mappings = desired.body().path("template").path("mappings");
    JsonNode dynamic = actual.mappings().get("dynamic");
    drift.fieldIf(!JsonCoverage.covers(mappings.get("dynamic"), dynamic), MAPPING + "dynamic",
        mappings.get("dynamic").asText(), dynamic == null ? "absent" : dynamic.asText());
    for (Iterator<Map.Entry<String, JsonNode>> it = mappings.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode found = typed(actual.mappings().path("properties").get(field.getKey()));
      drift.fieldIf(!JsonCoverage.covers(field.getValue(), found), MAPPING + field.getKey(),
          field.getValue().toString(), found == null ? "absent" : found.toString());
    }
    return drift.build();
  }

  /** A mapped field without a type is an object (OpenSearch leaves "type": "object" out). */
  private static JsonNode typed(JsonNode field) {
    if (field == null || !field.isObject() || field.has("type")) {
      return field;
    }
    ObjectNode copy = ((ObjectNode) field).deepCopy();
    copy.put("type", "object");
    return copy;
  }
}
