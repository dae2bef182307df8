package dev.uba.operator.aws.opensearch.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.net.ConnectException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DataPlaneErrorsTest {
  private static final String ACTION = "PUT _index_template/uba-events on https://search-x.es.amazonaws.com";

  @Test
  void notReachedIsRetriedAsAwsUnavailable() {
    Outcome outcome = DataPlaneErrors.outcomeOf(ACTION, 0,
        DataPlaneErrors.describe(new IOException(new ConnectException("Connection refused"))));
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(outcome.reason()).isEqualTo(Reasons.AWS_UNAVAILABLE);
    assertThat(outcome.message()).isEqualTo(ACTION + " could not reach OpenSearch: java.net.ConnectException: "
        + "Connection refused");
  }

  @Test
  void notSentForWantOfCredentialsIsRetriedAsAwsUnavailable() {
    Outcome outcome = DataPlaneErrors.outcomeOf(ACTION, DataPlaneErrors.NOT_SENT,
        "Unable to load credentials from any of the providers in the chain");
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(outcome.reason()).isEqualTo(Reasons.AWS_UNAVAILABLE);
    assertThat(outcome.message()).isEqualTo(ACTION + " was not sent: Unable to load credentials from any of the "
        + "providers in the chain");
  }

  @Test
  void byStatus() {
    assertThat(DataPlaneErrors.outcomeOf(ACTION, 403, "x").reason()).isEqualTo(Reasons.ACCESS_DENIED);
    assertThat(DataPlaneErrors.outcomeOf(ACTION, 401, "x").isDegraded()).isTrue();
    assertThat(DataPlaneErrors.outcomeOf(ACTION, 429, "x").reason()).isEqualTo(Reasons.THROTTLED);
    assertThat(DataPlaneErrors.outcomeOf(ACTION, 503, "x").kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(DataPlaneErrors.outcomeOf(ACTION, 503, "x").reason()).isEqualTo(Reasons.AWS_UNAVAILABLE);
    assertThat(DataPlaneErrors.outcomeOf(ACTION, 400, "x").reason()).isEqualTo(Reasons.AWS_VALIDATION_ERROR);
    assertThat(DataPlaneErrors.outcomeOf(ACTION, 400, "x").isDegraded()).isTrue();
    Outcome conflict = DataPlaneErrors.outcomeOf(ACTION, 409, "version_conflict_engine_exception: stale");
    assertThat(conflict.kind()).isEqualTo(Outcome.Kind.PROGRESSING);
    assertThat(conflict.message()).contains("409").contains("stale").contains("next pass");
  }

  @Test
  void aRefusedTemplateCarriesOpenSearchsWords() {
    String body = """
        {"error":{"root_cause":[{"type":"illegal_argument_exception","reason":"index template [uba-events] has \
        index patterns [uba-events-*] matching patterns from existing templates [other] with patterns (other => \
        [uba-*]) that have the same priority [100]"}],"type":"illegal_argument_exception","reason":"index \
        template [uba-events] has index patterns [uba-events-*] matching patterns from existing templates [other] \
        with patterns (other => [uba-*]) that have the same priority [100]"},"status":400}""";
    Outcome outcome = DataPlaneErrors.outcomeOf(ACTION, 400, DataPlaneErrors.describe(body));
    assertThat(outcome.message()).startsWith(ACTION + " failed: OpenSearch answered 400: illegal_argument_exception: "
        + "index template [uba-events] has index patterns").endsWith("the same priority [100]");
  }

  @Test
  void describesTheCauseWhereItSaysMore() {
    String body = "{\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"Failed to parse mapping [_doc]\","
        + "\"caused_by\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"No handler for type [nope] declared "
        + "on field [x]\"}},\"status\":400}";
    assertThat(DataPlaneErrors.describe(body)).isEqualTo("mapper_parsing_exception: Failed to parse mapping [_doc] "
        + "(caused by mapper_parsing_exception: No handler for type [nope] declared on field [x])");
  }

  @Test
  void describesAwsRefusalsAndAnythingElse() {
    assertThat(DataPlaneErrors.describe("{\"Message\":\"User: arn:aws:sts::1:assumed-role/r/s is not authorized "
        + "to perform: es:ESHttpPut\"}")).isEqualTo("User: arn:aws:sts::1:assumed-role/r/s is not authorized to "
        + "perform: es:ESHttpPut");
    assertThat(DataPlaneErrors.describe("<html>\n<body>502 Bad Gateway</body>")).isEqualTo("<html>");
    assertThat(DataPlaneErrors.describe("")).isEmpty();
    assertThat(DataPlaneErrors.describe("x".repeat(900))).hasSize(503);
  }
}
