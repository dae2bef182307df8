package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Difference;
import dev.uba.operator.engine.Drift;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * A topic's subscriptions as one resource, converged as a set (see {@link SubscriptionSet}). Reads:
 * ListSubscriptionsByTopic, once per observe, so once per pass in steady state. Subscribe asks for
 * the subscription's ARN; a subscription waiting for its endpoint's owner to confirm it is listed as
 * pending and counts as subscribed. Subscriptions cannot be tagged: they belong to the object
 * through their topic (see {@link AwsResource#taggable()}).
 *
 * <p>A topic always has a list of subscriptions (empty when the topic does not exist), so the set is
 * never absent and {@link #create} is not reached through the converger. The object's subscriptions
 * are removed by converging to {@link SubscriptionSet#leaving}: the converger's delete waits for a
 * resource to disappear, which a subscription list never does.
 */
public final class SnsSubscriptions implements AwsResource<SubscriptionSet, SubscriptionList> {
  private final SnsClient sns;

  public SnsSubscriptions(SnsClient sns) {
    this.sns = sns;
  }

  @Override
  public String kind() {
    return "SnsSubscriptions";
  }

  @Override
  public boolean taggable() {
    return false;
  }

  /** The subscriptions of the topic that belong to the set; none when the topic does not exist. */
  @Override
  public Optional<SubscriptionList> observe(SubscriptionSet desired) {
    List<SubscriptionActual> held = new ArrayList<>();
    try {
      for (ListSubscriptionsByTopicResponse page
          : sns.listSubscriptionsByTopicPaginator(r -> r.topicArn(desired.topicArn()))) {
        page.subscriptions().stream()
            .map(s -> SubscriptionActual.of(desired.topicArn(), s.protocol(), s.endpoint(), s.subscriptionArn()))
            .filter(desired::holds)
            .forEach(held::add);
      }
    } catch (NotFoundException e) {
      held.clear();
    }
    return Optional.of(new SubscriptionList(desired.topicArn(), held));
  }

  @Override
  public Map<String, String> tags(SubscriptionList actual) {
    return Map.of();
  }

  /** Confirming is up to each endpoint's owner: the set itself is always settled. */
  @Override
  public AwsState state(SubscriptionList actual) {
    return AwsState.stable("Listed");
  }

  /** A set has no ARN; each confirmed subscription has its own. */
  @Override
  public String arn(SubscriptionList actual) {
    return null;
  }

  @Override
  public Drift drift(SubscriptionSet desired, SubscriptionList actual) {
    return SubscriptionsDrift.of(desired, actual);
  }

  /** Subscribes every wanted subscription. */
  @Override
  public Applied create(SubscriptionSet desired) {
    desired.wanted().forEach(this::subscribe);
    return Applied.SETTLED;
  }

  /** Subscribes and unsubscribes exactly the subscriptions the drift names. */
  @Override
  public Applied update(SubscriptionSet desired, SubscriptionList actual, Drift drift) {
    for (Difference d : drift.differences()) {
      if (d.field().startsWith(SubscriptionsDrift.SUBSCRIBE)) {
        subscribe((SubscriptionDesired) d.desired());
      } else if (d.field().startsWith(SubscriptionsDrift.UNSUBSCRIBE)) {
        unsubscribe((SubscriptionActual) d.actual());
      }
    }
    return Applied.SETTLED;
  }

  /** Unsubscribes every confirmed subscription of the set; a pending one has no ARN, and SNS expires it. */
  @Override
  public Applied delete(SubscriptionList actual) {
    actual.listed().stream().filter(s -> !s.pending()).forEach(this::unsubscribe);
    return Applied.SETTLED;
  }

  private void subscribe(SubscriptionDesired s) {
    sns.subscribe(r -> r.topicArn(s.topicArn()).protocol(s.protocol()).endpoint(s.endpoint())
        .returnSubscriptionArn(true));
  }

  private void unsubscribe(SubscriptionActual s) {
    sns.unsubscribe(r -> r.subscriptionArn(s.arn()));
  }
}
