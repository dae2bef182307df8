package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.aws.cloudwatch.AlarmDesired;
import dev.uba.operator.aws.events.RuleDesired;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.logs.MetricFilterDesired;
import dev.uba.operator.aws.sns.SubscriptionSet;
import dev.uba.operator.aws.sns.TopicActual;
import dev.uba.operator.aws.sns.TopicDesired;
import java.util.Map;
import java.util.Set;

/**
 * What an alert has in AWS, by name, as far as removing it needs to know (pure): names come from
 * status where recorded, since those are the resources that were created, else from the spec.
 *
 * @param rule the rule's name
 * @param topicManaged false for an existing topic given as topicArn: it is never deleted
 * @param subscriptions keys ({@link SubscriptionSet#key}) of the subscriptions this alert subscribed;
 *     on an existing topic only these are unsubscribed
 * @param filterLogGroup the log group of the metric filter
 * @param ownedLogGroup null unless the alert created its log group
 */
record AlertIdentities(String rule, String alarm, String topicArn, boolean topicManaged, Set<String> subscriptions,
    String filter, String filterLogGroup, String ownedLogGroup) {

  static AlertIdentities of(AnomalyAlert alert, AlertNames names, AlertLocation where) {
    AnomalyAlertSpec spec = alert.getSpec();
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    var notification = spec.getNotification();
    boolean existing = AlertNames.notBlank(notification.getTopicArn());
    String rule = status.getEventRule() != null ? status.getEventRule().getName() : names.rule();
    String alarm = status.getAlarm() != null && status.getAlarm().getName() != null ? status.getAlarm().getName()
        : names.alarm();
    String topicArn = status.getTopic() != null && status.getTopic().getArn() != null ? status.getTopic().getArn()
        : existing ? notification.getTopicArn() : where.topicArn(names.topic());
    boolean managed = status.getTopic() != null && status.getTopic().getManaged() != null
        ? status.getTopic().getManaged() : !existing;
    Set<String> subscriptions = AlertDesiredState.subscribedBefore(alert);
    var logs = spec.getLogMetricFilter();
    String filter = status.getMetricFilter() != null ? status.getMetricFilter().getName() : names.metricFilter();
    String filterGroup = status.getMetricFilter() != null ? status.getMetricFilter().getLogGroupName()
        : logs != null ? logs.getLogGroupName() : null;
    String ownedGroup = status.getLogGroup() != null
        ? (Boolean.TRUE.equals(status.getLogGroup().getManaged()) ? status.getLogGroup().getName() : null)
        : logs != null && logs.getCreateLogGroup() ? logs.getLogGroupName() : null;
    return new AlertIdentities(rule, alarm, topicArn, managed, subscriptions, filter, filterGroup, ownedGroup);
  }

  String topicName() {
    return TopicActual.nameOf(topicArn);
  }

  // What observe and delete need to find each resource: its identity, nothing to converge.

  RuleDesired ruleToDelete() {
    return new RuleDesired(rule, null, null, null, null, null, Map.of());
  }

  AlarmDesired alarmToDelete() {
    return AlarmDesired.toDelete(alarm);
  }

  /** Every subscription of ours removed: what is left of the set once the alert goes. */
  SubscriptionSet subscriptionsLeft() {
    return SubscriptionSet.leaving(topicArn, topicManaged, subscriptions);
  }

  TopicDesired topicToDelete() {
    return TopicDesired.toDelete(topicArn);
  }

  MetricFilterDesired filterToDelete() {
    return new MetricFilterDesired(filterLogGroup, filter, null, null, null, null);
  }

  LogGroupDesired logGroupToDelete() {
    return LogGroupDesired.toDelete(ownedLogGroup);
  }
}
