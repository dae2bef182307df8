package dev.uba.operator.aws.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubscriptionsDriftTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:t";
  private static final SubscriptionDesired EMAIL = new SubscriptionDesired(TOPIC, "email", "a@example.com");
  private static final SubscriptionDesired QUEUE = new SubscriptionDesired(TOPIC, "sqs",
      "arn:aws:sqs:us-east-1:123456789012:q");

  private static SubscriptionActual confirmed(String protocol, String endpoint) {
    return SubscriptionActual.of(TOPIC, protocol, endpoint, TOPIC + ":" + endpoint.hashCode());
  }

  private static SubscriptionActual pending(String protocol, String endpoint) {
    return SubscriptionActual.of(TOPIC, protocol, endpoint, "PendingConfirmation");
  }

  private static List<String> drift(SubscriptionSet desired, SubscriptionActual... listed) {
    return SubscriptionsDrift.of(desired, new SubscriptionList(TOPIC, List.of(listed))).described();
  }

  @Test
  void aWantedSubscriptionListedConfirmedOrPendingIsInSync() {
    SubscriptionSet set = new SubscriptionSet(TOPIC, List.of(EMAIL, QUEUE), true, Set.of());
    assertThat(drift(set, pending("email", "a@example.com"), confirmed("sqs", QUEUE.endpoint()))).isEmpty();
    assertThat(drift(set, confirmed("EMAIL", "a@example.com"), confirmed("sqs", QUEUE.endpoint())))
        .as("SNS does not distinguish protocols by case").isEmpty();
  }

  @Test
  void aMissingSubscriptionIsSubscribedWithItsDesiredState() {
    SubscriptionSet set = new SubscriptionSet(TOPIC, List.of(EMAIL, QUEUE), true, Set.of());
    var drift = SubscriptionsDrift.of(set, new SubscriptionList(TOPIC, List.of(confirmed("sqs", QUEUE.endpoint()))));
    assertThat(drift.described()).containsExactly("subscribe email:a@example.com");
    assertThat(drift.differences().get(0).desired()).isEqualTo(EMAIL);
  }

  @Test
  void onAManagedTopicEveryOtherConfirmedSubscriptionIsUnsubscribed() {
    SubscriptionSet set = new SubscriptionSet(TOPIC, List.of(QUEUE), true, Set.of());
    SubscriptionActual sneaky = confirmed("sqs", "arn:aws:sqs:us-east-1:123456789012:sneaky");
    var drift = SubscriptionsDrift.of(set, new SubscriptionList(TOPIC, List.of(confirmed("sqs", QUEUE.endpoint()),
        sneaky, pending("email", "gone@example.com"))));
    assertThat(drift.described()).as("a pending one cannot be unsubscribed")
        .containsExactly("unsubscribe sqs:arn:aws:sqs:us-east-1:123456789012:sneaky");
    assertThat(drift.differences().get(0).actual()).isEqualTo(sneaky);
  }

  @Test
  void onAnExistingTopicOnlyOursAreUnsubscribed() {
    SubscriptionSet set = new SubscriptionSet(TOPIC, List.of(), false, Set.of("sqs " + QUEUE.endpoint()));
    assertThat(drift(set, confirmed("sqs", QUEUE.endpoint()), confirmed("sqs", "arn:aws:sqs:us-east-1:1:theirs")))
        .containsExactly("unsubscribe sqs:" + QUEUE.endpoint());
    assertThat(set.holds(confirmed("sqs", "arn:aws:sqs:us-east-1:1:theirs"))).isFalse();
  }

  @Test
  void leavingRemovesEveryConfirmedOneOfOurs() {
    SubscriptionSet leaving = SubscriptionSet.leaving(TOPIC, true, Set.of());
    assertThat(leaving.wanted()).isEmpty();
    assertThat(drift(leaving, confirmed("sqs", QUEUE.endpoint()), pending("email", "a@example.com")))
        .containsExactly("unsubscribe sqs:" + QUEUE.endpoint());
    assertThat(drift(leaving)).isEmpty();
  }
}
