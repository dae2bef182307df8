package dev.uba.operator.aws.opensearch.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.aws.opensearch.dataplane.DataPlane.SeqNo;
import org.junit.jupiter.api.Test;

class IsmPolicyDriftTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/analytics";
  private static final IsmPolicyDesired DESIRED = IsmPolicyDesired.retention("uba-events", 30, DOMAIN);

  /** The policy as ISM returns it: the operator's body plus ISM's own fields and defaults. */
  private static ObjectNode asReturned() {
    ObjectNode policy = (ObjectNode) DESIRED.body().path("policy").deepCopy();
    policy.put("policy_id", "uba-events-retention").put("last_updated_time", 1764547200000L)
        .put("schema_version", 21).putNull("error_notification");
    for (JsonNode state : policy.path("states")) {
      for (JsonNode action : state.path("actions")) {
        ((ObjectNode) action).putObject("retry").put("count", 3).put("backoff", "exponential").put("delay", "1m");
      }
    }
    ObjectNode template = (ObjectNode) policy.path("ism_template").path(0);
    template.put("last_updated_time", 1764547200000L);
    template.set("index_patterns", JSON.createArrayNode().add("uba-events").add("uba-events-*"));
    return policy;
  }

  private static IsmPolicyActual actual(JsonNode policy) {
    return IsmPolicyActual.from("uba-events-retention", policy, new SeqNo(4, 1), DESIRED.id());
  }

  @Test
  void theBodyIsTheContractsRetentionPolicy() {
    JsonNode policy = DESIRED.body().path("policy");
    assertThat(DESIRED.name()).isEqualTo("uba-events-retention");
    assertThat(policy.path("default_state").asText()).isEqualTo("hot");
    assertThat(policy.at("/states/0/transitions/0").toString())
        .isEqualTo("{\"state_name\":\"delete\",\"conditions\":{\"min_index_age\":\"30d\"}}");
    assertThat(policy.at("/states/1/name").asText()).isEqualTo("delete");
    assertThat(policy.at("/states/1/actions").toString()).isEqualTo("[{\"delete\":{}}]");
    assertThat(policy.at("/ism_template/0").toString())
        .isEqualTo("{\"index_patterns\":[\"uba-events-*\",\"uba-events\"],\"priority\":100}");
    assertThat(DESIRED.id()).isEqualTo(DOMAIN + "/_plugins/_ism/policies/uba-events-retention");
  }

  @Test
  void noDriftDespiteWhatIsmAdds() {
    IsmPolicyActual actual = actual(asReturned());
    assertThat(IsmPolicyDrift.of(DESIRED, actual).described()).isEmpty();
    assertThat(actual.version()).isEqualTo(new SeqNo(4, 1));
  }

  @Test
  void anIsmTemplateReturnedAsASingleObjectIsTheSame() {
    ObjectNode policy = asReturned();
    policy.set("ism_template", policy.path("ism_template").path(0));
    assertThat(IsmPolicyDrift.of(DESIRED, actual(policy)).described()).isEmpty();
  }

  @Test
  void aChangedRetentionDrifts() {
    ObjectNode policy = asReturned();
    ((ObjectNode) policy.at("/states/0/transitions/0/conditions")).put("min_index_age", "7d");
    assertThat(IsmPolicyDrift.of(DESIRED, actual(policy)).described()).singleElement().asString()
        .startsWith("states").contains("min_index_age=7d").contains("min_index_age=30d");
  }

  @Test
  void aChangedActionDefaultStateOrTemplateDrifts() {
    ObjectNode policy = asReturned();
    ((ObjectNode) policy.at("/states/1/actions/0")).remove("delete");
    ((ObjectNode) policy.at("/states/1/actions/0")).putObject("read_only");
    policy.put("default_state", "delete");
    ((ObjectNode) policy.at("/ism_template/0")).put("priority", 1);
    policy.put("description", "changed by hand");
    assertThat(IsmPolicyDrift.of(DESIRED, actual(policy)).byField())
        .containsOnlyKeys("description", "default state", "states", "ism template");
  }

  @Test
  void aRetryAnOperatorDidNotSetIsNoDrift() {
    ObjectNode policy = asReturned();
    ((ObjectNode) policy.at("/states/1/actions/0/retry")).put("count", 0);
    ((ObjectNode) policy.at("/states/1/actions/0")).put("timeout", "1h");
    assertThat(IsmPolicyDrift.of(DESIRED, actual(policy)).described()).isEmpty();
  }
}
