package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.aws.shared.BatchedDescribe;
import dev.uba.operator.aws.shared.TagIndex;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/**
 * A CloudWatch metric alarm (static threshold or anomaly-detection band). Reads: DescribeAlarms,
 * shared with other alarms of the region due soon ({@link BatchedDescribe}), and its tags from the
 * region's {@link TagIndex} (ListTagsForResource when the index does not hold them). PutMetricAlarm
 * creates the alarm and, on a change, replaces its whole configuration while CloudWatch keeps its
 * state; tags are changed with TagResource/UntagResource, since PutMetricAlarm applies tags only to a
 * new alarm. The AWS state word is the alarm's state
 * (OK, ALARM, INSUFFICIENT_DATA): every state is settled, so the operator may always update.
 */
public final class CloudWatchAlarm implements AwsResource<AlarmDesired, AlarmActual> {
  /** DescribeAlarms' AlarmNames: "Maximum number of 100 items". */
  public static final int NAMES_PER_DESCRIBE = 100;

  private final CloudWatchClient cloudWatch;
  private final BatchedDescribe<MetricAlarm> describes;
  private final TagIndex tagIndex;

  /** Describing one alarm at a time and reading its own tags. */
  public CloudWatchAlarm(CloudWatchClient cloudWatch) {
    this(cloudWatch, BatchedDescribe.single(describeAlarms(cloudWatch)), TagIndex.none());
  }

  public CloudWatchAlarm(CloudWatchClient cloudWatch, BatchedDescribe<MetricAlarm> describes, TagIndex tagIndex) {
    this.cloudWatch = cloudWatch;
    this.describes = describes;
    this.tagIndex = tagIndex;
  }

  /** One DescribeAlarms (all its pages) of up to {@link #NAMES_PER_DESCRIBE} metric alarms, by name. */
  public static Function<List<String>, Map<String, MetricAlarm>> describeAlarms(CloudWatchClient cloudWatch) {
    return names -> {
      Map<String, MetricAlarm> byName = new LinkedHashMap<>();
      cloudWatch.describeAlarmsPaginator(r -> r.alarmNames(names).alarmTypes(AlarmType.METRIC_ALARM)
              .maxRecords(NAMES_PER_DESCRIBE))
          .metricAlarms().forEach(a -> byName.put(a.alarmName(), a));
      return byName;
    };
  }

  @Override
  public String kind() {
    return "CloudWatchAlarm";
  }

  @Override
  public Optional<AlarmActual> observe(AlarmDesired desired) {
    Optional<MetricAlarm> alarm = describes.describe(desired.name());
    if (alarm.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> tags;
    try {
      tags = tagIndex.tagsOf(TagIndex.key(alarm.get().alarmArn()), () -> readTags(alarm.get().alarmArn()));
    } catch (ResourceNotFoundException e) {
      // deleted between the two reads
      return Optional.empty();
    }
    return Optional.of(new AlarmActual(alarm.get(), tags));
  }

  private Map<String, String> readTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    cloudWatch.listTagsForResource(r -> r.resourceARN(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
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
    // Its tags are read back, not recorded: PutMetricAlarm ignores them when the alarm exists already.
    cloudWatch.putMetricAlarm(request(desired).toBuilder().tags(toTags(desired.tags())).build());
    describes.forget(desired.name());
    return Applied.SETTLED;
  }

  @Override
  public Applied update(AlarmDesired desired, AlarmActual actual, Drift drift) {
    if (drift.hasMoreThanTags()) {
      // PutMetricAlarm replaces the whole alarm: one call whatever differs.
      cloudWatch.putMetricAlarm(request(desired));
      describes.forget(desired.name());
    }
    Ownership.syncTags(drift,
        remove -> cloudWatch.untagResource(r -> r.resourceARN(actual.arn()).tagKeys(remove)),
        set -> cloudWatch.tagResource(r -> r.resourceARN(actual.arn()).tags(toTags(set))));
    if (drift.hasTags()) {
      tagIndex.recordChanged(TagIndex.key(actual.arn()), actual.tags(), desired.tags());
    }
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(AlarmActual actual) {
    cloudWatch.deleteAlarms(r -> r.alarmNames(actual.name()));
    describes.forget(actual.name());
    tagIndex.forget(TagIndex.key(actual.arn()));
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
