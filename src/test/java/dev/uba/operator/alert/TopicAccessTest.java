package dev.uba.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicAccessTest {

  @Test
  void theTagGrantsTheNamespacesItListsOrEveryNamespaceWithAStar() {
    assertThat(TopicAccess.allows(Map.of(TopicAccess.ALLOW_TAG, "analytics"), "analytics")).isTrue();
    assertThat(TopicAccess.allows(Map.of(TopicAccess.ALLOW_TAG, "billing, analytics ,search"), "analytics")).isTrue();
    assertThat(TopicAccess.allows(Map.of(TopicAccess.ALLOW_TAG, "*"), "analytics")).isTrue();
    assertThat(TopicAccess.allows(Map.of(TopicAccess.ALLOW_TAG, "billing,search"), "analytics")).isFalse();
  }

  @Test
  void noTagAPrefixOrAPatternGrantsNothing() {
    assertThat(TopicAccess.allows(Map.of(), "analytics")).isFalse();
    assertThat(TopicAccess.allows(Map.of("owner", "analytics"), "analytics")).isFalse();
    assertThat(TopicAccess.allows(Map.of(TopicAccess.ALLOW_TAG, ""), "analytics")).isFalse();
    assertThat(TopicAccess.allows(Map.of(TopicAccess.ALLOW_TAG, "analytics-prod"), "analytics")).isFalse();
    assertThat(TopicAccess.allows(Map.of(TopicAccess.ALLOW_TAG, "analy*"), "analytics")).as("only * alone").isFalse();
  }

  @Test
  void theRefusalNamesTheTopicTheTagAndTheNamespace() {
    assertThat(TopicAccess.refusal("arn:aws:sns:us-east-1:123456789012:oncall", "analytics"))
        .contains("arn:aws:sns:us-east-1:123456789012:oncall", "uba.dev/allow-namespaces", "analytics", "(or *)");
  }
}
