package dev.uba.operator.aws.sns;

import java.util.Locale;

/** One subscription of a topic: a protocol and an endpoint. SNS subscriptions carry no tags. */
public record SubscriptionDesired(String topicArn, String protocol, String endpoint) {

  /** protocol:endpoint, how status.resources names a subscription. */
  public String name() {
    return protocol + ":" + endpoint;
  }

  /** Whether a subscription SNS lists is this one (SNS does not distinguish protocols by case). */
  public boolean matches(String otherProtocol, String otherEndpoint) {
    return protocol.toLowerCase(Locale.ROOT).equals(otherProtocol == null ? null : otherProtocol.toLowerCase(Locale.ROOT))
        && endpoint.equals(otherEndpoint);
  }
}
