package dev.uba.operator.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small evaluator of one identity-based IAM policy document, as IAM's policy evaluation logic
 * describes it for a single policy: an explicit Deny wins, else an Allow that matches allows, else
 * the request is implicitly denied. A statement matches when its Action, its Resource and every
 * condition match. Supported: Action and Resource as a string or a list with the wildcards
 * {@code *} and {@code ?} (actions case-insensitive, resources case-sensitive); the condition
 * operators StringEquals, StringLike, ArnEquals and ArnLike, each key matching when any of its values
 * does and failing when the request does not carry the key. Anything else (NotAction, NotResource,
 * other operators, IfExists) is refused loudly rather than guessed. Placeholders such as
 * {@code ${AccountId}} are substituted before evaluation.
 */
final class IamPolicyEvaluator {
  enum Decision { ALLOW, IMPLICIT_DENY, EXPLICIT_DENY }

  /** One request: the action, the resource's ARN, and the condition keys AWS supplies with it. */
  record Request(String action, String resource, Map<String, String> context) {}

  private static final Set<String> OPERATORS = Set.of("StringEquals", "StringLike", "ArnEquals", "ArnLike");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private final List<Statement> statements;

  private record Statement(boolean allow, List<String> actions, List<String> resources,
      Map<String, Map<String, List<String>>> conditions) {}

  private IamPolicyEvaluator(List<Statement> statements) {
    this.statements = statements;
  }

  /** The document with every {@code ${Name}} replaced from {@code placeholders}; an unknown one fails. */
  static IamPolicyEvaluator of(JsonNode document, Map<String, String> placeholders) {
    if (!"2012-10-17".equals(document.path("Version").asText())) {
      throw new IllegalArgumentException("policy Version must be 2012-10-17");
    }
    List<Statement> statements = new ArrayList<>();
    for (JsonNode s : document.path("Statement")) {
      for (String unsupported : List.of("NotAction", "NotResource", "NotPrincipal", "Principal")) {
        if (s.has(unsupported)) {
          throw new IllegalArgumentException(unsupported + " is not supported by this evaluator");
        }
      }
      String effect = s.path("Effect").asText();
      if (!effect.equals("Allow") && !effect.equals("Deny")) {
        throw new IllegalArgumentException("Effect must be Allow or Deny, got " + effect);
      }
      Map<String, Map<String, List<String>>> conditions = new java.util.LinkedHashMap<>();
      s.path("Condition").fields().forEachRemaining(op -> {
        if (!OPERATORS.contains(op.getKey())) {
          throw new IllegalArgumentException("condition operator " + op.getKey() + " is not supported");
        }
        Map<String, List<String>> keys = new java.util.LinkedHashMap<>();
        op.getValue().fields().forEachRemaining(k -> keys.put(k.getKey(), substitute(values(k.getValue()), placeholders)));
        conditions.put(op.getKey(), keys);
      });
      statements.add(new Statement(effect.equals("Allow"), values(s.path("Action")),
          substitute(values(s.path("Resource")), placeholders), conditions));
    }
    return new IamPolicyEvaluator(statements);
  }

  Decision evaluate(Request request) {
    boolean allowed = false;
    for (Statement s : statements) {
      if (matches(s, request)) {
        if (!s.allow()) {
          return Decision.EXPLICIT_DENY;
        }
        allowed = true;
      }
    }
    return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
  }

  boolean allows(Request request) {
    return evaluate(request) == Decision.ALLOW;
  }

  private static boolean matches(Statement s, Request r) {
    return s.actions().stream().anyMatch(a -> wildcard(a, r.action(), true))
        && s.resources().stream().anyMatch(p -> wildcard(p, r.resource(), false))
        && s.conditions().entrySet().stream().allMatch(op -> op.getValue().entrySet().stream()
            .allMatch(key -> conditionHolds(op.getKey(), key.getKey(), key.getValue(), r.context())));
  }

  private static boolean conditionHolds(String operator, String key, List<String> expected, Map<String, String> context) {
    String actual = context.get(key);
    if (actual == null) {
      return false;
    }
    return expected.stream().anyMatch(value -> switch (operator) {
      case "StringEquals" -> value.equals(actual);
      case "StringLike", "ArnLike", "ArnEquals" -> wildcard(value, actual, false);
      default -> throw new IllegalStateException(operator);
    });
  }

  /** IAM's wildcards: {@code *} any run of characters, {@code ?} one character. */
  static boolean wildcard(String pattern, String text, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    return Pattern.compile(regex.toString(), flags).matcher(text).matches();
  }

  private static List<String> substitute(List<String> values, Map<String, String> placeholders) {
    return values.stream().map(v -> {
      Matcher m = PLACEHOLDER.matcher(v);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String value = placeholders.get(m.group(1));
        if (value == null) {
          throw new IllegalArgumentException("no value for the placeholder ${" + m.group(1) + "} in " + v);
        }
        m.appendReplacement(out, Matcher.quoteReplacement(value));
      }
      m.appendTail(out);
      return out.toString();
    }).toList();
  }

  private static List<String> values(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    List<String> out = new ArrayList<>();
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
