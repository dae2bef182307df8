package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * A CloudWatch metric alarm (static threshold or anomaly-detection band). Reads: DescribeAlarms and
 * ListTagsForResource. PutMetricAlarm creates the alarm and, on a change, replaces its whole
 * configuration while CloudWatch keeps its state; tags are changed with TagResource/UntagResource,
 * since PutMetricAlarm applies tags only to a new alarm. The AWS state word is the alarm's state
 * (OK, ALARM, INSUFFICIENT_DATA): every state is settled, so the operator may always update.
 */
public final class CloudWatchAlarm implements AwsResource<AlarmDesired, AlarmActual> {
  private final CloudWatchClient cloudWatch;

  public CloudWatchAlarm(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  @Override
  public String kind() {
    return "CloudWatchAlarm";
  }

  @Override
  public Optional<AlarmActual> observe(AlarmDesired desired) {
    Optional<MetricAlarm> alarm = cloudWatch.describeAlarms(r -> r.alarmNames(desired.name())
            .alarmTypes(AlarmType.METRIC_ALARM)).metricAlarms().stream()
        .filter(a -> desired.name().equals(a.alarmName())).findFirst();
    if (alarm.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> tags = new LinkedHashMap<>();
    try {
      cloudWatch.listTagsForResource(r -> r.resourceARN(alarm.get().alarmArn())).tags()
          .forEach(t -> tags.put(t.key(), t.value()));
    } catch (ResourceNotFoundException e) {
      // deleted between the two reads
      return Optional.empty();
    }
    return Optional.of(new AlarmActual(alarm.get(), tags));
  }


  @Override
  public AwsState state(AlarmActual actual) {
    return AwsState.stable(actual.state());
  }


  @Override
  public Drift drift(AlarmDesired desired, AlarmActual actual) {
    return AlarmDrift.of(desired, actual);
  }

  @Override
  public Applied create(AlarmDesired desired) {
    cloudWatch.putMetricAlarm(request(desired).toBuilder().tags(toTags(desired.tags())).build());
    return Applied.SETTLED;
  }

  @Override
  public Applied update(AlarmDesired desired, AlarmActual actual, Drift drift) {
    if (drift.hasMoreThanTags()) {
      // PutMetricAlarm replaces the whole alarm: one call whatever differs.
      cloudWatch.putMetricAlarm(request(desired));
    }
    Ownership.syncTags(drift,
        remove -> cloudWatch.untagResource(r -> r.resourceARN(actual.arn()).tagKeys(remove)),
        set -> cloudWatch.tagResource(r -> r.resourceARN(actual.arn()).tags(toTags(set))));
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(AlarmActual actual) {
    cloudWatch.deleteAlarms(r -> r.alarmNames(actual.name()));
    return Applied.SETTLED;
  }

  /**
   * The PutMetricAlarm request of the desired alarm, without its tags: the single-metric form
   * (Namespace, MetricName, Dimensions, Statistic, Period at the top level) or metric queries with
   * ThresholdMetricId. Actions are always enabled: notifying is what the alarm is for.
   */
  public static PutMetricAlarmRequest request(AlarmDesired desired) {
    AlarmDesired.Actions actions = desired.actions();
    PutMetricAlarmRequest.Builder request = PutMetricAlarmRequest.builder()
        .alarmName(desired.name())
        .alarmDescription(desired.description())
        .actionsEnabled(true)
        .alarmActions(actions.alarm())
        .okActions(actions.ok())
        .insufficientDataActions(actions.insufficientData())
        .comparisonOperator(desired.comparison())
        .evaluationPeriods(desired.evaluationPeriods())
        .datapointsToAlarm(desired.datapointsToAlarm())
        .treatMissingData(desired.treatMissingData());
    if (desired.metric() != null) {
      AlarmDesired.MetricStat stat = desired.metric();
      request.namespace(stat.metric().namespace())
          .metricName(stat.metric().name())
          .dimensions(dimensions(stat.metric()))
          .statistic(stat.statistic())
          .period(stat.periodSeconds());
    }
    if (!desired.queries().isEmpty()) {
      request.metrics(desired.queries().stream().map(CloudWatchAlarm::query).toList());
    }
    return request.threshold(desired.threshold()).thresholdMetricId(desired.thresholdMetricId()).build();
  }

  private static MetricDataQuery query(AlarmDesired.Query q) {
    MetricDataQuery.Builder query = MetricDataQuery.builder().id(q.id()).returnData(q.returnData());
    if (q.stat() != null) {
      query.metricStat(s -> s.metric(m -> m.namespace(q.stat().metric().namespace())
              .metricName(q.stat().metric().name()).dimensions(dimensions(q.stat().metric())))
          .period(q.stat().periodSeconds()).stat(q.stat().statistic()));
    }
    return query.expression(q.expression()).label(q.label()).build();
  }

  private static List<Dimension> dimensions(AlarmDesired.Metric metric) {
    return metric.dimensions().entrySet().stream()
        .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static List<Tag> toTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
