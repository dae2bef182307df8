package dev.uba.operator.aws.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.engine.Drift;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleDriftTest {
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
    assertThat(RuleDrift.samePattern(PATTERN, reformatted)).isTrue();
    assertThat(RuleDrift.samePattern(PATTERN, PATTERN.replace("arn:a", "arn:b"))).isFalse();
  }

  @Test
  void aRuleAsCreatedHasNoDrift() {
    assertThat(RuleDrift.of(DESIRED, actual(PATTERN, "ENABLED", Map.of("uba-alert-topic", "arn:t"))).described())
        .isEmpty();
  }

  @Test
  void aDisabledRuleWrongTargetsOrAnotherPatternAreDrift() {
    assertThat(RuleDrift.of(DESIRED, actual(PATTERN, "DISABLED", Map.of("uba-alert-topic", "arn:t"))).described())
        .containsExactly("state DISABLED -> ENABLED");
    assertThat(RuleDrift.of(DESIRED, actual(PATTERN, "ENABLED", Map.of("uba-alert-topic", "arn:t", "x", "arn:x")))
        .described()).singleElement().asString().startsWith("targets");
    assertThat(RuleDrift.of(DESIRED, actual(PATTERN, "ENABLED", Map.of())).described()).singleElement().asString()
        .startsWith("targets");
    assertThat(RuleDrift.of(DESIRED, actual("{\"source\":[\"aws.ec2\"]}", "ENABLED",
        Map.of("uba-alert-topic", "arn:t"))).described()).containsExactly("event pattern");
  }

  @Test
  void aMissingTargetIsPutAndOtherTargetsAreNamedForRemoval() {
    Drift missing = RuleDrift.of(DESIRED, actual(PATTERN, "ENABLED", Map.of("other", "arn:x")));
    assertThat(missing.has(RuleDrift.TARGETS)).isTrue();
    assertThat(missing.byField().get(RuleDrift.EXTRA_TARGETS).actual()).isEqualTo(List.of("other"));

    Drift elsewhere = RuleDrift.of(DESIRED, actual(PATTERN, "ENABLED", Map.of("uba-alert-topic", "arn:old")));
    assertThat(elsewhere.described()).containsExactly("targets [arn:old] -> [arn:t]");
    assertThat(elsewhere.has(RuleDrift.EXTRA_TARGETS)).isFalse();
  }

  @Test
  void aChangedDescriptionIsNamedAndTagsAreCompared() {
    RuleActual described = new RuleActual("r", "arn:r", PATTERN, "ENABLED", "edited in the console",
        Map.of("uba-alert-topic", "arn:t"), Map.of("k", "other", "extra", "1"));
    assertThat(RuleDrift.of(DESIRED, described).described())
        .containsExactlyInAnyOrder("description", "tag k", "tag extra removed");
    RuleActual noDescription = new RuleActual("r", "arn:r", PATTERN, "ENABLED", null,
        Map.of("uba-alert-topic", "arn:t"), Map.of("k", "v"));
    assertThat(RuleDrift.of(new RuleDesired("r", "arn:r", PATTERN, "", "uba-alert-topic", "arn:t", Map.of("k", "v")),
        noDescription).isEmpty()).as("EventBridge omits an empty description").isTrue();
  }
}
