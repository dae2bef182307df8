package dev.uba.operator.aws.sns;

import java.util.List;
import java.util.Optional;

/**
 * The subscriptions of a {@link SubscriptionSet} that ListSubscriptionsByTopic reports, in SNS's
 * order; empty when the topic does not exist.
 */
public record SubscriptionList(String topicArn, List<SubscriptionActual> listed) {

  public SubscriptionList {
    listed = List.copyOf(listed);
  }

  /** The listed subscription that is the wanted one; a confirmed one wins over a pending duplicate. */
  public Optional<SubscriptionActual> find(SubscriptionDesired wanted) {
    return listed.stream()
        .filter(s -> wanted.matches(s.protocol(), s.endpoint()))
        .min((a, b) -> Boolean.compare(a.pending(), b.pending()));
  }
}
