package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Whether what OpenSearch returns still holds what the operator set: OpenSearch adds fields and
 * defaults, and returns numbers and booleans as strings ({@code "1"}, {@code "true"}), so only the
 * fields of the desired document are compared, and scalars by their text. Pure.
 */
final class JsonCoverage {
  private JsonCoverage() {}

  /**
   * True when every field of {@code desired} is in {@code actual} with the same value: objects field
   * by field (extra fields in {@code actual} are fine), arrays of scalars as sets, other arrays
   * element by element and of the same length, scalars by their text.
   */
  static boolean covers(JsonNode desired, JsonNode actual) {
    if (desired == null || desired.isNull() || desired.isMissingNode()) {
      return actual == null || actual.isNull() || actual.isMissingNode();
    }
    if (actual == null || actual.isMissingNode()) {
      return false;
    }
    if (desired.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = desired.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!covers(field.getValue(), actual.get(field.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (desired.isArray()) {
      if (!actual.isArray() || actual.size() != desired.size()) {
        return false;
      }
      if (allScalars(desired) && allScalars(actual)) {
        return texts(desired).equals(texts(actual));
      }
      for (int i = 0; i < desired.size(); i++) {
        if (!covers(desired.get(i), actual.get(i))) {
          return false;
        }
      }
      return true;
    }
    return actual.isValueNode() && desired.asText().equals(actual.asText());
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode item : array) {
      if (!item.isValueNode()) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> texts = new HashSet<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
