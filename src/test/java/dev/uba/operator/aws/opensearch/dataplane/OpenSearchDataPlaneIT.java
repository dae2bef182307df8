package dev.uba.operator.aws.opensearch.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.engine.AwsFailure;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.testenv.opensearch.OpenSearchNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.mapping.Property;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The index template and the ISM policy against a real OpenSearch node (ISM's policy API emulated
 * in front of it, see OpenSearchNode), through the operator's own client: signed requests over the
 * opensearch-java AWS transport, with UBA_OPENSEARCH_ENDPOINT_URL pointing at the node.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchDataPlaneIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OWNER = "analytics/ubapipeline/clickstream";
  private static final String REGION = "us-east-1";
  private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/analytics-clickstream";
  private static final IndexTemplateDesired TEMPLATE = IndexTemplateDesired.forIndex("uba-events", 1, 1, DOMAIN);
  private static final IsmPolicyDesired RETENTION = IsmPolicyDesired.retention("uba-events", 30, DOMAIN);

  private static OpenSearchNode node;
  private static DataPlaneClients clients;
  private static IndexTemplate template;
  private static IsmPolicy policy;
  private final List<String> events = new ArrayList<>();
  private final EventSink sink = new EventSink() {
    @Override
    public void normal(String reason, String message) {
      events.add(reason + ": " + message);
    }

    @Override
    public void warning(String reason, String message) {
      events.add(reason + ": " + message);
    }
  };

  @BeforeAll
  static void start() throws IOException {
    node = OpenSearchNode.start(Duration.ofSeconds(120));
    clients = new DataPlaneClients(
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")), node.endpoint());
    DataPlane dataPlane = clients.forDomain("search-analytics-clickstream.us-east-1.es.amazonaws.com", REGION);
    template = new IndexTemplate(dataPlane);
    policy = new IsmPolicy(dataPlane);
  }

  @AfterAll
  static void stop() {
    if (clients != null) {
      clients.close();
    }
    if (node != null) {
      node.close();
    }
  }

  @BeforeEach
  void installed() {
    assertThat(Converger.converge(template, TEMPLATE, OWNER, sink).outcome()).isEqualTo(Outcome.ready());
    assertThat(Converger.converge(policy, RETENTION, OWNER, sink).outcome()).isEqualTo(Outcome.ready());
    events.clear();
    node.clearRequests();
  }

  @Test
  @Order(1)
  void installedAndThenInSyncDespiteWhatOpenSearchAdds() throws IOException {
    JsonNode stored = JSON.readTree(node.send("GET", "/_index_template/uba-events", null).body())
        .at("/index_templates/0/index_template");
    assertThat(stored.at("/template/settings/index/number_of_replicas").isTextual()).isTrue();
    JsonNode storedPolicy = JSON.readTree(node.send("GET", "/ism-emulation-policies/_doc/uba-events-retention", null)
        .body()).at("/_source/policy");
    assertThat(storedPolicy.has("policy_id")).isTrue();
    assertThat(storedPolicy.at("/states/1/actions/0/retry").isObject()).isTrue();
    node.clearRequests();

    var templateStep = Converger.converge(template, TEMPLATE, OWNER, sink);
    var policyStep = Converger.converge(policy, RETENTION, OWNER, sink);
    assertThat(templateStep.outcome()).isEqualTo(Outcome.ready());
    assertThat(policyStep.outcome()).isEqualTo(Outcome.ready());
    assertThat(templateStep.status().getState()).isEqualTo("Installed");
    assertThat(policyStep.status().getArn()).isEqualTo(DOMAIN + "/_plugins/_ism/policies/uba-events-retention");
    assertThat(events).isEmpty();
    assertThat(node.requests()).containsExactly("GET /_index_template/uba-events",
        "GET /_plugins/_ism/policies/uba-events-retention");
  }

  @Test
  @Order(2)
  void aTemplateChangedBehindTheOperatorsBackIsPutBack() throws IOException {
    String changed = TEMPLATE.body().toString()
        .replace("\"number_of_replicas\":1", "\"number_of_replicas\":0")
        .replace("\"user_id\":{\"type\":\"keyword\"}", "\"user_id\":{\"type\":\"text\"}");
    assertThat(node.send("PUT", "/_index_template/uba-events", changed).status()).isEqualTo(200);
    node.clearRequests();

    assertThat(Converger.converge(template, TEMPLATE, OWNER, sink).outcome()).isEqualTo(Outcome.ready());
    assertThat(events).singleElement().asString().startsWith("Updated: OpenSearchIndexTemplate uba-events: ")
        .contains("replicas 0 -> 1").contains("mapping user_id");
    assertThat(node.requests()).containsExactly("GET /_index_template/uba-events",
        "PUT /_index_template/uba-events", "GET /_index_template/uba-events");
    JsonNode stored = JSON.readTree(node.send("GET", "/_index_template/uba-events", null).body())
        .at("/index_templates/0/index_template/template");
    assertThat(stored.at("/settings/index/number_of_replicas").asText()).isEqualTo("1");
    assertThat(stored.at("/mappings/properties/user_id/type").asText()).isEqualTo("keyword");
  }

  @Test
  @Order(3)
  void aPolicyChangedBehindTheOperatorsBackIsPutBackAtTheVersionRead() throws IOException {
    long seqNo = changeRetentionByHand("7d");
    node.clearRequests();

    assertThat(Converger.converge(policy, RETENTION, OWNER, sink).outcome()).isEqualTo(Outcome.ready());
    assertThat(events).singleElement().asString().contains("states").contains("min_index_age=7d");
    List<String> requests = node.requests();
    assertThat(requests).hasSize(3);
    assertThat(requests.get(0)).isEqualTo("GET /_plugins/_ism/policies/uba-events-retention");
    assertThat(requests.get(1)).startsWith("PUT /_plugins/_ism/policies/uba-events-retention?")
        .contains("if_seq_no=" + seqNo).contains("if_primary_term=1");
    assertThat(requests.get(2)).isEqualTo("GET /_plugins/_ism/policies/uba-events-retention");
    assertThat(policy.observe(RETENTION).orElseThrow().states().get(0).transitions().get(0).conditions())
        .containsEntry("min_index_age", "30d");
  }

  @Test
  @Order(4)
  void aWriteAtAStaleVersionGets409AndIsReportedThenCorrectedOnTheNextPass() throws IOException {
    changeRetentionByHand("7d");
    IsmPolicyActual read = policy.observe(RETENTION).orElseThrow();
    changeRetentionByHand("9d");

    assertThatThrownBy(() -> policy.update(RETENTION, read, policy.drift(RETENTION, read)))
        .isInstanceOfSatisfying(AwsFailure.class, failure -> {
          assertThat(failure.outcome().kind()).isEqualTo(Outcome.Kind.PROGRESSING);
          assertThat(failure.outcome().reason()).isEqualTo(Reasons.UPDATING);
          assertThat(failure.outcome().message())
              .contains("OpenSearchIsmPolicy uba-events-retention was changed by someone else after the operator "
                  + "read it at " + read.version())
              .contains("409").contains("version_conflict_engine_exception");
        });
    assertThat(Converger.converge(policy, RETENTION, OWNER, sink).outcome()).isEqualTo(Outcome.ready());
  }

  @Test
  @Order(5)
  void aNewIndexGetsTheMapping() throws IOException {
    OpenSearchClient client = clients.client(DataPlaneEndpoint.of(null, node.endpoint()), REGION);
    Map<String, Object> event = Map.of("event_id", "e-1", "event_type", "page_view", "user_id", "u-42",
        "session_id", "s-7", "timestamp", "2026-12-01T10:00:00Z", "page", "/checkout",
        "user_agent", "Mozilla/5.0 (X11; Linux x86_64)", "ip", "192.0.2.10", "properties", Map.of("color", "red"));
    client.index(i -> i.index("uba-events-2026.12.01").id("e-1").document(event).refresh(Refresh.True));

    Map<String, Property> mapped = client.indices().getMapping(m -> m.index("uba-events-2026.12.01"))
        .result().get("uba-events-2026.12.01").mappings().properties();
    assertThat(mapped.get("timestamp").isDate()).isTrue();
    assertThat(mapped.get("user_id").isKeyword()).isTrue();
    assertThat(mapped.get("ip").isIp()).isTrue();
    assertThat(mapped.get("user_agent").text().fields().get("keyword").isKeyword()).isTrue();
    assertThat(mapped.get("properties").object().properties()).containsKey("color");

    var hits = client.search(s -> s.index("uba-events-*")
        .query(q -> q.term(t -> t.field("user_id").value(FieldValue.of("u-42")))), Map.class).hits();
    assertThat(hits.hits()).hasSize(1);
    assertThat(client.search(s -> s.index("uba-events-*")
        .query(q -> q.range(r -> r.field("timestamp").gte(JsonData.of("2026-12-01T00:00:00Z")))), Map.class)
        .hits().hits()).hasSize(1);
  }

  @Test
  @Order(6)
  void aTemplateOpenSearchRefusesIsDegradedWithOpenSearchsWords() throws IOException {
    assertThat(node.send("PUT", "/_index_template/someone-elses",
        "{\"index_patterns\":[\"clicks-*\"],\"priority\":100}").status()).isEqualTo(200);
    try {
      Outcome refused = Converger.converge(template, IndexTemplateDesired.forIndex("clicks", 1, 1, DOMAIN), OWNER, sink)
          .outcome();
      assertThat(refused.kind()).isEqualTo(Outcome.Kind.DEGRADED);
      assertThat(refused.reason()).isEqualTo(Reasons.AWS_VALIDATION_ERROR);
      assertThat(refused.message()).startsWith("PUT _index_template/clicks on " + node.endpoint() + " failed: "
          + "OpenSearch answered 400: illegal_argument_exception: ").contains("someone-elses").contains("priority");
    } finally {
      node.send("DELETE", "/_index_template/someone-elses", null);
    }
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void aStoppedNodeIsAwsUnavailableNotAnException() {
    node.stop();
    // the first call may still meet the connection kept alive from before ("failed to respond")
    for (int pass = 0; pass < 2; pass++) {
      Outcome outcome = Converger.converge(template, TEMPLATE, OWNER, sink).outcome();
      assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RETRYING);
      assertThat(outcome.reason()).isEqualTo(Reasons.AWS_UNAVAILABLE);
      assertThat(outcome.message()).startsWith("GET _index_template/uba-events on " + node.endpoint()
          + " could not reach OpenSearch: ");
    }
    Outcome outcome = Converger.converge(policy, RETENTION, OWNER, sink).outcome();
    assertThat(outcome.reason()).isEqualTo(Reasons.AWS_UNAVAILABLE);
    assertThat(outcome.message()).contains("Connection refused");
    assertThat(events).isEmpty();
  }

  /** A person edits the policy (through the ISM API, at its current version); the new seq_no. */
  private static long changeRetentionByHand(String minIndexAge) throws IOException {
    JsonNode read = JSON.readTree(node.send("GET", "/_plugins/_ism/policies/uba-events-retention", null).body());
    String body = "{\"policy\":" + read.path("policy").toString()
        .replace("\"min_index_age\":\"30d\"", "\"min_index_age\":\"" + minIndexAge + "\"")
        .replaceAll("\"min_index_age\":\"\\d+d\"", "\"min_index_age\":\"" + minIndexAge + "\"") + "}";
    JsonNode written = JSON.readTree(node.send("PUT", "/_plugins/_ism/policies/uba-events-retention?if_seq_no="
        + read.path("_seq_no").asLong() + "&if_primary_term=" + read.path("_primary_term").asLong(), body).body());
    return written.path("_seq_no").asLong();
  }
}
