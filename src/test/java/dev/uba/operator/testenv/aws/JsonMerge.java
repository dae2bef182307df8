package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** Deep merge of JSON objects: fields of the change win, nested objects merge, arrays are replaced. */
final class JsonMerge {

  private JsonMerge() {}

  /** A new object: {@code base} with {@code change} merged into it. Neither argument is modified. */
  static ObjectNode merge(ObjectNode base, ObjectNode change) {
    ObjectNode out = base.deepCopy();
    for (Map.Entry<String, JsonNode> e : change.properties()) {
      JsonNode current = out.get(e.getKey());
      if (current instanceof ObjectNode c && e.getValue() instanceof ObjectNode v) {
        out.set(e.getKey(), merge(c, v));
      } else {
        out.set(e.getKey(), e.getValue().deepCopy());
      }
    }
    return out;
  }
}
