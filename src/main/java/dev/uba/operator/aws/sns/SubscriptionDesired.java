package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.Desired;
import java.util.Locale;
import java.util.Map;

/** One subscription of a topic: a protocol and an endpoint. SNS subscriptions carry no tags. */
public record SubscriptionDesired(String topicArn, String protocol, String endpoint) implements Desired {

  /** protocol:endpoint, how status.resources names a subscription. */
  @Override
  public String name() {
    return protocol + ":" + endpoint;
  }

  @Override
  public Map<String, String> tags() {
    return Map.of();
  }

  /** Whether a subscription SNS lists is this one (SNS does not distinguish protocols by case). */
  public boolean matches(String otherProtocol, String otherEndpoint) {
    return protocol.toLowerCase(Locale.ROOT).equals(otherProtocol == null ? null : otherProtocol.toLowerCase(Locale.ROOT))
        && endpoint.equals(otherEndpoint);
  }
}
