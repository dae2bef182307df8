package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus.MetricFilterStatus;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus.SubscriptionStatus;
import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.NamedArn;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.api.v1alpha1.UsedResource;
import dev.uba.operator.aws.cloudwatch.AlarmActual;
import dev.uba.operator.aws.events.RuleActual;
import dev.uba.operator.aws.logs.LogGroupActual;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.logs.MetricFilterActual;
import dev.uba.operator.aws.sns.SubscriptionActual;
import dev.uba.operator.aws.sns.SubscriptionDesired;
import dev.uba.operator.aws.sns.TopicActual;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.StatusDerivation;
import dev.uba.operator.engine.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One forward pass over an alert's resources in dependency order: log group, metric filter (it needs
 * the log group), topic, subscriptions (they need the topic), alarm (its actions name the topic),
 * state-change rule (its target is the topic). Records what it sees in status and returns one
 * outcome per resource. Blocks removed from the spec are deleted (Delete) or released (Retain) here.
 */
final class AlertConvergence {
  static final String PENDING_REMOVED = "removed from spec.notification.subscriptions, but SNS cannot unsubscribe a "
      + "subscription that is pending confirmation; SNS deletes it when it stays unconfirmed for 3 days";

  private final AlertResources resources;
  private final String ownerId;
  private final EventSink events;
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<ResourceStatus> statuses = new ArrayList<>();

  AlertConvergence(AlertResources resources, String ownerId, EventSink events) {
    this.resources = resources;
    this.ownerId = ownerId;
    this.events = events;
  }

  List<Outcome> run(AlertDesiredState desired, DeletionPolicy policy, AnomalyAlertStatus status) {
    convergeLogs(desired, policy, status);
    Optional<String> topicArn = convergeTopic(desired, status);
    if (topicArn.isPresent()) {
      convergeSubscriptions(desired, status);
      Step<AlarmActual> alarm = Converger.converge(resources.alarm(), desired.alarm(), ownerId, events);
      record(alarm);
      AlertStatusUpdate.alarm(status, desired.alarm(), alarm, events);
    } else {
      waiting("CloudWatchAlarm", desired.alarm().name(), "waiting for SnsTopic " + desired.topicArn());
    }
    if (desired.rule() != null) {
      if (topicArn.isPresent()) {
        Step<RuleActual> rule = Converger.converge(resources.rule(), desired.rule(), ownerId, events);
        record(rule);
        status.setEventRule(rule.owned() ? new NamedArn(desired.rule().name(), rule.status().getArn()) : null);
      } else {
        waiting("EventRule", desired.rule().name(), "waiting for SnsTopic " + desired.topicArn());
      }
    } else if (status.getEventRule() != null) {
      removeRule(policy, status);
    }
    status.setMetric(desired.metric());
    status.setResources(statuses);
    return outcomes;
  }

  private void convergeLogs(AlertDesiredState desired, DeletionPolicy policy, AnomalyAlertStatus status) {
    if (desired.metricFilter() == null) {
      if (status.getMetricFilter() != null || status.getLogGroup() != null) {
        removeLogs(policy, status);
      }
      return;
    }
    String groupName = desired.metricFilter().logGroupName();
    if (desired.logGroup() != null) {
      Step<LogGroupActual> group = Converger.converge(resources.logGroup(), desired.logGroup(), ownerId, events);
      record(group);
      status.setLogGroup(group.owned() ? new UsedResource(groupName, group.status().getArn(), true) : null);
      if (group.actual().isEmpty() || !group.owned()) {
        waiting("MetricFilter", desired.metricFilter().name(), "waiting for LogGroup " + groupName);
        return;
      }
    } else {
      Step<LogGroupActual> existing = Converger.lookup(resources.logGroup(), LogGroupDesired.used(groupName),
          Outcome.progressing(Reasons.WAITING, "LogGroup " + groupName
              + " does not exist; with spec.logMetricFilter.createLogGroup false its owner must create it"));
      record(existing);
      if (!existing.outcome().isReady()) {
        waiting("MetricFilter", desired.metricFilter().name(), "waiting for LogGroup " + groupName);
        return;
      }
      status.setLogGroup(new UsedResource(groupName, existing.status().getArn(), false));
    }
    Step<MetricFilterActual> filter = Converger.converge(resources.metricFilter(), desired.metricFilter(), ownerId, events);
    record(filter);
    status.setMetricFilter(filter.owned() ? new MetricFilterStatus(desired.metricFilter().name(), groupName) : null);
  }

  /** spec.logMetricFilter was removed: delete the filter, then an owned log group (Delete), or let them go. */
  private void removeLogs(DeletionPolicy policy, AnomalyAlertStatus status) {
    if (policy == DeletionPolicy.Retain) {
      events.normal("Released", "spec.logMetricFilter removed with deletionPolicy Retain: "
          + describe(status.getMetricFilter(), status.getLogGroup()) + " left in place");
      status.setMetricFilter(null);
      status.setLogGroup(null);
      return;
    }
    MetricFilterStatus filter = status.getMetricFilter();
    if (filter != null) {
      Step<MetricFilterActual> step = Converger.delete(resources.metricFilter(),
          AlertDeletion.metricFilter(filter.getLogGroupName(), filter.getName()), ownerId, events);
      if (!step.gone()) {
        record(step);
        return;
      }
      status.setMetricFilter(null);
    }
    if (status.getLogGroup() != null && Boolean.TRUE.equals(status.getLogGroup().getManaged())) {
      Step<LogGroupActual> step = Converger.delete(resources.logGroup(),
          AlertDeletion.logGroup(status.getLogGroup().getName()), ownerId, events);
      if (!step.gone()) {
        record(step);
        return;
      }
    }
    // a log group the alert did not create stays as it is
    status.setLogGroup(null);
  }

  private static String describe(MetricFilterStatus filter, UsedResource group) {
    List<String> what = new ArrayList<>();
    if (filter != null) {
      what.add("MetricFilter " + filter.getName());
    }
    if (group != null && Boolean.TRUE.equals(group.getManaged())) {
      what.add("LogGroup " + group.getName());
    }
    return String.join(" and ", what);
  }

  /** The topic's ARN once the alarm may notify it: owned and existing, or the existing topic found. */
  private Optional<String> convergeTopic(AlertDesiredState desired, AnomalyAlertStatus status) {
    if (desired.topic() != null) {
      Step<TopicActual> topic = Converger.converge(resources.topic(), desired.topic(), ownerId, events);
      record(topic);
      status.setTopic(topic.owned() ? new UsedResource(desired.topic().name(), desired.topic().arn(), true) : null);
      return topic.actual().isPresent() && topic.owned() ? Optional.of(desired.topic().arn()) : Optional.empty();
    }
    String arn = desired.topicArn();
    String name = TopicActual.nameOf(arn);
    Step<TopicActual> existing = Converger.lookup(resources.topic(), TopicDesired.existing(arn),
        Outcome.progressing(Reasons.WAITING, "SnsTopic " + name
            + ": the existing topic of spec.notification.topicArn does not exist: " + arn));
    record(existing);
    if (!existing.outcome().isReady()) {
      return Optional.empty();
    }
    status.setTopic(new UsedResource(name, arn, false));
    return Optional.of(arn);
  }

  /**
   * The spec's subscriptions are subscribed; those no longer in the spec are unsubscribed: on a
   * managed topic every other one, on an existing topic only those this alert subscribed.
   */
  private void convergeSubscriptions(AlertDesiredState desired, AnomalyAlertStatus status) {
    boolean managedTopic = desired.topic() != null;
    List<SubscriptionActual> listed;
    try {
      listed = resources.subscriptions().list(desired.topicArn());
    } catch (SdkException e) {
      failed("SnsSubscription", desired.topicArn(), AwsErrors.outcomeOf("listing the subscriptions of "
          + TopicActual.nameOf(desired.topicArn()), e));
      return;
    }
    List<SubscriptionStatus> result = new ArrayList<>();
    for (SubscriptionDesired want : desired.subscriptions()) {
      Step<SubscriptionActual> step = Converger.converge(resources.subscriptions(), want, ownerId, events);
      record(step);
      result.add(new SubscriptionStatus(want.protocol(), want.endpoint(),
          step.actual().map(SubscriptionActual::arn).orElse(null),
          step.actual().map(SubscriptionActual::pending).orElse(null),
          step.outcome().isReady() ? null : StatusDerivation.absentIfEmpty(step.outcome().message())));
    }
    Set<String> ours = status.getSubscriptions() == null ? Set.of() : status.getSubscriptions().stream()
        .map(s -> key(s.getProtocol(), s.getEndpoint())).collect(Collectors.toSet());
    for (SubscriptionActual have : listed) {
      if (desired.subscriptions().stream().anyMatch(w -> w.matches(have.protocol(), have.endpoint()))
          || (!managedTopic && !ours.contains(key(have.protocol(), have.endpoint())))) {
        continue;
      }
      SubscriptionDesired gone = new SubscriptionDesired(desired.topicArn(), have.protocol(), have.endpoint());
      if (have.pending()) {
        result.add(new SubscriptionStatus(have.protocol(), have.endpoint(), null, true, PENDING_REMOVED));
        statuses.add(new ResourceStatus("SnsSubscription", gone.name(), null, "PendingConfirmation", true,
            PENDING_REMOVED));
        outcomes.add(Outcome.ready());
        continue;
      }
      Step<SubscriptionActual> step = Converger.delete(resources.subscriptions(), gone, ownerId, events);
      if (!step.gone()) {
        record(step);
        result.add(new SubscriptionStatus(have.protocol(), have.endpoint(), have.arn(), false,
            StatusDerivation.absentIfEmpty(step.outcome().message())));
      }
    }
    status.setSubscriptions(result);
  }

  static String key(String protocol, String endpoint) {
    return protocol + " " + endpoint;
  }

  /** stateChangeEvents was turned off: delete the rule (Delete) or let it go (Retain). */
  private void removeRule(DeletionPolicy policy, AnomalyAlertStatus status) {
    String name = status.getEventRule().getName();
    if (policy == DeletionPolicy.Retain) {
      events.normal("Released", "spec.stateChangeEvents turned off with deletionPolicy Retain: EventRule " + name
          + " left in place");
      status.setEventRule(null);
      return;
    }
    Step<RuleActual> step = Converger.delete(resources.rule(), AlertDeletion.rule(name), ownerId, events);
    if (!step.gone()) {
      record(step);
      return;
    }
    status.setEventRule(null);
  }

  private void waiting(String kind, String name, String why) {
    statuses.add(new ResourceStatus(kind, name, null, null, false, why));
    outcomes.add(Outcome.progressing(Reasons.WAITING, kind + " " + name + ": " + why));
  }

  private void failed(String kind, String name, Outcome outcome) {
    statuses.add(new ResourceStatus(kind, name, null, null, false, StatusDerivation.absentIfEmpty(outcome.message())));
    outcomes.add(outcome);
  }

  private void record(Step<?> step) {
    statuses.add(step.status());
    outcomes.add(step.outcome());
  }
}
