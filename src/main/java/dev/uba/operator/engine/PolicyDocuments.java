package dev.uba.operator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * IAM policy documents: building them, and comparing them the way IAM evaluates them. IAM returns
 * documents URL-encoded and reformatted, a single value may be written as a string or a one-element
 * list, {@code "Principal": "*"} is {@code "Principal": {"AWS": "*"}}, and the order of statements and
 * of values does not matter: none of that is a difference.
 */
public final class PolicyDocuments {
  private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  /** Keys whose values IAM treats as unordered sets. */
  private static final List<String> SET_VALUED = List.of("Action", "NotAction", "Resource", "NotResource");

  private PolicyDocuments() {}

  /** A statement with the given effect, actions and resources. */
  public static Statement allow(Collection<String> actions, Collection<String> resources) {
    return new Statement("Allow", null, List.copyOf(actions), List.copyOf(resources));
  }

  /** A statement allowing the given AWS principals (or a service principal) to do the actions. */
  public static Statement allowPrincipals(Map<String, List<String>> principal, Collection<String> actions,
      Collection<String> resources) {
    return new Statement("Allow", principal, List.copyOf(actions), resources == null ? null : List.copyOf(resources));
  }

  /** The policy document as compact JSON, with Version 2012-10-17. */
  public static String document(List<Statement> statements) {
    ObjectNode doc = JsonNodeFactory.instance.objectNode();
    doc.put("Version", "2012-10-17");
    ArrayNode list = doc.putArray("Statement");
    for (Statement s : statements) {
      ObjectNode node = list.addObject();
      node.put("Effect", s.effect());
      if (s.principal() != null) {
        ObjectNode principal = node.putObject("Principal");
        s.principal().forEach((type, values) -> {
          ArrayNode arr = principal.putArray(type);
          values.forEach(arr::add);
        });
      }
      ArrayNode actions = node.putArray("Action");
      s.actions().forEach(actions::add);
      if (s.resources() != null) {
        ArrayNode resources = node.putArray("Resource");
        s.resources().forEach(resources::add);
      }
      if (s.condition() != null && !s.condition().isEmpty()) {
        ObjectNode condition = node.putObject("Condition");
        // sorted, so that the same statement always gives the same text
        new TreeMap<>(s.condition()).forEach((operator, entries) -> {
          ObjectNode op = condition.putObject(operator);
          new TreeMap<>(entries).forEach((key, values) -> {
            ArrayNode arr = op.putArray(key);
            values.forEach(arr::add);
          });
        });
      }
    }
    return doc.toString();
  }

  /** True when the two documents grant the same: URL-encoding, formatting and order aside. */
  public static boolean equivalent(String a, String b) {
    if (a == null || b == null) {
      return a == b;
    }
    return canonical(a).equals(canonical(b));
  }

  /** The canonical form used for comparison: decoded, sorted, single values as lists. */
  public static JsonNode canonical(String document) {
    try {
      return normalize(JSON.readTree(decode(document)), null);
    } catch (JsonProcessingException e) {
      // An unparsable document never equals a generated one, so it gets replaced.
      return JsonNodeFactory.instance.textNode(document);
    }
  }

  private static String decode(String document) {
    String trimmed = document.trim();
    if (trimmed.startsWith("%7B") || trimmed.startsWith("%7b")) {
      return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
    }
    return trimmed;
  }

  private static JsonNode normalize(JsonNode node, String key) {
    if ("Principal".equals(key) && node.isTextual() && "*".equals(node.asText())) {
      // IAM's policy grammar: the two forms are equivalent (resource policies such as bucket policies use both)
      return normalize(JsonNodeFactory.instance.objectNode().put("AWS", "*"), key);
    }
    if ("Statement".equals(key)) {
      return sortedArray(asArray(node));
    }
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      List<String> fields = new ArrayList<>();
      node.fieldNames().forEachRemaining(fields::add);
      fields.stream().sorted().filter(field -> !"Sid".equals(field))
          .forEach(field -> sorted.set(field, normalize(node.get(field), field)));
      return sorted;
    }
    if (node.isArray() || (node.isTextual() && (SET_VALUED.contains(key) || isPrincipalOrCondition(key)))) {
      return sortedArray(asArray(node));
    }
    return node;
  }

  private static JsonNode asArray(JsonNode node) {
    return node.isArray() ? node : JsonNodeFactory.instance.arrayNode().add(node);
  }

  /** Principal types (AWS, Service, Federated) and condition values are unordered too. */
  private static boolean isPrincipalOrCondition(String key) {
    return key != null && !"Version".equals(key) && !"Effect".equals(key) && !"Sid".equals(key);
  }

  private static ArrayNode sortedArray(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(item -> items.add(item.isValueNode() ? item : normalize(item, null)));
    // Sorted and de-duplicated by their JSON text: IAM ignores order and repeats.
    Map<String, JsonNode> byText = new TreeMap<>();
    items.forEach(item -> byText.putIfAbsent(item.toString(), item));
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    byText.values().forEach(out::add);
    return out;
  }

  /**
   * One policy statement. A null principal means an identity policy statement. The condition maps a
   * condition operator (ArnEquals, StringEquals, ...) to condition keys and their values; null or
   * empty means none.
   */
  public record Statement(String effect, Map<String, List<String>> principal, List<String> actions,
                          List<String> resources, Map<String, Map<String, List<String>>> condition) {

    public Statement(String effect, Map<String, List<String>> principal, List<String> actions,
        List<String> resources) {
      this(effect, principal, actions, resources, null);
    }

    /** The same statement, allowed only under the given condition. */
    public Statement when(Map<String, Map<String, List<String>>> condition) {
      return new Statement(effect, principal, actions, resources, condition);
    }
  }
}
