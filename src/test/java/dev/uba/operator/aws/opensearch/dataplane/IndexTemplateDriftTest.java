package dev.uba.operator.aws.opensearch.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class IndexTemplateDriftTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/analytics";
  private static final IndexTemplateDesired DESIRED = IndexTemplateDesired.forIndex("uba-events", 1, 1, DOMAIN);

  /** What OpenSearch 2.x answers for the template the operator put: settings as strings, under index. */
  private static final String AS_RETURNED = """
      {"index_patterns":["uba-events","uba-events-*"],"priority":100,"composed_of":[],
       "template":{"settings":{"index":{"number_of_shards":"1","number_of_replicas":"1"}},
        "mappings":{"dynamic":"true","properties":{
          "event_id":{"type":"keyword"},"event_type":{"type":"keyword"},"user_id":{"type":"keyword"},
          "session_id":{"type":"keyword"},"item_id":{"type":"keyword"},
          "timestamp":{"type":"date","format":"strict_date_optional_time||epoch_millis"},
          "page":{"type":"keyword"},"referrer":{"type":"keyword"},
          "user_agent":{"type":"text","fields":{"keyword":{"type":"keyword","ignore_above":256}}},
          "ip":{"type":"ip"},"properties":{"type":"object"},"added_by_someone":{"type":"long"}}}}}
      """;

  private static IndexTemplateActual actual(String json) throws Exception {
    return IndexTemplateActual.from("uba-events", JSON.readTree(json), DESIRED.id());
  }

  private static ObjectNode returned() throws Exception {
    return (ObjectNode) JSON.readTree(AS_RETURNED);
  }

  @Test
  void theBodyIsTheContractsTemplate() {
    JsonNode body = DESIRED.body();
    assertThat(body.path("index_patterns").toString()).isEqualTo("[\"uba-events-*\",\"uba-events\"]");
    assertThat(body.path("priority").asInt()).isEqualTo(100);
    assertThat(body.at("/template/settings/index/number_of_shards").asInt()).isEqualTo(1);
    assertThat(body.at("/template/settings/index/number_of_replicas").asInt()).isEqualTo(1);
    JsonNode mappings = body.at("/template/mappings");
    assertThat(mappings.path("dynamic").asBoolean()).isTrue();
    for (String keyword : new String[] {"event_id", "event_type", "user_id", "session_id", "item_id", "page",
        "referrer"}) {
      assertThat(mappings.at("/properties/" + keyword + "/type").asText()).as(keyword).isEqualTo("keyword");
    }
    assertThat(mappings.at("/properties/timestamp").toString())
        .isEqualTo("{\"type\":\"date\",\"format\":\"strict_date_optional_time||epoch_millis\"}");
    assertThat(mappings.at("/properties/user_agent").toString())
        .isEqualTo("{\"type\":\"text\",\"fields\":{\"keyword\":{\"type\":\"keyword\"}}}");
    assertThat(mappings.at("/properties/ip/type").asText()).isEqualTo("ip");
    assertThat(mappings.at("/properties/properties/type").asText()).isEqualTo("object");
    assertThat(DESIRED.id()).isEqualTo(DOMAIN + "/_index_template/uba-events");
    assertThat(IndexTemplateDesired.forIndex("x", 1, 0, null).id()).isNull();
  }

  @Test
  void noDriftDespiteWhatOpenSearchAddsAndHowItFormatsValues() throws Exception {
    assertThat(IndexTemplateDrift.of(DESIRED, actual(AS_RETURNED)).described()).isEmpty();
  }

  @Test
  void settingsInAnyOfTheirFormsAndAMappingUnderDocAreTheSame() throws Exception {
    ObjectNode dotted = returned();
    ObjectNode template = (ObjectNode) dotted.path("template");
    template.set("settings", JSON.readTree("{\"index.number_of_shards\":1,\"number_of_replicas\":\"1\"}"));
    ObjectNode wrapped = JSON.createObjectNode();
    wrapped.set("_doc", template.path("mappings"));
    template.set("mappings", wrapped);
    assertThat(IndexTemplateDrift.of(DESIRED, actual(dotted.toString())).described()).isEmpty();
  }

  @Test
  void anObjectFieldReturnedWithoutItsTypeIsNoDrift() throws Exception {
    ObjectNode json = returned();
    ((ObjectNode) json.at("/template/mappings/properties")).set("properties",
        JSON.readTree("{\"properties\":{\"color\":{\"type\":\"keyword\"}}}"));
    assertThat(IndexTemplateDrift.of(DESIRED, actual(json.toString())).described()).isEmpty();
  }

  @Test
  void shardsReplicasPriorityAndPatternsDrift() throws Exception {
    ObjectNode json = returned();
    json.put("priority", 5);
    json.set("index_patterns", JSON.readTree("[\"uba-events-*\"]"));
    ((ObjectNode) json.at("/template/settings/index")).put("number_of_shards", "3").remove("number_of_replicas");
    assertThat(IndexTemplateDrift.of(DESIRED, actual(json.toString())).described()).containsExactly(
        "index patterns [uba-events-*] -> [uba-events-*, uba-events]", "priority 5 -> 100", "shards 3 -> 1",
        "replicas null -> 1");
  }

  @Test
  void aChangedOrMissingMappedFieldDrifts() throws Exception {
    ObjectNode json = returned();
    ObjectNode properties = (ObjectNode) json.at("/template/mappings/properties");
    properties.set("user_id", JSON.readTree("{\"type\":\"text\"}"));
    properties.remove("ip");
    ((ObjectNode) properties.path("timestamp")).put("format", "epoch_millis");
    ((ObjectNode) json.at("/template/mappings")).put("dynamic", "strict");
    assertThat(IndexTemplateDrift.of(DESIRED, actual(json.toString())).byField()).containsOnlyKeys(
        "mapping dynamic", "mapping user_id", "mapping timestamp", "mapping ip");
    assertThat(IndexTemplateDrift.of(DESIRED, actual(json.toString())).byField().get("mapping user_id"))
        .hasToString("mapping user_id {\"type\":\"text\"} -> {\"type\":\"keyword\"}");
  }

  @Test
  void aTemplateWithoutMappingsDriftsInEveryField() throws Exception {
    IndexTemplateActual bare = actual("{\"index_patterns\":\"uba-events-*\",\"template\":{}}");
    assertThat(bare.indexPatterns()).containsExactly("uba-events-*");
    assertThat(IndexTemplateDrift.of(DESIRED, bare).byField()).containsKeys("priority", "shards", "replicas",
        "mapping dynamic", "mapping user_id", "mapping properties");
  }
}
