package dev.uba.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Whether a CRD is backward compatible with an older one (the baseline) for users who stored objects,
 * or keep manifests, written against the older one: no served version and no field gone, and no value
 * the older schema accepted now refused by a type, {@code required}, an enum, a range or a pattern.
 * A pure function of the two CRDs (parsed YAML); it reports, it does not decide what is accepted
 * ({@link CrdAcceptedChanges} does).
 *
 * <p>Compatible, and not reported: new optional fields, new versions, new enum values, an enum
 * dropped, wider ranges, a pattern removed, an integer widened to a number or to int-or-string,
 * changes of descriptions, defaults, {@code nullable} and printer columns. A keyword this class does
 * not judge (say {@code format}, {@code x-kubernetes-validations}, {@code oneOf}) is reported whenever
 * it changes, as {@link Rule#UNCHECKED_KEYWORD}, for a person to review.
 *
 * <p>Paths are JSON paths relative to {@code openAPIV3Schema}: {@code .spec.stream.shards};
 * {@code [*]} is an element of a list, {@code .*} a value of a map, {@code .} the whole object.
 */
final class CrdCompatibility {

  /** What makes a change incompatible; {@link #id} is how reports and accepted-changes.txt name it. */
  enum Rule {
    REMOVED_CRD("removed-crd"),
    CHANGED_IDENTITY("changed-identity"),
    REMOVED_VERSION("removed-version"),
    REMOVED_PROPERTY("removed-property"),
    NARROWED_TYPE("narrowed-type"),
    NEWLY_REQUIRED("newly-required"),
    REMOVED_ENUM_VALUE("removed-enum-value"),
    ADDED_ENUM("added-enum"),
    NARROWED_RANGE("narrowed-range"),
    CHANGED_PATTERN("changed-pattern"),
    UNCHECKED_KEYWORD("unchecked-keyword");

    final String id;

    Rule(String id) {
      this.id = id;
    }

    static Rule byId(String id) {
      return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst().orElse(null);
    }
  }

  /**
   * One incompatible change. {@link #key()} (CRD, version, path, rule) is what accepted-changes.txt
   * lists; {@code detail} says what changed.
   */
  record Incompatibility(String crd, String version, String path, Rule rule, String detail) {
    String key() {
      return crd + " " + version + " " + path + " " + rule.id;
    }

    @Override
    public String toString() {
      return key() + ": " + detail;
    }
  }

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Keywords judged below, or compatible whatever their change; every other keyword is unchecked. */
  private static final Set<String> KNOWN_KEYWORDS = Set.of(
      "type", "properties", "additionalProperties", "items", "required", "enum", "pattern",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
      "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
      "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields",
      // compatible: documentation; a default only applies where a value is absent; a null in a field
      // that is no longer nullable is pruned (as if absent), not refused
      "description", "title", "example", "externalDocs", "default", "nullable");

  private static final Set<String> ANY_VALUE =
      Set.of("object", "array", "string", "integer", "number", "boolean");

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]*");

  private final String crd;
  private final List<Incompatibility> found = new ArrayList<>();
  private String version = "*";

  private CrdCompatibility(String crd) {
    this.crd = crd;
  }

  /** Parses one YAML (or JSON) document. */
  static JsonNode parse(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Compares sets of CRDs, each keyed by its {@code metadata.name}: a baseline CRD missing from
   * {@code current} is {@link Rule#REMOVED_CRD}; CRDs only in {@code current} are new, and fine.
   */
  static List<Incompatibility> compare(Map<String, JsonNode> baseline, Map<String, JsonNode> current) {
    List<Incompatibility> all = new ArrayList<>();
    for (String name : new TreeSet<>(baseline.keySet())) {
      JsonNode now = current.get(name);
      if (now == null) {
        all.add(new Incompatibility(name, "*", ".", Rule.REMOVED_CRD,
            "the CRD is no longer generated: its objects would be deleted with it"));
      } else {
        all.addAll(compare(baseline.get(name), now));
      }
    }
    return all;
  }

  /** Compares one CRD with its baseline. */
  static List<Incompatibility> compare(JsonNode baseline, JsonNode current) {
    CrdCompatibility check = new CrdCompatibility(baseline.path("metadata").path("name").asText("?"));
    check.crd(baseline, current);
    return check.found.stream()
        .sorted(Comparator.comparing(Incompatibility::version).thenComparing(Incompatibility::path)
            .thenComparing(Incompatibility::rule))
        .toList();
  }

  private void crd(JsonNode was, JsonNode now) {
    for (String field : List.of("group", "scope")) {
      identity(field, was.path("spec").path(field), now.path("spec").path(field));
    }
    for (String field : List.of("kind", "plural")) {
      identity("names." + field, was.path("spec").path("names").path(field),
          now.path("spec").path("names").path(field));
    }
    for (JsonNode wasVersion : was.path("spec").path("versions")) {
      if (!wasVersion.path("served").asBoolean(false)) {
        continue;
      }
      version = wasVersion.path("name").asText();
      JsonNode nowVersion = versionNamed(now, version);
      if (nowVersion == null) {
        report("", Rule.REMOVED_VERSION, "the version is gone: clients and manifests that use it fail");
      } else if (!nowVersion.path("served").asBoolean(false)) {
        report("", Rule.REMOVED_VERSION, "the version is no longer served");
      } else {
        schema("", wasVersion.path("schema").path("openAPIV3Schema"),
            nowVersion.path("schema").path("openAPIV3Schema"));
      }
    }
    version = "*";
  }

  private void identity(String field, JsonNode was, JsonNode now) {
    if (!was.equals(now)) {
      report("", Rule.CHANGED_IDENTITY, "spec." + field + " changed: " + was + " -> " + now);
    }
  }

  private static JsonNode versionNamed(JsonNode crd, String name) {
    for (JsonNode v : crd.path("spec").path("versions")) {
      if (name.equals(v.path("name").asText())) {
        return v;
      }
    }
    return null;
  }

  private void schema(String path, JsonNode was, JsonNode now) {
    type(path, was, now);
    properties(path, was, now);
    required(path, was, now);
    if (was.has("items") && now.has("items")) {
      schema(path + "[*]", was.get("items"), now.get("items"));
    }
    additionalProperties(path, was, now);
    enumeration(path, was, now);
    lowerBound(path, was, now, "minimum", "exclusiveMinimum");
    upperBound(path, was, now, "maximum", "exclusiveMaximum");
    for (String key : List.of("minLength", "minItems", "minProperties")) {
      lowerBound(path, was, now, key, null);
    }
    for (String key : List.of("maxLength", "maxItems", "maxProperties")) {
      upperBound(path, was, now, key, null);
    }
    pattern(path, was, now);
    unchecked(path, was, now);
  }

  private void type(String path, JsonNode was, JsonNode now) {
    Set<String> wasKinds = kinds(was);
    Set<String> nowKinds = kinds(now);
    if (!nowKinds.containsAll(wasKinds)) {
      report(path, Rule.NARROWED_TYPE, describeType(was) + " -> " + describeType(now));
    } else if (preservesUnknownFields(was) && !preservesUnknownFields(now)
        && nowKinds.contains("object")) {
      report(path, Rule.NARROWED_TYPE,
          "x-kubernetes-preserve-unknown-fields dropped: fields outside the schema are now pruned");
    }
  }

  /** The kinds of JSON value a schema lets through, by its type and the Kubernetes extensions. */
  private static Set<String> kinds(JsonNode schema) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return Set.of("integer", "string");
    }
    if (!schema.hasNonNull("type")) {
      return ANY_VALUE; // no type: any value (x-kubernetes-preserve-unknown-fields, or no schema at all)
    }
    String type = schema.get("type").asText();
    return type.equals("number") ? Set.of("integer", "number") : Set.of(type);
  }

  private static String describeType(JsonNode schema) {
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return "int-or-string";
    }
    if (schema.hasNonNull("type")) {
      return schema.get("type").asText();
    }
    return preservesUnknownFields(schema) ? "any (x-kubernetes-preserve-unknown-fields)" : "any";
  }

  private static boolean preservesUnknownFields(JsonNode schema) {
    return schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
  }

  private void properties(String path, JsonNode was, JsonNode now) {
    JsonNode nowProperties = now.path("properties");
    for (Map.Entry<String, JsonNode> property : was.path("properties").properties()) {
      String child = child(path, property.getKey());
      if (nowProperties.has(property.getKey())) {
        schema(child, property.getValue(), nowProperties.get(property.getKey()));
      } else {
        report(child, Rule.REMOVED_PROPERTY,
            "the field is gone: stored values are pruned, manifests that set it lose it or are refused");
      }
    }
  }

  private void required(String path, JsonNode was, JsonNode now) {
    Set<String> before = strings(was.path("required"));
    for (String name : strings(now.path("required"))) {
      if (!before.contains(name)) {
        report(child(path, name), Rule.NEWLY_REQUIRED, was.path("properties").has(name)
            ? "an optional field became required: objects without it are refused"
            : "a new field is required where its object already existed: objects without it are refused");
      }
    }
  }

  private void additionalProperties(String path, JsonNode was, JsonNode now) {
    JsonNode wasValues = was.path("additionalProperties");
    if (wasValues.isMissingNode() || wasValues.isBoolean() && !wasValues.asBoolean()) {
      return; // the old schema had no map values to keep
    }
    JsonNode nowValues = now.path("additionalProperties");
    String values = path + ".*";
    if (nowValues.isMissingNode() || nowValues.isBoolean() && !nowValues.asBoolean()) {
      report(values, Rule.REMOVED_PROPERTY,
          "the map's entries are no longer allowed (additionalProperties removed)");
    } else if (nowValues.isObject()) {
      schema(values, wasValues.isObject() ? wasValues : MissingNode.getInstance(), nowValues);
    }
  }

  private void enumeration(String path, JsonNode was, JsonNode now) {
    if (!now.has("enum")) {
      return; // no enum now: every value of the type is allowed
    }
    if (!was.has("enum")) {
      report(path, Rule.ADDED_ENUM, "values now limited to " + now.get("enum"));
      return;
    }
    Set<String> nowValues = enumValues(now.get("enum"));
    List<String> removed = new ArrayList<>();
    for (JsonNode value : was.get("enum")) {
      if (!nowValues.contains(enumValue(value))) {
        removed.add(value.toString());
      }
    }
    if (!removed.isEmpty()) {
      report(path, Rule.REMOVED_ENUM_VALUE, "no longer allowed: " + String.join(", ", removed));
    }
  }

  private static Set<String> enumValues(JsonNode values) {
    Set<String> set = new LinkedHashSet<>();
    values.forEach(v -> set.add(enumValue(v)));
    return set;
  }

  /** 2 and 2.0 are one value; "2" is another. */
  private static String enumValue(JsonNode value) {
    return value.isNumber()
        ? "#" + value.decimalValue().stripTrailingZeros().toPlainString()
        : value.toString();
  }

  private void lowerBound(String path, JsonNode was, JsonNode now, String key, String exclusiveKey) {
    BigDecimal before = number(was, key);
    BigDecimal after = number(now, key);
    if (after == null) {
      return;
    }
    boolean exclusiveBefore = exclusiveKey != null && was.path(exclusiveKey).asBoolean(false);
    boolean exclusiveAfter = exclusiveKey != null && now.path(exclusiveKey).asBoolean(false);
    if (before == null) {
      report(path, Rule.NARROWED_RANGE, key + " added: " + bound(after, exclusiveAfter));
    } else if (after.compareTo(before) > 0) {
      report(path, Rule.NARROWED_RANGE,
          key + " raised: " + bound(before, exclusiveBefore) + " -> " + bound(after, exclusiveAfter));
    } else if (after.compareTo(before) == 0 && exclusiveAfter && !exclusiveBefore) {
      report(path, Rule.NARROWED_RANGE, key + " became exclusive: " + bound(after, false));
    }
  }

  private void upperBound(String path, JsonNode was, JsonNode now, String key, String exclusiveKey) {
    BigDecimal before = number(was, key);
    BigDecimal after = number(now, key);
    if (after == null) {
      return;
    }
    boolean exclusiveBefore = exclusiveKey != null && was.path(exclusiveKey).asBoolean(false);
    boolean exclusiveAfter = exclusiveKey != null && now.path(exclusiveKey).asBoolean(false);
    if (before == null) {
      report(path, Rule.NARROWED_RANGE, key + " added: " + bound(after, exclusiveAfter));
    } else if (after.compareTo(before) < 0) {
      report(path, Rule.NARROWED_RANGE,
          key + " lowered: " + bound(before, exclusiveBefore) + " -> " + bound(after, exclusiveAfter));
    } else if (after.compareTo(before) == 0 && exclusiveAfter && !exclusiveBefore) {
      report(path, Rule.NARROWED_RANGE, key + " became exclusive: " + bound(after, false));
    }
  }

  private static BigDecimal number(JsonNode schema, String key) {
    JsonNode value = schema.path(key);
    return value.isNumber() ? value.decimalValue() : null;
  }

  private static String bound(BigDecimal value, boolean exclusive) {
    return value.stripTrailingZeros().toPlainString() + (exclusive ? " (exclusive)" : "");
  }

  private void pattern(String path, JsonNode was, JsonNode now) {
    if (!now.has("pattern") || now.get("pattern").equals(was.get("pattern"))) {
      return;
    }
    report(path, Rule.CHANGED_PATTERN, (was.has("pattern")
        ? "pattern changed: " + was.get("pattern") + " -> " + now.get("pattern")
        : "pattern added: " + now.get("pattern")) + " (possibly narrowing)");
  }

  private void unchecked(String path, JsonNode was, JsonNode now) {
    Set<String> keys = new TreeSet<>();
    was.fieldNames().forEachRemaining(keys::add);
    now.fieldNames().forEachRemaining(keys::add);
    boolean intOrString = was.path("x-kubernetes-int-or-string").asBoolean(false)
        || now.path("x-kubernetes-int-or-string").asBoolean(false);
    for (String key : keys) {
      if (intOrString && key.equals("anyOf")) {
        continue; // the generator spells int-or-string as anyOf integer, string: judged as its type
      }
      if (!KNOWN_KEYWORDS.contains(key) && !Objects.equals(was.get(key), now.get(key))) {
        report(path, Rule.UNCHECKED_KEYWORD, key + " changed: " + orAbsent(was.get(key)) + " -> "
            + orAbsent(now.get(key)) + "; not judged by this check, review it");
      }
    }
  }

  private static String orAbsent(JsonNode value) {
    return value == null ? "(absent)" : value.toString();
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> set = new LinkedHashSet<>();
    array.forEach(v -> set.add(v.asText()));
    return set;
  }

  private static String child(String path, String name) {
    return PLAIN_NAME.matcher(name).matches() ? path + "." + name : path + "['" + name + "']";
  }

  private void report(String path, Rule rule, String detail) {
    found.add(new Incompatibility(crd, version, path.isEmpty() ? "." : path, rule, detail));
  }

  /** The report a failing test shows: one incompatibility a line. */
  static String describe(List<Incompatibility> incompatibilities) {
    return incompatibilities.stream().map(i -> "  " + i).collect(Collectors.joining("\n"));
  }
}
