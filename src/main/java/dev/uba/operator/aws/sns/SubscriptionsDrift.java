package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.Difference;
import dev.uba.operator.engine.Drift;

/**
 * Differences between the subscriptions a set wants and those SNS lists (pure): one "subscribe"
 * per wanted subscription not listed (neither confirmed nor pending: subscribing again would mail
 * its owner again), one "unsubscribe" per confirmed subscription of the set that is not wanted. A
 * pending one that is not wanted is no difference: SNS cannot unsubscribe it (it lists it without
 * an ARN) and deletes it when it stays unconfirmed for three days.
 */
public final class SubscriptionsDrift {
  /** A difference "subscribe protocol:endpoint"; its desired value is the {@link SubscriptionDesired}. */
  public static final String SUBSCRIBE = "subscribe ";
  /** A difference "unsubscribe protocol:endpoint"; its actual value is the {@link SubscriptionActual}. */
  public static final String UNSUBSCRIBE = "unsubscribe ";

  private SubscriptionsDrift() {}

  public static Drift of(SubscriptionSet desired, SubscriptionList actual) {
    Drift.Builder drift = Drift.builder();
    for (SubscriptionDesired wanted : desired.wanted()) {
      if (actual.find(wanted).isEmpty()) {
        drift.add(Difference.named(SUBSCRIBE + wanted.name(), wanted, null));
      }
    }
    for (SubscriptionActual listed : actual.listed()) {
      if (!listed.pending() && desired.holds(listed) && !desired.wants(listed)) {
        drift.add(Difference.named(UNSUBSCRIBE + listed.name(), null, listed));
      }
    }
    return drift.build();
  }
}
