package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * One subscription of a topic. Reads: ListSubscriptionsByTopic, once per topic and pass (an instance
 * lives for one reconcile pass; its writes invalidate what it read). Subscribe asks for the
 * subscription's ARN; a pending one is still listed as pending until its endpoint confirms it.
 * Subscriptions cannot be tagged: they belong to the object through their topic (see
 * {@link AwsResource#taggable()}). The state word is "Confirmed" or "PendingConfirmation"; both are
 * settled, since only the endpoint's owner can confirm.
 */
public final class SnsSubscription implements AwsResource<SubscriptionDesired, SubscriptionActual> {
  private final SnsClient sns;
  private final Map<String, List<SubscriptionActual>> listed = new HashMap<>();

  public SnsSubscription(SnsClient sns) {
    this.sns = sns;
  }

  @Override
  public String kind() {
    return "SnsSubscription";
  }

  @Override
  public boolean taggable() {
    return false;
  }

  /** Every subscription of the topic; empty when the topic does not exist. */
  public List<SubscriptionActual> list(String topicArn) {
    List<SubscriptionActual> cached = listed.get(topicArn);
    if (cached != null) {
      return cached;
    }
    List<SubscriptionActual> all = new ArrayList<>();
    try {
      for (ListSubscriptionsByTopicResponse page : sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn))) {
        page.subscriptions().forEach(s -> all.add(
            SubscriptionActual.of(topicArn, s.protocol(), s.endpoint(), s.subscriptionArn())));
      }
    } catch (NotFoundException e) {
      all.clear();
    }
    listed.put(topicArn, List.copyOf(all));
    return listed.get(topicArn);
  }

  @Override
  public Optional<SubscriptionActual> observe(SubscriptionDesired desired) {
    return list(desired.topicArn()).stream()
        .filter(s -> desired.matches(s.protocol(), s.endpoint()))
        // a confirmed one wins over a pending duplicate
        .min((a, b) -> Boolean.compare(a.pending(), b.pending()));
  }

  @Override
  public Map<String, String> tags(SubscriptionActual actual) {
    return Map.of();
  }

  @Override
  public AwsState state(SubscriptionActual actual) {
    return AwsState.stable(actual.pending() ? SubscriptionActual.PENDING : "Confirmed");
  }

  @Override
  public String arn(SubscriptionActual actual) {
    return actual.arn();
  }

  /** A subscription has nothing to change: protocol and endpoint are what identify it. */
  @Override
  public Drift drift(SubscriptionDesired desired, SubscriptionActual actual) {
    return Drift.NONE;
  }

  @Override
  public Applied create(SubscriptionDesired desired) {
    sns.subscribe(r -> r.topicArn(desired.topicArn()).protocol(desired.protocol()).endpoint(desired.endpoint())
        .returnSubscriptionArn(true));
    listed.remove(desired.topicArn());
    return Applied.SETTLED;
  }

  @Override
  public Applied update(SubscriptionDesired desired, SubscriptionActual actual, Drift drift) {
    return Applied.SETTLED;
  }

  /** Unsubscribes a confirmed subscription; a pending one has no ARN, and SNS expires it itself. */
  @Override
  public Applied delete(SubscriptionActual actual) {
    if (!actual.pending()) {
      sns.unsubscribe(r -> r.subscriptionArn(actual.arn()));
      listed.remove(actual.topicArn());
    }
    return Applied.SETTLED;
  }
}
