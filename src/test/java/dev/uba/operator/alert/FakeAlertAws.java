package dev.uba.operator.alert;

import dev.uba.operator.aws.cloudwatch.AlarmActual;
import dev.uba.operator.aws.cloudwatch.AlarmDesired;
import dev.uba.operator.aws.events.RuleActual;
import dev.uba.operator.aws.events.RuleDesired;
import dev.uba.operator.aws.logs.LogGroupActual;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.logs.MetricFilterActual;
import dev.uba.operator.aws.logs.MetricFilterDesired;
import dev.uba.operator.aws.sns.SubscriptionActual;
import dev.uba.operator.aws.sns.SubscriptionList;
import dev.uba.operator.aws.sns.SubscriptionSet;
import dev.uba.operator.aws.sns.SubscriptionsDrift;
import dev.uba.operator.aws.sns.TopicActual;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.fake.FakeAws;
import dev.uba.operator.engine.fake.FakeResource;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * An alert's six resource types in memory, sharing one journal ({@link FakeAws}), each building the
 * real type's actual state so that the alert's status code reads it as it reads AWS. Like AWS, they
 * settle at once on creation; the topic may be made to take its time.
 */
final class FakeAlertAws implements AlertAws {
  final FakeAws aws = new FakeAws();
  final FakeResource<LogGroupDesired, LogGroupActual> logGroup = new FakeResource<LogGroupDesired, LogGroupActual>(
      aws, "LogGroup", (name, held) -> new LogGroupActual(name, "arn:fake:LogGroup:" + name,
          held.desired().retentionDays(), held.tags()), LogGroupActual::name).settlesOnCreate();
  final FakeResource<MetricFilterDesired, MetricFilterActual> metricFilter =
      new FakeResource<MetricFilterDesired, MetricFilterActual>(aws, "MetricFilter", (name, held) ->
          new MetricFilterActual(held.desired().logGroupName(), name, held.desired().pattern(),
              held.desired().metricNamespace(), held.desired().metricName(), held.desired().metricValue()),
          MetricFilterActual::name).settlesOnCreate().untaggable();
  final FakeResource<TopicDesired, TopicActual> topic;
  final FakeResource<SubscriptionSet, SubscriptionList> subscriptions =
      new FakeResource<SubscriptionSet, SubscriptionList>(aws, "SnsSubscriptions", (name, held) ->
          new SubscriptionList(held.desired().topicArn(), held.desired().wanted().stream()
              .map(w -> new SubscriptionActual(w.topicArn(), w.protocol(), w.endpoint(), w.topicArn() + ":" + w.name()))
              .toList()), l -> TopicActual.nameOf(l.topicArn()))
          .settlesOnCreate().untaggable().drifting(SubscriptionsDrift::of);
  final FakeResource<AlarmDesired, AlarmActual> alarm = new FakeResource<AlarmDesired, AlarmActual>(
      aws, "CloudWatchAlarm", (name, held) -> new AlarmActual(MetricAlarm.builder().alarmName(name)
          .alarmArn("arn:fake:CloudWatchAlarm:" + name).stateValue("OK").stateReason("fake").build(), held.tags()),
      AlarmActual::name).settlesOnCreate();
  final FakeResource<RuleDesired, RuleActual> rule = new FakeResource<RuleDesired, RuleActual>(aws, "EventRule",
      (name, held) -> new RuleActual(name, "arn:fake:EventRule:" + name, held.desired().eventPattern(), "ENABLED",
          held.desired().description(), Map.of(), held.tags()), RuleActual::name).settlesOnCreate();

  /** @param topicSettlesAtOnce false: a created topic stays CREATING until {@link FakeAws#settleAll} */
  FakeAlertAws(boolean topicSettlesAtOnce) {
    topic = new FakeResource<>(aws, "SnsTopic", (name, held) -> new TopicActual(name, held.desired().arn(), Map.of(),
        held.tags()), TopicActual::name);
    if (topicSettlesAtOnce) {
      topic.settlesOnCreate();
    }
  }

  FakeAlertAws() {
    this(true);
  }

  @Override
  public AlertResources resources(String region) {
    return new AlertResources(logGroup, metricFilter, topic, subscriptions, alarm, rule);
  }

  @Override
  public AlertLocation locate(String region) {
    return Alerts.WHERE;
  }
}
