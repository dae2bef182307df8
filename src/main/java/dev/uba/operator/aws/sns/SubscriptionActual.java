package dev.uba.operator.aws.sns;

/**
 * A subscription as ListSubscriptionsByTopic reports it. A subscription waiting for its endpoint's
 * owner to confirm it is listed with the SubscriptionArn "PendingConfirmation" and has no ARN yet:
 * SNS cannot unsubscribe it, and deletes it when it stays unconfirmed for three days.
 *
 * @param arn null while pending
 */
public record SubscriptionActual(String topicArn, String protocol, String endpoint, String arn) {
  public static final String PENDING = "PendingConfirmation";
  public static final String CONFIRMED = "Confirmed";

  public boolean pending() {
    return arn == null;
  }

  /** Its state word: Confirmed, or PendingConfirmation until the endpoint's owner confirms it. */
  public String state() {
    return pending() ? PENDING : CONFIRMED;
  }

  /** protocol:endpoint, how status.resources names a subscription. */
  public String name() {
    return protocol + ":" + endpoint;
  }

  static SubscriptionActual of(String topicArn, String protocol, String endpoint, String listedArn) {
    boolean pending = listedArn == null || listedArn.isBlank() || PENDING.equalsIgnoreCase(listedArn)
        || "pending confirmation".equalsIgnoreCase(listedArn) || !listedArn.startsWith("arn:");
    return new SubscriptionActual(topicArn, protocol, endpoint, pending ? null : listedArn);
  }
}
