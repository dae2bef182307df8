package dev.uba.operator.testenv.aws;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Test control of SNS subscriptions that need confirmation ({@code email}, {@code email-json},
 * {@code http}, {@code https}; behaviour in {@link SnsSubscriptions}): a test plays the endpoint
 * owner who receives the confirmation request.
 *
 * <pre>{@code
 * sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("ops@example.com"));
 * // ListSubscriptionsByTopic shows SubscriptionArn "PendingConfirmation"
 * aws.sns().confirmAll(topic);                          // or, through the API:
 * sns.confirmSubscription(b -> b.topicArn(topic).token(aws.sns().token(topic, "ops@example.com").orElseThrow()));
 * }</pre>
 *
 * <p>State is wiped by {@link LocalAws#reset()}. Thread-safe.
 */
public final class LocalSns {

  /**
   * A subscription waiting for confirmation.
   *
   * @param subscriptionArn its ARN (what Subscribe returns with {@code ReturnSubscriptionArn})
   * @param topicArn the topic
   * @param protocol {@code email}, {@code email-json}, {@code http} or {@code https}
   * @param endpoint the endpoint as given to Subscribe
   * @param token the token ConfirmSubscription accepts
   */
  public record PendingSubscription(String subscriptionArn, String topicArn, String protocol,
      String endpoint, String token) {}

  /**
   * What SNS sent to an endpoint: the confirmation request at Subscribe (every protocol that needs
   * confirmation), and each message published to the topic once the subscription is confirmed
   * ({@code http}/{@code https} only: email is not delivered anywhere).
   *
   * @param endpoint the endpoint as given to Subscribe
   * @param topicArn the topic
   * @param type {@code SubscriptionConfirmation} or {@code Notification}, as the {@code Type} of
   *     SNS's HTTP/S messages
   * @param message the message text
   * @param token the confirmation token of a {@code SubscriptionConfirmation}, else null
   */
  public record Delivery(String endpoint, String topicArn, String type, String message,
      String token) {}

  private final SnsSubscriptions subscriptions;

  LocalSns(SnsSubscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  /** All pending subscriptions. */
  public List<PendingSubscription> pending() {
    return subscriptions.pending(null);
  }

  /** The pending subscriptions of a topic. */
  public List<PendingSubscription> pending(String topicArn) {
    return subscriptions.pending(Objects.requireNonNull(topicArn));
  }

  /** Confirms every pending subscription of the topic; returns how many. */
  public int confirmAll(String topicArn) {
    return subscriptions.confirm(Objects.requireNonNull(topicArn), null);
  }

  /** Confirms the pending subscriptions of the topic to {@code endpoint}; true if there was one. */
  public boolean confirm(String topicArn, String endpoint) {
    return subscriptions.confirm(Objects.requireNonNull(topicArn),
        Objects.requireNonNull(endpoint)) > 0;
  }

  /** The confirmation token of the pending subscription of the topic to {@code endpoint}. */
  public Optional<String> token(String topicArn, String endpoint) {
    return pending(topicArn).stream().filter(p -> p.endpoint().equals(endpoint))
        .map(PendingSubscription::token).findFirst();
  }

  /** Everything sent to {@code endpoint}, oldest first. */
  public List<Delivery> deliveries(String endpoint) {
    return subscriptions.deliveries(Objects.requireNonNull(endpoint));
  }

  /** Everything sent to any endpoint, oldest first. */
  public List<Delivery> deliveries() {
    return subscriptions.deliveries(null);
  }
}
