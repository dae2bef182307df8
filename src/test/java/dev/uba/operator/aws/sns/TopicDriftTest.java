package dev.uba.operator.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicDriftTest {
  private static final String ARN = "arn:aws:sns:us-east-1:123456789012:t";
  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":[\"cloudwatch.amazonaws.com\"]},\"Action\":[\"sns:Publish\"],\"Resource\":[\"" + ARN
      + "\"]}]}";
  private static final Map<String, String> TAGS = Map.of("uba.dev/owner", "ns/anomalyalert/a");
  private static final TopicDesired DESIRED = TopicDesired.managed("t", ARN, "alias/uba-alerts", POLICY, TAGS);

  private static TopicActual actual(Map<String, String> attributes, Map<String, String> tags) {
    return new TopicActual("t", ARN, attributes, tags);
  }

  @Test
  void aTopicAsCreatedHasNoDriftWhateverTheFormattingOfItsPolicy() {
    String reformatted = "{\"Statement\":[{\"Resource\":\"" + ARN + "\",\"Action\":\"sns:Publish\",\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"cloudwatch.amazonaws.com\"}}],\"Version\":\"2012-10-17\"}";
    var drift = TopicDrift.of(DESIRED, actual(Map.of("KmsMasterKeyId", "alias/uba-alerts", "Policy", reformatted), TAGS));
    assertThat(drift.described()).isEmpty();
  }

  @Test
  void aChangedKeyOrPolicyIsDriftThePolicyNamedOnly() {
    var drift = TopicDrift.of(DESIRED, actual(Map.of("KmsMasterKeyId", "", "Policy",
        POLICY.replace("cloudwatch", "events")), TAGS));
    assertThat(drift.described()).containsExactly("KMS key null -> alias/uba-alerts", "access policy");
  }

  @Test
  void tagsAreCompared() {
    var drift = TopicDrift.of(DESIRED, actual(Map.of("KmsMasterKeyId", "alias/uba-alerts", "Policy", POLICY),
        Map.of("uba.dev/owner", "ns/anomalyalert/a", "rogue", "1")));
    assertThat(drift.described()).containsExactly("tag rogue removed");
  }
}
