package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyActual.IsmTemplate;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyActual.State;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyActual.Transition;
import dev.uba.operator.engine.Desired;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The retention policy the spec asks for ({@code spec.search.retentionDays}): the ISM policy
 * {@code <indexName>-retention}, attached by its ISM template to every new index of the delivery,
 * which moves an index from {@code hot} to {@code delete} once it is {@code retentionDays} old and
 * deletes it there.
 *
 * @param name the policy id, {@code <indexName>-retention}
 * @param indexPatterns {@code <indexName>-*} and {@code <indexName>}, as the index template's
 * @param domainArn the domain's ARN, for the id reported in status; may be null
 */
public record IsmPolicyDesired(String name, List<String> indexPatterns, int retentionDays, String domainArn)
    implements Desired {

  public static final String HOT = "hot";
  public static final String DELETE = "delete";
  public static final int TEMPLATE_PRIORITY = 100;
  private static final ObjectMapper JSON = new ObjectMapper();

  public IsmPolicyDesired {
    indexPatterns = List.copyOf(indexPatterns);
  }

  /** The retention policy of the contract for the delivery's index. */
  public static IsmPolicyDesired retention(String indexName, int retentionDays, String domainArn) {
    return new IsmPolicyDesired(indexName + "-retention", IndexTemplateDesired.patterns(indexName), retentionDays,
        domainArn);
  }

  public String description() {
    return "Deletes the indices " + String.join(", ", indexPatterns) + " once they are " + retentionDays
        + " days old (managed by uba-operator)";
  }

  /** {@code min_index_age} of the transition to delete: "30d". */
  public String minIndexAge() {
    return retentionDays + "d";
  }

  public List<State> states() {
    return List.of(
        new State(HOT, List.of(), List.of(new Transition(DELETE, Map.of("min_index_age", minIndexAge())))),
        new State(DELETE, List.of("{\"delete\":{}}"), List.of()));
  }

  public List<IsmTemplate> ismTemplates() {
    return List.of(new IsmTemplate(java.util.Set.copyOf(indexPatterns), TEMPLATE_PRIORITY));
  }

  /** The body of {@code PUT _plugins/_ism/policies/<name>}. */
  public ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ObjectNode policy = body.putObject("policy");
    policy.put("description", description());
    policy.put("default_state", HOT);
    ArrayNode states = policy.putArray("states");
    for (State state : states()) {
      ObjectNode node = states.addObject().put("name", state.name());
      ArrayNode actions = node.putArray("actions");
      state.actions().forEach(action -> actions.add(parse(action)));
      ArrayNode transitions = node.putArray("transitions");
      for (Transition transition : state.transitions()) {
        ObjectNode conditions = transitions.addObject().put("state_name", transition.stateName()).putObject("conditions");
        transition.conditions().forEach(conditions::put);
      }
    }
    ObjectNode template = policy.putArray("ism_template").addObject();
    indexPatterns.forEach(template.putArray("index_patterns")::add);
    template.put("priority", TEMPLATE_PRIORITY);
    return body;
  }

  /** How status names it (its arn): the resource IAM grants it as, under the domain; null without the domain's ARN. */
  public String id() {
    return domainArn == null ? null : domainArn + "/_plugins/_ism/policies/" + name;
  }

  /** ISM policies carry no tags: the domain they live on is what the object owns. */
  @Override
  public Map<String, String> tags() {
    return Map.of();
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
