package dev.uba.operator.alert;

import dev.uba.operator.aws.cloudwatch.CloudWatchAlarm;
import dev.uba.operator.aws.events.EventRule;
import dev.uba.operator.aws.logs.LogGroup;
import dev.uba.operator.aws.logs.MetricFilter;
import dev.uba.operator.aws.sns.SnsSubscription;
import dev.uba.operator.aws.sns.SnsTopic;

/** The AWS resource types an alert is made of, bound to one region's clients for one pass. */
record AlertResources(
    LogGroup logGroup, MetricFilter metricFilter, SnsTopic topic, SnsSubscription subscriptions,
    CloudWatchAlarm alarm, EventRule rule) {}
