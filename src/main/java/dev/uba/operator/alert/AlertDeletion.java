package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.aws.cloudwatch.AlarmDesired;
import dev.uba.operator.aws.events.RuleDesired;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.logs.MetricFilterDesired;
import dev.uba.operator.aws.sns.SubscriptionActual;
import dev.uba.operator.aws.sns.SubscriptionDesired;
import dev.uba.operator.aws.sns.TopicActual;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes an alert's resources in reverse dependency order: the rule (its targets first), the alarm,
 * the subscriptions, the topic (only a managed one), the metric filter, the log group (only an owned
 * one); each only once AWS no longer returns the one before. Names come from status where recorded,
 * since those are the resources that were created. A subscription pending confirmation has no ARN
 * and cannot be unsubscribed: it does not hold the deletion up (SNS deletes it with a managed topic,
 * or when it expires).
 */
final class AlertDeletion {
  private final AlertResources resources;
  private final String ownerId;
  private final EventSink events;

  AlertDeletion(AlertResources resources, String ownerId, EventSink events) {
    this.resources = resources;
    this.ownerId = ownerId;
    this.events = events;
  }

  /**
   * What an alert has in AWS, as far as deletion needs to know.
   *
   * @param rule null when the alert has no rule
   * @param subscriptions protocol/endpoint keys this alert subscribed (only these go on an existing topic)
   * @param filterLogGroup null when the alert has no metric filter
   * @param ownedLogGroup null unless the alert created its log group
   */
  record Targets(String rule, String alarm, String topicArn, boolean topicManaged, Set<String> subscriptions,
      String filter, String filterLogGroup, String ownedLogGroup) {

    static Targets of(AnomalyAlert alert, AlertNames names, AlertLocation where) {
      AnomalyAlertSpec spec = alert.getSpec();
      AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
      var notification = spec.getNotification();
      boolean existing = AlertNames.notBlank(notification.getTopicArn());
      String rule = status.getEventRule() != null ? status.getEventRule().getName()
          : Boolean.TRUE.equals(spec.getStateChangeEvents()) ? names.rule() : null;
      String alarm = status.getAlarm() != null && status.getAlarm().getName() != null ? status.getAlarm().getName()
          : names.alarm();
      String topicArn = status.getTopic() != null && status.getTopic().getArn() != null ? status.getTopic().getArn()
          : existing ? notification.getTopicArn() : where.topicArn(names.topic());
      boolean managed = status.getTopic() != null && status.getTopic().getManaged() != null
          ? status.getTopic().getManaged() : !existing;
      Set<String> subscriptions = status.getSubscriptions() == null ? Set.of() : status.getSubscriptions().stream()
          .map(s -> AlertConvergence.key(s.getProtocol(), s.getEndpoint())).collect(Collectors.toSet());
      var logs = spec.getLogMetricFilter();
      String filter = status.getMetricFilter() != null ? status.getMetricFilter().getName()
          : logs != null ? names.metricFilter() : null;
      String filterGroup = status.getMetricFilter() != null ? status.getMetricFilter().getLogGroupName()
          : logs != null ? logs.getLogGroupName() : null;
      String ownedGroup = status.getLogGroup() != null
          ? (Boolean.TRUE.equals(status.getLogGroup().getManaged()) ? status.getLogGroup().getName() : null)
          : logs != null && !Boolean.FALSE.equals(logs.getCreateLogGroup()) ? logs.getLogGroupName() : null;
      return new Targets(rule, alarm, topicArn, managed, subscriptions, filter, filterGroup, ownedGroup);
    }
  }

  /** Empty when everything is gone; otherwise the outcome of the resource still being deleted. */
  List<Outcome> run(Targets targets, AnomalyAlertStatus status) {
    List<Step<?>> steps = new ArrayList<>();
    boolean done = (targets.rule() == null || deleted(resources.rule(), rule(targets.rule()), steps))
        && deleted(resources.alarm(), alarm(targets.alarm()), steps)
        && subscriptionsDeleted(targets, steps)
        && (!targets.topicManaged() || deleted(resources.topic(), topic(targets.topicArn()), steps))
        && (targets.filter() == null
            || deleted(resources.metricFilter(), metricFilter(targets.filterLogGroup(), targets.filter()), steps))
        && (targets.ownedLogGroup() == null || deleted(resources.logGroup(), logGroup(targets.ownedLogGroup()), steps));
    if (done) {
      return List.of();
    }
    Step<?> current = steps.get(steps.size() - 1);
    List<ResourceStatus> remaining = new ArrayList<>();
    remaining.add(current.status());
    status.getResources().stream()
        .filter(r -> steps.stream().noneMatch(s -> s.status().getKind().equals(r.getKind())))
        .forEach(remaining::add);
    status.setResources(remaining);
    return List.of(current.outcome());
  }

  private boolean subscriptionsDeleted(Targets targets, List<Step<?>> steps) {
    for (SubscriptionActual have : resources.subscriptions().list(targets.topicArn())) {
      String key = AlertConvergence.key(have.protocol(), have.endpoint());
      if (!targets.topicManaged() && !targets.subscriptions().contains(key)) {
        continue;
      }
      if (have.pending()) {
        if (!targets.topicManaged()) {
          events.normal("Released", "SnsSubscription " + have.protocol() + ":" + have.endpoint() + " of "
              + TopicActual.nameOf(targets.topicArn()) + " is pending confirmation and cannot be unsubscribed; "
              + "SNS deletes it when it stays unconfirmed for 3 days");
        }
        continue;
      }
      if (!deleted(resources.subscriptions(),
          new SubscriptionDesired(targets.topicArn(), have.protocol(), have.endpoint()), steps)) {
        return false;
      }
    }
    return true;
  }

  private <D extends Desired, A> boolean deleted(AwsResource<D, A> resource, D desired, List<Step<?>> steps) {
    Step<A> step = Converger.delete(resource, desired, ownerId, events);
    steps.add(step);
    return step.gone();
  }

  // What observe and delete need to find each resource: its identity, nothing to converge.

  static RuleDesired rule(String name) {
    return new RuleDesired(name, null, null, null, null, null, Map.of());
  }

  static AlarmDesired alarm(String name) {
    return AlarmDesired.toDelete(name);
  }

  static TopicDesired topic(String arn) {
    return TopicDesired.toDelete(arn);
  }

  static MetricFilterDesired metricFilter(String logGroupName, String name) {
    return new MetricFilterDesired(logGroupName, name, null, null, null, null);
  }

  static LogGroupDesired logGroup(String name) {
    return LogGroupDesired.toDelete(name);
  }
}
