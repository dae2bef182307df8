package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus.SubscriptionStatus;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.aws.sns.SubscriptionActual;
import dev.uba.operator.aws.sns.SubscriptionDesired;
import dev.uba.operator.aws.sns.SubscriptionList;
import dev.uba.operator.aws.sns.SubscriptionSet;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.StatusDerivation;
import dev.uba.operator.engine.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a pass over a topic's subscriptions (converged as one set) shows, one entry per
 * subscription: in status.subscriptions and in status.resources, each wanted one as SNS lists it
 * (pending confirmation is ready: only its endpoint's owner can confirm), a removed one still
 * pending with why it stays, and what the set's step could not do on the entries it concerns.
 */
final class SubscriptionStatuses {
  static final String KIND = "SnsSubscription";
  static final String PENDING_REMOVED = "removed from spec.notification.subscriptions, but SNS cannot unsubscribe a "
      + "subscription that is pending confirmation; SNS deletes it when it stays unconfirmed for 3 days";

  private SubscriptionStatuses() {}

  /** Records the forward pass of the set in status.subscriptions; the entries for status.resources. */
  static NodeResult record(AnomalyAlertStatus status, SubscriptionSet set, Step<SubscriptionList> step) {
    List<SubscriptionStatus> shown = new ArrayList<>();
    List<ResourceStatus> entries = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    Outcome outcome = step.outcome();
    String problem = outcome.isReady() ? null : StatusDerivation.absentIfEmpty(outcome.message());
    Optional<SubscriptionList> listed = step.actual();
    for (SubscriptionDesired want : set.wanted()) {
      Optional<SubscriptionActual> have = listed.flatMap(l -> l.find(want));
      if (have.isPresent()) {
        SubscriptionActual s = have.get();
        shown.add(new SubscriptionStatus(want.protocol(), want.endpoint(), s.arn(), s.pending(), null));
        entries.add(new ResourceStatus(KIND, want.name(), s.arn(), s.state(), true, null));
        outcomes.add(Outcome.ready());
      } else {
        shown.add(new SubscriptionStatus(want.protocol(), want.endpoint(), null, null, problem));
        entries.add(new ResourceStatus(KIND, want.name(), null, null, false, problem));
        outcomes.add(outcome);
      }
    }
    for (SubscriptionActual s : listed.map(SubscriptionList::listed).orElse(List.of())) {
      if (set.wants(s)) {
        continue;
      }
      if (s.pending()) {
        shown.add(new SubscriptionStatus(s.protocol(), s.endpoint(), null, true, PENDING_REMOVED));
        entries.add(new ResourceStatus(KIND, s.name(), null, s.state(), true, PENDING_REMOVED));
        outcomes.add(Outcome.ready());
      } else {
        // still listed: the unsubscribe failed or SNS does not show it yet
        shown.add(new SubscriptionStatus(s.protocol(), s.endpoint(), s.arn(), false, problem));
        entries.add(new ResourceStatus(KIND, s.name(), s.arn(), s.state(), outcome.isReady(), problem));
        outcomes.add(outcome);
      }
    }
    if (!outcome.isReady() && !outcomes.contains(outcome)) {
      // not about one subscription (the listing failed): the set's own entry says what went wrong
      entries.add(new ResourceStatus(KIND, set.name(), null, null, false, problem));
      outcomes.add(outcome);
    }
    status.setSubscriptions(shown);
    return new NodeResult(entries, outcomes, outcomes.stream().allMatch(Outcome::isReady), false);
  }

  /**
   * A deletion pass of the set: finished once nothing of ours that SNS can unsubscribe is left. A
   * subscription pending confirmation cannot be unsubscribed and does not hold the deletion up: SNS
   * deletes it with a managed topic; on an existing topic an Event says it stays until it expires.
   */
  static NodeResult removed(SubscriptionSet left, Step<SubscriptionList> step, EventSink events) {
    if (!left.managedTopic()) {
      step.actual().map(SubscriptionList::listed).orElse(List.of()).stream().filter(SubscriptionActual::pending)
          .forEach(s -> events.normal("Released", "SnsSubscription " + s.name() + " of " + left.name()
              + " is pending confirmation and cannot be unsubscribed; SNS deletes it when it stays unconfirmed "
              + "for 3 days"));
    }
    if (step.outcome().isReady()) {
      return NodeResult.nothing();
    }
    return new NodeResult(List.of(new ResourceStatus(KIND, left.name(), null, null, false,
        StatusDerivation.absentIfEmpty(step.outcome().message()))), List.of(step.outcome()), false, false);
  }
}
