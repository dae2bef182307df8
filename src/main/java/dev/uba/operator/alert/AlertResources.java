package dev.uba.operator.alert;

import dev.uba.operator.aws.cloudwatch.AlarmActual;
import dev.uba.operator.aws.cloudwatch.AlarmDesired;
import dev.uba.operator.aws.events.RuleActual;
import dev.uba.operator.aws.events.RuleDesired;
import dev.uba.operator.aws.logs.LogGroupActual;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.logs.MetricFilterActual;
import dev.uba.operator.aws.logs.MetricFilterDesired;
import dev.uba.operator.aws.sns.SubscriptionList;
import dev.uba.operator.aws.sns.SubscriptionSet;
import dev.uba.operator.aws.sns.TopicActual;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.AwsResource;

/**
 * The AWS resource types an alert is made of, bound to one region, seen only through the engine's
 * contract: the real types in production, in-memory fakes in the sequencing tests.
 */
public record AlertResources(
    AwsResource<LogGroupDesired, LogGroupActual> logGroup,
    AwsResource<MetricFilterDesired, MetricFilterActual> metricFilter,
    AwsResource<TopicDesired, TopicActual> topic,
    AwsResource<SubscriptionSet, SubscriptionList> subscriptions,
    AwsResource<AlarmDesired, AlarmActual> alarm,
    AwsResource<RuleDesired, RuleActual> rule) {}
