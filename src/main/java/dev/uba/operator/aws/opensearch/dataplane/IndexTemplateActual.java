package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An index template as {@code GET _index_template/<name>} returns it, normalised: settings come back
 * as strings, under {@code index} or as dotted keys; patterns as a list or a single string.
 *
 * @param priority null when the template has none
 * @param shards null when the template sets none
 * @param replicas null when the template sets none
 * @param mappings the template's {@code mappings} object (empty when it has none)
 * @param id the id reported as its arn, see {@link IndexTemplateDesired#id()}
 */
public record IndexTemplateActual(
    String name, List<String> indexPatterns, Long priority, Integer shards, Integer replicas, JsonNode mappings,
    String id) {

  public IndexTemplateActual {
    indexPatterns = List.copyOf(indexPatterns);
  }

  /** Reads the {@code index_template} object of the answer. */
  public static IndexTemplateActual from(String name, JsonNode template, String id) {
    List<String> patterns = new ArrayList<>();
    JsonNode given = template.path("index_patterns");
    if (given.isArray()) {
      given.forEach(p -> patterns.add(p.asText()));
    } else if (given.isTextual()) {
      patterns.add(given.asText());
    }
    JsonNode priority = template.path("priority");
    JsonNode settings = template.path("template").path("settings");
    JsonNode mappings = template.path("template").path("mappings");
    if (mappings.size() == 1 && mappings.path("_doc").isObject()) {
      mappings = mappings.path("_doc");
    }
    return new IndexTemplateActual(name, patterns,
        priority.isMissingNode() || priority.isNull() ? null : priority.asLong(),
        intSetting(settings, "number_of_shards"), intSetting(settings, "number_of_replicas"),
        mappings.isObject() ? mappings : JsonNodeFactory.instance.objectNode(), id);
  }

  /** {@code index.<key>} in any of its forms: nested under index, "index.key", or plain "key". */
  static Integer intSetting(JsonNode settings, String key) {
    JsonNode value = settings.path("index").path(key);
    if (value.isMissingNode()) {
      value = settings.path("index." + key);
    }
    if (value.isMissingNode()) {
      value = settings.path(key);
    }
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    try {
      return Integer.valueOf(value.asText().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The mapped fields by name ({@code mappings.properties}). */
  public Map<String, JsonNode> properties() {
    Map<String, JsonNode> result = new java.util.LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = mappings.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      result.put(field.getKey(), field.getValue());
    }
    return result;
  }
}
