package dev.uba.operator.testenv.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.testenv.opensearch.NodeHttp.Answer;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The test environment's own checks: the node answers, and the emulated ISM API behaves as ISM's. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchNodeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POLICY = "{\"policy\":{\"default_state\":\"hot\",\"states\":[{\"name\":\"hot\","
      + "\"actions\":[{\"delete\":{}}],\"transitions\":[]}]}}";
  private static OpenSearchNode node;

  @BeforeAll
  static void start() throws IOException {
    node = OpenSearchNode.start(Duration.ofSeconds(120));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static NodeHttp proxy() {
    return new NodeHttp(node.endpoint());
  }

  @Test
  void aRealNodeAnswersThroughTheProxy() throws IOException {
    JsonNode root = JSON.readTree(proxy().send("GET", "/", null).body());
    assertThat(root.at("/version/distribution").asText()).isEqualTo("opensearch");
    assertThat(root.at("/version/number").asText()).isEqualTo("2.19.6");
    assertThat(node.requests()).contains("GET /");
  }

  @Test
  void ismPoliciesAreCreatedOnceAndUpdatedOnlyAtTheVersionRead() throws IOException {
    NodeHttp http = proxy();
    assertThat(http.send("GET", "/_plugins/_ism/policies/p1", null).status()).isEqualTo(404);
    Answer created = http.send("PUT", "/_plugins/_ism/policies/p1", POLICY);
    assertThat(created.status()).isEqualTo(201);
    assertThat(http.send("PUT", "/_plugins/_ism/policies/p1", POLICY).status()).isEqualTo(409);

    JsonNode read = JSON.readTree(http.send("GET", "/_plugins/_ism/policies/p1", null).body());
    assertThat(read.at("/policy/policy_id").asText()).isEqualTo("p1");
    assertThat(read.at("/policy/states/0/actions/0/retry/count").asInt()).isEqualTo(3);
    long seqNo = read.path("_seq_no").asLong();
    long term = read.path("_primary_term").asLong();

    Answer updated = http.send("PUT", "/_plugins/_ism/policies/p1?if_seq_no=" + seqNo + "&if_primary_term=" + term,
        POLICY);
    assertThat(updated.status()).isEqualTo(200);
    Answer stale = http.send("PUT", "/_plugins/_ism/policies/p1?if_seq_no=" + seqNo + "&if_primary_term=" + term,
        POLICY);
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.text()).contains("version_conflict_engine_exception");

    assertThat(http.send("DELETE", "/_plugins/_ism/policies/p1", null).status()).isEqualTo(200);
    assertThat(http.send("DELETE", "/_plugins/_ism/policies/p1", null).status()).isEqualTo(404);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void stoppedMeansNothingListens() throws IOException {
    NodeHttp http = proxy();
    assertThat(http.send("GET", "/_cluster/health", null).status()).isEqualTo(200);
    node.stop();
    assertThatThrownBy(() -> http.send("GET", "/_cluster/health", null)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> new NodeHttp(node.nodeEndpoint()).send("GET", "/_cluster/health", null))
        .isInstanceOf(IOException.class);
  }
}
