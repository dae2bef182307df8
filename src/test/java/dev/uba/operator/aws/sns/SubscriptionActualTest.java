package dev.uba.operator.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscriptionActualTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:t";

  @Test
  void snsListsAPendingSubscriptionWithoutAnArn() {
    for (String listed : new String[] {"PendingConfirmation", "pending confirmation", "", null}) {
      SubscriptionActual s = SubscriptionActual.of(TOPIC, "email", "a@example.com", listed);
      assertThat(s.pending()).as(String.valueOf(listed)).isTrue();
      assertThat(s.arn()).isNull();
    }
  }

  @Test
  void aConfirmedSubscriptionHasItsArn() {
    SubscriptionActual s = SubscriptionActual.of(TOPIC, "sqs", "arn:aws:sqs:us-east-1:123456789012:q", TOPIC + ":abc");
    assertThat(s.pending()).isFalse();
    assertThat(s.arn()).isEqualTo(TOPIC + ":abc");
  }

  @Test
  void aSubscriptionIsItsProtocolAndEndpoint() {
    SubscriptionDesired d = new SubscriptionDesired(TOPIC, "email", "a@example.com");
    assertThat(d.name()).isEqualTo("email:a@example.com");
    assertThat(d.matches("EMAIL", "a@example.com")).isTrue();
    assertThat(d.matches("email-json", "a@example.com")).isFalse();
    assertThat(d.matches("email", "b@example.com")).isFalse();
    assertThat(TopicActual.nameOf(TOPIC)).isEqualTo("t");
  }
}
