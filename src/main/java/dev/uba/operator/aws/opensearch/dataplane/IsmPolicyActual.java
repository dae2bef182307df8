package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.aws.opensearch.dataplane.DataPlane.SeqNo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An ISM policy as {@code GET _plugins/_ism/policies/<id>} returns it, reduced to what the operator
 * sets: ISM adds {@code policy_id}, {@code last_updated_time}, {@code schema_version},
 * {@code error_notification}, a {@code retry} to every action and a {@code last_updated_time} to every
 * ISM template, none of which is compared.
 *
 * @param version the sequence number and primary term it was read at, for the conditional update
 * @param id the id reported as its arn, see {@link IsmPolicyDesired#id()}
 */
public record IsmPolicyActual(
    String name, String description, String defaultState, List<State> states, List<IsmTemplate> ismTemplates,
    SeqNo version, String id) {

  /** Keys ISM adds to an action: defaults the operator does not set. */
  private static final Set<String> ACTION_DEFAULTS = Set.of("retry", "timeout");

  public IsmPolicyActual {
    states = List.copyOf(states);
    ismTemplates = List.copyOf(ismTemplates);
  }

  /** Reads the {@code policy} object of the answer. */
  public static IsmPolicyActual from(String name, JsonNode policy, SeqNo version, String id) {
    List<State> states = new ArrayList<>();
    for (JsonNode state : policy.path("states")) {
      List<String> actions = new ArrayList<>();
      for (JsonNode action : state.path("actions")) {
        actions.add(action(action));
      }
      List<Transition> transitions = new ArrayList<>();
      for (JsonNode transition : state.path("transitions")) {
        Map<String, String> conditions = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = transition.path("conditions").fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> condition = it.next();
          conditions.put(condition.getKey(), condition.getValue().isValueNode()
              ? condition.getValue().asText() : canonical(condition.getValue()).toString());
        }
        transitions.add(new Transition(transition.path("state_name").asText(), conditions));
      }
      states.add(new State(state.path("name").asText(), actions, transitions));
    }
    JsonNode given = policy.path("ism_template");
    List<IsmTemplate> templates = new ArrayList<>();
    for (JsonNode template : given.isArray() ? given : given.isObject() ? List.of(given) : List.<JsonNode>of()) {
      Set<String> patterns = new LinkedHashSet<>();
      template.path("index_patterns").forEach(p -> patterns.add(p.asText()));
      templates.add(new IsmTemplate(patterns, template.path("priority").asLong(0)));
    }
    return new IsmPolicyActual(name, policy.path("description").asText(""),
        policy.path("default_state").asText(""), states, templates, version, id);
  }

  /** An action as canonical JSON text without ISM's defaults: {@code {"delete":{}}}. */
  static String action(JsonNode action) {
    ObjectNode copy = action.isObject() ? ((ObjectNode) action).deepCopy() : JsonNodeFactory.instance.objectNode();
    copy.remove(ACTION_DEFAULTS);
    return canonical(copy).toString();
  }

  /** Objects with their keys sorted and scalars as text, so that equal documents read equal. */
  static JsonNode canonical(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = JsonNodeFactory.instance.objectNode();
      toMap(node).forEach((k, v) -> sorted.set(k, canonical(v)));
      return sorted;
    }
    if (node.isArray()) {
      var array = JsonNodeFactory.instance.arrayNode();
      node.forEach(item -> array.add(canonical(item)));
      return array;
    }
    return node.isNull() ? node : JsonNodeFactory.instance.textNode(node.asText());
  }

  private static Map<String, JsonNode> toMap(JsonNode node) {
    Map<String, JsonNode> map = new TreeMap<>();
    node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue()));
    return map;
  }

  /** One state: its actions (canonical JSON, {@link #action}) and its transitions. */
  public record State(String name, List<String> actions, List<Transition> transitions) {
    public State {
      actions = List.copyOf(actions);
      transitions = List.copyOf(transitions);
    }

    @Override
    public String toString() {
      return name + " " + actions + " " + transitions;
    }
  }

  /** A transition to {@code stateName} once the conditions hold ({@code min_index_age: 30d}). */
  public record Transition(String stateName, Map<String, String> conditions) {
    public Transition {
      conditions = Map.copyOf(conditions);
    }

    @Override
    public String toString() {
      return "-> " + stateName + " " + new TreeMap<>(conditions);
    }
  }

  /** Which new indices ISM puts under the policy. */
  public record IsmTemplate(Set<String> indexPatterns, long priority) {
    public IsmTemplate {
      indexPatterns = Collections.unmodifiableSortedSet(new TreeSet<>(indexPatterns));
    }
  }
}
