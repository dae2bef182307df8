package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The _bulk request body and the reading of its answer (no server). */
class OpenSearchBulkClientTest {

  private static final URI NODE = URI.create("http://127.0.0.1:9200");

  @Test
  void oneIndexActionAndOneDocumentLinePerDocument() {
    byte[] body = OpenSearchBulkClient.body(List.of(
        new OpenSearchBulkClient.Document("uba-events-2026-01-01", "shardId-0.1", "{\"a\":1}".getBytes()),
        new OpenSearchBulkClient.Document("uba-events", null, "{\"b\":2}".getBytes())));

    assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo(
        "{\"index\":{\"_index\":\"uba-events-2026-01-01\",\"_id\":\"shardId-0.1\"}}\n{\"a\":1}\n"
            + "{\"index\":{\"_index\":\"uba-events\"}}\n{\"b\":2}\n");
  }

  @Test
  void itemsAreReadInOrderWithTheirErrors() {
    OpenSearchBulkClient.Outcome o = OpenSearchBulkClient.parse("{\"took\":3,\"errors\":true,\"items\":["
        + "{\"index\":{\"_index\":\"i\",\"status\":201}},"
        + "{\"index\":{\"_index\":\"i\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\"}}},"
        + "{\"index\":{\"_index\":\"i\",\"status\":429,\"error\":{\"type\":\"es_rejected_execution_exception\"}}}]}",
        3, 200, NODE);

    assertThat(o.answered()).isTrue();
    assertThat(o.items()).extracting(OpenSearchBulkClient.Item::ok).containsExactly(true, false, false);
    assertThat(o.items()).extracting(OpenSearchBulkClient.Item::retryable).containsExactly(false, false, true);
    assertThat(o.items().get(1).error().path("type").asText()).isEqualTo("mapper_parsing_exception");
  }

  @Test
  void anAnswerWithoutOneItemPerDocumentIsAFailure() {
    assertThat(OpenSearchBulkClient.parse("{\"items\":[]}", 2, 200, NODE).answered()).isFalse();
    assertThat(OpenSearchBulkClient.parse("not json", 1, 200, NODE).answered()).isFalse();
  }

  @Test
  void documentsAreSentOnOneLine() {
    assertThat(new String(OpenSearchDelivery.oneLine("{\n  \"a\": 1\n}".getBytes()), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":1}");
    assertThat(new String(OpenSearchDelivery.oneLine("not\njson".getBytes()), StandardCharsets.UTF_8))
        .isEqualTo("not json");
  }
}
