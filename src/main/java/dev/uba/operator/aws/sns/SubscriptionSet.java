package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.Desired;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The subscriptions an object keeps on one topic, converged as a set: every wanted one is
 * subscribed, every other one of the set is unsubscribed. Which listed subscriptions belong to the
 * set depends on whose topic it is: on a topic the object manages, all of them; on an existing
 * topic only the wanted ones and those the object subscribed earlier ({@code ours}), so that
 * someone else's subscriptions are never touched.
 *
 * @param wanted the subscriptions the spec lists
 * @param managedTopic true when the object manages the topic
 * @param ours {@link #key} of each subscription the object subscribed in an earlier pass
 */
public record SubscriptionSet(String topicArn, List<SubscriptionDesired> wanted, boolean managedTopic, Set<String> ours)
    implements Desired {

  public SubscriptionSet {
    wanted = List.copyOf(wanted);
    ours = Set.copyOf(ours);
  }

  /** What remains of the set once the object goes: nothing wanted, so every one of ours is removed. */
  public static SubscriptionSet leaving(String topicArn, boolean managedTopic, Set<String> ours) {
    return new SubscriptionSet(topicArn, List.of(), managedTopic, ours);
  }

  /** The topic's name: the set is named after its topic. */
  @Override
  public String name() {
    return TopicActual.nameOf(topicArn);
  }

  /** Subscriptions cannot be tagged. */
  @Override
  public Map<String, String> tags() {
    return Map.of();
  }

  /** Whether a listed subscription is one of the wanted ones. */
  public boolean wants(SubscriptionActual listed) {
    return wanted.stream().anyMatch(w -> w.matches(listed.protocol(), listed.endpoint()));
  }

  /** Whether a subscription SNS lists on the topic belongs to this set. */
  public boolean holds(SubscriptionActual listed) {
    return managedTopic || wants(listed) || ours.contains(key(listed.protocol(), listed.endpoint()));
  }

  /** How status remembers a subscription: "protocol endpoint". */
  public static String key(String protocol, String endpoint) {
    return protocol + " " + endpoint;
  }
}
