package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.packaging.CrdAcceptedChanges.Verdict;
import dev.uba.operator.packaging.CrdCompatibility.Incompatibility;
import dev.uba.operator.packaging.CrdCompatibility.Rule;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractListAssert;
import org.assertj.core.api.ObjectAssert;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The checker on small synthetic CRDs: one case per rule, and changes that must pass. */
class CrdCompatibilityRulesTest {

  @Test
  void compatibleChangesPass() {
    String was = """
        type: object
        properties:
          spec:
            type: object
            description: old words
            properties:
              name: {type: string, minLength: 3, maxLength: 10, pattern: "^[a-z]+$"}
              mode: {type: string, enum: [Fast, Slow], default: Fast}
              kind: {type: string, enum: [A, B]}
              count: {type: integer, minimum: 1, maximum: 5}
              ratio: {type: integer}
              port: {type: integer}
              items: {type: array, maxItems: 2, minItems: 1, items: {type: string}}
              labels: {type: object, maxProperties: 2, additionalProperties: {type: string}}
              note: {type: string, nullable: true}
            required: [name]
        """;
    String now = """
        type: object
        properties:
          spec:
            type: object
            description: new words
            properties:
              name: {type: string, minLength: 1, maxLength: 20}
              mode: {type: string, enum: [Fast, Slow, Medium], default: Slow}
              kind: {type: string}
              count: {type: integer, minimum: 0, maximum: 10}
              ratio: {type: number}
              port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
              items: {type: array, maxItems: 3, items: {type: string}}
              labels: {type: object, additionalProperties: {type: string}}
              note: {type: string}
              extra: {type: string}
              added:
                type: object
                properties:
                  inner: {type: string}
                required: [inner]
            required: [name]
        """;
    assertThat(check(crd(was), crd(now))).isEmpty();

    ObjectNode withMore = crd(now);
    ObjectNode version = (ObjectNode) withMore.path("spec").path("versions").get(0);
    version.putArray("additionalPrinterColumns").addObject().put("name", "Mode")
        .put("type", "string").put("jsonPath", ".spec.mode");
    ObjectNode next = version.deepCopy().put("name", "v1beta1").put("storage", false);
    ((ArrayNode) withMore.path("spec").path("versions")).add(next);
    assertThat(check(crd(was), withMore)).as("a printer column and a new version").isEmpty();
  }

  @Test
  void aCrdIsCompatibleWithItself() {
    ObjectNode crd = crd(spec("name: {type: string, enum: [a], pattern: \"^a$\", maxLength: 1}"));
    assertThat(check(crd, crd.deepCopy())).isEmpty();
  }

  @Test
  void removedProperty() {
    assertFound(
        spec("""
            stream:
              type: object
              properties:
                shards: {type: integer}
                name: {type: string}
            """),
        spec("""
            stream:
              type: object
              properties:
                name: {type: string}
            """))
        .containsExactly(tuple(".spec.stream.shards", Rule.REMOVED_PROPERTY));
  }

  @Test
  void removedMapValues() {
    assertFound(
        spec("tags: {type: object, additionalProperties: {type: string}}"),
        spec("tags: {type: object}"))
        .containsExactly(tuple(".spec.tags.*", Rule.REMOVED_PROPERTY));
  }

  @Test
  void removedPropertyOfListElements() {
    assertFound(
        spec("subs: {type: array, items: {type: object, properties: {a: {type: string}, b: {type: string}}}}"),
        spec("subs: {type: array, items: {type: object, properties: {a: {type: string}}}}"))
        .containsExactly(tuple(".spec.subs[*].b", Rule.REMOVED_PROPERTY));
  }

  @Test
  void narrowedType() {
    assertFound(spec("a: {type: string}"), spec("a: {type: integer}"))
        .containsExactly(tuple(".spec.a", Rule.NARROWED_TYPE));
    assertFound(spec("a: {type: number}"), spec("a: {type: integer}"))
        .containsExactly(tuple(".spec.a", Rule.NARROWED_TYPE));
    assertFound(spec("a: {type: array, items: {type: string}}"), spec("a: {type: array, items: {type: boolean}}"))
        .containsExactly(tuple(".spec.a[*]", Rule.NARROWED_TYPE));
    assertFound(spec("m: {type: object, additionalProperties: {type: number}}"),
        spec("m: {type: object, additionalProperties: {type: integer}}"))
        .containsExactly(tuple(".spec.m.*", Rule.NARROWED_TYPE));
  }

  @Test
  void narrowedIntOrString() {
    List<Incompatibility> found = check(
        crd(spec("port: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}")),
        crd(spec("port: {type: integer}")));
    assertThat(found).extracting(Incompatibility::path, Incompatibility::rule)
        .containsExactly(tuple(".spec.port", Rule.NARROWED_TYPE));
    assertThat(found.get(0).detail()).isEqualTo("int-or-string -> integer");
  }

  @Test
  void droppedPreserveUnknownFields() {
    assertFound(spec("config: {x-kubernetes-preserve-unknown-fields: true}"),
        spec("config: {type: object, properties: {a: {type: string}}}"))
        .as("any value -> an object")
        .containsExactly(tuple(".spec.config", Rule.NARROWED_TYPE));
    assertFound(spec("config: {type: object, x-kubernetes-preserve-unknown-fields: true}"),
        spec("config: {type: object, properties: {a: {type: string}}}"))
        .as("an object keeping unknown fields -> one pruning them")
        .containsExactly(tuple(".spec.config", Rule.NARROWED_TYPE));
  }

  @Test
  void newlyRequired() {
    assertFound(
        spec("a: {type: string}\nb: {type: string}", "a"),
        spec("a: {type: string}\nb: {type: string}", "a", "b"))
        .as("an existing optional field")
        .containsExactly(tuple(".spec.b", Rule.NEWLY_REQUIRED));
    assertFound(
        spec("a: {type: string}"),
        spec("a: {type: string}\nc: {type: string}", "c"))
        .as("a new field, required where its parent existed")
        .containsExactly(tuple(".spec.c", Rule.NEWLY_REQUIRED));
  }

  @Test
  void removedVersion() {
    ObjectNode was = crd(spec("a: {type: string}"));
    ObjectNode renamed = crd(spec("a: {type: string}"));
    ((ObjectNode) renamed.path("spec").path("versions").get(0)).put("name", "v1beta1");
    assertThat(check(was, renamed)).extracting(Incompatibility::version, Incompatibility::path, Incompatibility::rule)
        .containsExactly(tuple("v1alpha1", ".", Rule.REMOVED_VERSION));

    ObjectNode unserved = crd(spec("a: {type: string}"));
    ((ObjectNode) unserved.path("spec").path("versions").get(0)).put("served", false);
    assertThat(check(was, unserved)).extracting(Incompatibility::rule).containsExactly(Rule.REMOVED_VERSION);
  }

  @Test
  void removedEnumValue() {
    List<Incompatibility> found = check(
        crd(spec("mode: {type: string, enum: [Fast, Slow, Medium]}")),
        crd(spec("mode: {type: string, enum: [Fast]}")));
    assertThat(found).extracting(Incompatibility::path, Incompatibility::rule)
        .containsExactly(tuple(".spec.mode", Rule.REMOVED_ENUM_VALUE));
    assertThat(found.get(0).detail()).isEqualTo("no longer allowed: \"Slow\", \"Medium\"");
    assertFound(spec("n: {type: number, enum: [1, 2]}"), spec("n: {type: number, enum: [1.0, 2.0]}"))
        .as("2 and 2.0 are the same number").isEmpty();
  }

  @Test
  void enumAddedToAFieldThatHadNone() {
    assertFound(spec("mode: {type: string}"), spec("mode: {type: string, enum: [Fast, Slow]}"))
        .containsExactly(tuple(".spec.mode", Rule.ADDED_ENUM));
  }

  @Test
  void narrowedRange() {
    assertNarrowed("{type: integer, minimum: 1}", "{type: integer, minimum: 2}", "minimum raised: 1 -> 2");
    assertNarrowed("{type: integer}", "{type: integer, minimum: 0}", "minimum added: 0");
    assertNarrowed("{type: number, minimum: 0}", "{type: number, minimum: 0, exclusiveMinimum: true}",
        "minimum became exclusive: 0");
    assertNarrowed("{type: integer, maximum: 10.0}", "{type: integer, maximum: 9}", "maximum lowered: 10 -> 9");
    assertNarrowed("{type: number, maximum: 1}", "{type: number, maximum: 1, exclusiveMaximum: true}",
        "maximum became exclusive: 1");
    assertNarrowed("{type: string, maxLength: 10}", "{type: string, maxLength: 8}", "maxLength lowered: 10 -> 8");
    assertNarrowed("{type: string}", "{type: string, maxLength: 8}", "maxLength added: 8");
    assertNarrowed("{type: string, minLength: 1}", "{type: string, minLength: 2}", "minLength raised: 1 -> 2");
    assertNarrowed("{type: array, items: {type: string}, maxItems: 3}", "{type: array, items: {type: string}, maxItems: 2}",
        "maxItems lowered: 3 -> 2");
    assertNarrowed("{type: array, items: {type: string}}", "{type: array, items: {type: string}, minItems: 1}",
        "minItems added: 1");
    assertNarrowed("{type: object, additionalProperties: {type: string}, maxProperties: 8}",
        "{type: object, additionalProperties: {type: string}, maxProperties: 4}", "maxProperties lowered: 8 -> 4");
  }

  @Test
  void changedPattern() {
    List<Incompatibility> changed = check(crd(spec("n: {type: string, pattern: \"^[a-z]+$\"}")),
        crd(spec("n: {type: string, pattern: \"^[a-z0-9]+$\"}")));
    assertThat(changed).extracting(Incompatibility::path, Incompatibility::rule)
        .containsExactly(tuple(".spec.n", Rule.CHANGED_PATTERN));
    assertThat(changed.get(0).detail()).contains("possibly narrowing");
    assertFound(spec("n: {type: string}"), spec("n: {type: string, pattern: \"^a\"}"))
        .containsExactly(tuple(".spec.n", Rule.CHANGED_PATTERN));
  }

  @Test
  void aKeywordTheCheckDoesNotJudgeIsReportedWhenItChanges() {
    assertFound(spec("n: {type: string}"),
        spec("n: {type: string, x-kubernetes-validations: [{rule: \"self.size() > 1\"}]}"))
        .containsExactly(tuple(".spec.n", Rule.UNCHECKED_KEYWORD));
    assertFound(spec("t: {type: string}"), spec("t: {type: string, format: date-time}"))
        .containsExactly(tuple(".spec.t", Rule.UNCHECKED_KEYWORD));
  }

  @Test
  void removedCrdAndChangedIdentity() {
    ObjectNode crd = crd(spec("a: {type: string}"));
    assertThat(CrdCompatibility.compare(Map.<String, JsonNode>of("things.example.dev", crd), Map.of()))
        .extracting(Incompatibility::crd, Incompatibility::rule)
        .containsExactly(tuple("things.example.dev", Rule.REMOVED_CRD));

    ObjectNode clusterScoped = crd.deepCopy();
    ((ObjectNode) clusterScoped.path("spec")).put("scope", "Cluster");
    assertThat(check(crd, clusterScoped)).extracting(Incompatibility::path, Incompatibility::rule, Incompatibility::detail)
        .containsExactly(tuple(".", Rule.CHANGED_IDENTITY, "spec.scope changed: \"Namespaced\" -> \"Cluster\""));
  }

  @Test
  void reportsKeyByCrdVersionPathAndRule() {
    Incompatibility found = check(crd(spec("a: {type: string}\nb: {type: string}")), crd(spec("a: {type: string}")))
        .get(0);
    assertThat(found.key()).isEqualTo("things.example.dev v1alpha1 .spec.b removed-property");
    assertThat(found.toString()).startsWith(found.key() + ": the field is gone");
  }

  @Test
  void acceptedChangesAcceptExactlyTheirKeyAndGoStale() {
    List<Incompatibility> found = check(
        crd(spec("a: {type: string}\nb: {type: string, maxLength: 5}")),
        crd(spec("b: {type: string, maxLength: 4}")));
    CrdAcceptedChanges accepted = CrdAcceptedChanges.parse(List.of(
        "# comment",
        "things.example.dev v1alpha1 .spec.a removed-property",
        "  reason: never read by the operator",
        "",
        "things.example.dev v1alpha1 .spec.c removed-property",
        "  reason: an old entry"));
    assertThat(accepted.errors()).isEmpty();
    Verdict verdict = accepted.judge(found);
    assertThat(verdict.refused()).extracting(Incompatibility::key)
        .containsExactly("things.example.dev v1alpha1 .spec.b narrowed-range");
    assertThat(verdict.stale()).extracting(CrdAcceptedChanges.Entry::line, CrdAcceptedChanges.Entry::key)
        .containsExactly(tuple(5, "things.example.dev v1alpha1 .spec.c removed-property"));
    assertThat(verdict.passes()).isFalse();

    Verdict all = CrdAcceptedChanges.parse(List.of(
        "things.example.dev v1alpha1 .spec.a removed-property", "  reason: never read",
        "things.example.dev v1alpha1 .spec.b narrowed-range", "  reason: AWS refuses more than 4"))
        .judge(found);
    assertThat(all.passes()).isTrue();
  }

  @Test
  void acceptedChangesRefuseEntriesWithoutAReasonOrOfUnknownForm() {
    CrdAcceptedChanges accepted = CrdAcceptedChanges.parse(List.of(
        "things.example.dev v1alpha1 .spec.a removed-property",
        "things.example.dev v1alpha1 .spec.b narrowed",
        "  reason: a rule that does not exist",
        "things.example.dev .spec.c removed-property",
        "  reason: no version",
        "things.example.dev v1alpha1 .spec.d removed-property",
        "  reason:",
        "things.example.dev v1alpha1 .spec.e removed-property",
        "  reason: once",
        "things.example.dev v1alpha1 .spec.e removed-property",
        "  reason: twice",
        "things.example.dev v1alpha1 .spec.f removed-property"));
    assertThat(accepted.errors()).containsExactly(
        "line 1: no reason line after things.example.dev v1alpha1 .spec.a removed-property",
        "line 2: unknown rule narrowed",
        "line 4: expected <crd> <version> <path> <rule>, got: things.example.dev .spec.c removed-property",
        "line 7: empty reason for things.example.dev v1alpha1 .spec.d removed-property",
        "line 10: things.example.dev v1alpha1 .spec.e removed-property is listed twice",
        "line 12: no reason line after things.example.dev v1alpha1 .spec.f removed-property");
  }

  // ---

  private static void assertNarrowed(String was, String now, String detail) {
    List<Incompatibility> found = check(crd(spec("f: " + was)), crd(spec("f: " + now)));
    assertThat(found).as("%s -> %s", was, now)
        .extracting(Incompatibility::path, Incompatibility::rule, Incompatibility::detail)
        .containsExactly(tuple(".spec.f", Rule.NARROWED_RANGE, detail));
  }

  /** The (path, rule) of each change found between two schemas. */
  private static AbstractListAssert<?, List<? extends Tuple>, Tuple, ObjectAssert<Tuple>> assertFound(
      String was, String now) {
    return assertThat(check(crd(was), crd(now))).extracting(Incompatibility::path, Incompatibility::rule);
  }

  private static List<Incompatibility> check(JsonNode was, JsonNode now) {
    return CrdCompatibility.compare(was, now);
  }

  /** An openAPIV3Schema with {@code .spec} holding the given properties (YAML, one level deep). */
  private static String spec(String properties, String... required) {
    StringBuilder yaml = new StringBuilder("type: object\nproperties:\n  spec:\n    type: object\n    properties:\n");
    properties.lines().forEach(line -> yaml.append("      ").append(line).append('\n'));
    if (required.length > 0) {
      yaml.append("    required: [").append(String.join(", ", required)).append("]\n");
    }
    return yaml.toString();
  }

  /** A CRD things.example.dev with one served and stored version v1alpha1 of the given schema. */
  private static ObjectNode crd(String schema) {
    ObjectNode crd = (ObjectNode) CrdCompatibility.parse("""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: things.example.dev}
        spec:
          group: example.dev
          names: {kind: Thing, plural: things, singular: thing}
          scope: Namespaced
          versions:
          - name: v1alpha1
            served: true
            storage: true
            schema: {}
        """);
    ((ObjectNode) crd.path("spec").path("versions").get(0).path("schema"))
        .set("openAPIV3Schema", CrdCompatibility.parse(schema));
    return crd;
  }
}
