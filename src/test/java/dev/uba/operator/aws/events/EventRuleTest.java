package dev.uba.operator.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventRuleTest {
  private static final String PATTERN =
      "{\"source\":[\"aws.cloudwatch\"],\"detail-type\":[\"CloudWatch Alarm State Change\"],\"resources\":[\"arn:a\"]}";
  private static final RuleDesired DESIRED = new RuleDesired("r", "arn:r", PATTERN, "d", "uba-alert-topic", "arn:t",
      Map.of("k", "v"));

  private static RuleActual actual(String pattern, String state, Map<String, String> targets) {
    return new RuleActual("r", "arn:r", pattern, state, "d", targets, Map.of("k", "v"));
  }

  @Test
  void patternsAreComparedAsJson() {
    String reformatted = "{ \"resources\": [\"arn:a\"], \"detail-type\": [\"CloudWatch Alarm State Change\"],\n"
        + "  \"source\": [\"aws.cloudwatch\"] }";
    assertThat(EventRule.samePattern(PATTERN, reformatted)).isTrue();
    assertThat(EventRule.samePattern(PATTERN, PATTERN.replace("arn:a", "arn:b"))).isFalse();
  }

  @Test
  void aRuleAsCreatedHasNoDrift() {
    EventRule rule = new EventRule(null);
    assertThat(rule.drift(DESIRED, actual(PATTERN, "ENABLED", Map.of("uba-alert-topic", "arn:t"))).described()).isEmpty();
  }

  @Test
  void aDisabledRuleWrongTargetsOrAnotherPatternAreDrift() {
    EventRule rule = new EventRule(null);
    assertThat(rule.drift(DESIRED, actual(PATTERN, "DISABLED", Map.of("uba-alert-topic", "arn:t"))).described())
        .containsExactly("state DISABLED -> ENABLED");
    assertThat(rule.drift(DESIRED, actual(PATTERN, "ENABLED", Map.of("uba-alert-topic", "arn:t", "x", "arn:x"))).described())
        .singleElement().asString().startsWith("targets");
    assertThat(rule.drift(DESIRED, actual(PATTERN, "ENABLED", Map.of())).described()).singleElement().asString()
        .startsWith("targets");
    assertThat(rule.drift(DESIRED, actual("{\"source\":[\"aws.ec2\"]}", "ENABLED", Map.of("uba-alert-topic", "arn:t"))).described())
        .containsExactly("event pattern");
  }
}
