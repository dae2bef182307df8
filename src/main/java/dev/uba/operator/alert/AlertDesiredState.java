package dev.uba.operator.alert;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.api.v1alpha1.AlertCondition;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus.EffectiveMetric;
import dev.uba.operator.api.v1alpha1.LogMetricFilterSpec;
import dev.uba.operator.api.v1alpha1.MetricSpec;
import dev.uba.operator.api.v1alpha1.NotificationSpec;
import dev.uba.operator.aws.cloudwatch.AlarmDesired;
import dev.uba.operator.aws.events.RuleDesired;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.logs.MetricFilterDesired;
import dev.uba.operator.aws.sns.SubscriptionDesired;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.Ownership;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * Everything an alert should be in AWS, computed from the spec (pure). Defaults that depend on other
 * fields or on the referenced pipeline (metric namespace and dimensions, datapointsToAlarm, names)
 * are applied here and never written back to the spec.
 *
 * @param logGroup the log group to own; null without logMetricFilter or with createLogGroup false
 * @param metricFilter null without logMetricFilter
 * @param topic the topic to manage; null when spec.notification.topicArn names an existing one
 * @param topicArn the topic the alarm and the rule notify, managed or existing
 * @param rule null without stateChangeEvents
 * @param metric the metric the alarm watches, with its defaults applied
 */
public record AlertDesiredState(
    LogGroupDesired logGroup, MetricFilterDesired metricFilter, TopicDesired topic, String topicArn,
    List<SubscriptionDesired> subscriptions, AlarmDesired alarm, RuleDesired rule, EffectiveMetric metric) {

  public static final String KINESIS_NAMESPACE = "AWS/Kinesis";
  public static final String STREAM_DIMENSION = "StreamName";
  /** Ids of the anomaly-band alarm's metric queries. */
  static final String METRIC_ID = "m1";
  static final String BAND_ID = "ad1";
  static final String RULE_TARGET_ID = "uba-alert-topic";

  /**
   * @param pipelineStream the stream of the referenced pipeline once it is resolved; null without a
   *     pipelineRef
   */
  public static AlertDesiredState of(AnomalyAlert alert, AlertNames names, AlertLocation where, String pipelineStream) {
    AnomalyAlertSpec spec = alert.getSpec();
    Map<String, String> tags = Ownership.tags(spec.getTags(), names.ownerId());
    NotificationSpec notification = notification(spec);
    boolean existingTopic = AlertNames.notBlank(notification.getTopicArn());
    String topicArn = existingTopic ? notification.getTopicArn() : where.topicArn(names.topic());
    String alarmArn = where.alarmArn(names.alarm());
    String ruleArn = Boolean.TRUE.equals(spec.getStateChangeEvents()) ? where.ruleArn(names.rule()) : null;

    EffectiveMetric metric = effectiveMetric(spec, pipelineStream);
    AlarmDesired alarm = new AlarmDesired(names.alarm(), alarmArn,
        alarmRequest(spec, names, metric, topicArn), tags);
    TopicDesired topic = existingTopic ? null : TopicDesired.managed(names.topic(), topicArn,
        blankToNull(notification.getKmsKeyId()), TopicPolicy.document(topicArn, alarmArn, ruleArn, where.accountId()),
        tags);
    List<SubscriptionDesired> subscriptions = new ArrayList<>();
    for (NotificationSpec.Subscription s : notification.getSubscriptions() == null
        ? List.<NotificationSpec.Subscription>of() : notification.getSubscriptions()) {
      subscriptions.add(new SubscriptionDesired(topicArn, s.getProtocol(), s.getEndpoint()));
    }
    RuleDesired rule = ruleArn == null ? null : new RuleDesired(names.rule(), ruleArn, statePattern(alarmArn),
        "State changes of CloudWatch alarm " + names.alarm() + " (" + names.ownerId() + ")", RULE_TARGET_ID,
        topicArn, tags);

    LogMetricFilterSpec logs = spec.getLogMetricFilter();
    LogGroupDesired logGroup = null;
    MetricFilterDesired filter = null;
    if (logs != null) {
      if (!Boolean.FALSE.equals(logs.getCreateLogGroup())) {
        logGroup = LogGroupDesired.managed(logs.getLogGroupName(), where.logGroupArn(logs.getLogGroupName()),
            logs.getRetentionDays() == null ? 30 : logs.getRetentionDays(), tags);
      }
      filter = new MetricFilterDesired(logs.getLogGroupName(), names.metricFilter(), logs.getPattern(),
          metric.getNamespace(), metric.getName(), logs.getMetricValue() == null ? "1" : logs.getMetricValue());
    }
    return new AlertDesiredState(logGroup, filter, topic, topicArn, subscriptions, alarm, rule, metric);
  }

  /**
   * The metric namespace: the spec's, else AWS/Kinesis with a pipelineRef; null when neither (which
   * validation refuses).
   */
  public static String effectiveNamespace(AnomalyAlertSpec spec) {
    MetricSpec m = spec.getMetric();
    if (m != null && AlertNames.notBlank(m.getNamespace())) {
      return m.getNamespace();
    }
    return spec.getPipelineRef() != null ? KINESIS_NAMESPACE : null;
  }

  /** Whether the dimensions default to {StreamName: the pipeline's stream}. */
  public static boolean usesPipelineStream(AnomalyAlertSpec spec) {
    MetricSpec m = spec.getMetric();
    return spec.getPipelineRef() != null && KINESIS_NAMESPACE.equals(effectiveNamespace(spec))
        && (m == null || m.getDimensions() == null || m.getDimensions().isEmpty());
  }

  static EffectiveMetric effectiveMetric(AnomalyAlertSpec spec, String pipelineStream) {
    MetricSpec m = spec.getMetric();
    Map<String, String> dimensions = new TreeMap<>();
    if (usesPipelineStream(spec)) {
      if (pipelineStream != null) {
        dimensions.put(STREAM_DIMENSION, pipelineStream);
      }
    } else if (m.getDimensions() != null) {
      dimensions.putAll(m.getDimensions());
    }
    return new EffectiveMetric(effectiveNamespace(spec), m.getName(), new LinkedHashMap<>(dimensions));
  }

  /** The PutMetricAlarm request (without tags): the single-metric form, or metric math for a band. */
  static PutMetricAlarmRequest alarmRequest(AnomalyAlertSpec spec, AlertNames names, EffectiveMetric metric,
      String topicArn) {
    AlertCondition c = spec.getCondition();
    MetricSpec m = spec.getMetric();
    int evaluationPeriods = c.getEvaluationPeriods() == null ? 1 : c.getEvaluationPeriods();
    int period = m.getPeriodSeconds() == null ? 300 : m.getPeriodSeconds();
    String statistic = (m.getStatistic() == null ? MetricSpec.Statistic.Sum : m.getStatistic()).name();
    List<NotificationSpec.AlarmState> notifyOn = notifyOn(notification(spec));
    List<Dimension> dimensions = metric.getDimensions().entrySet().stream()
        .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();

    PutMetricAlarmRequest.Builder request = PutMetricAlarmRequest.builder()
        .alarmName(names.alarm())
        .alarmDescription("Managed by uba-operator for " + names.ownerId())
        .actionsEnabled(true)
        .alarmActions(notifyOn.contains(NotificationSpec.AlarmState.ALARM) ? List.of(topicArn) : List.of())
        .okActions(notifyOn.contains(NotificationSpec.AlarmState.OK) ? List.of(topicArn) : List.of())
        .insufficientDataActions(notifyOn.contains(NotificationSpec.AlarmState.INSUFFICIENT_DATA)
            ? List.of(topicArn) : List.of())
        .evaluationPeriods(evaluationPeriods)
        .datapointsToAlarm(c.getDatapointsToAlarm() == null ? evaluationPeriods : c.getDatapointsToAlarm())
        .treatMissingData((c.getTreatMissingData() == null ? AlertCondition.TreatMissingData.missing
            : c.getTreatMissingData()).name());
    if (c.getAnomalyBand() == null) {
      AlertCondition.Threshold t = c.getThreshold();
      return request
          .namespace(metric.getNamespace())
          .metricName(metric.getName())
          .dimensions(dimensions)
          .statistic(Statistic.fromValue(statistic))
          .period(period)
          .threshold(t.getValue())
          .comparisonOperator(ComparisonOperator.fromValue(t.getComparison().name()))
          .build();
    }
    AlertCondition.AnomalyBand band = c.getAnomalyBand();
    MetricDataQuery watched = MetricDataQuery.builder()
        .id(METRIC_ID)
        .metricStat(s -> s.metric(mm -> mm.namespace(metric.getNamespace()).metricName(metric.getName())
                .dimensions(dimensions))
            .period(period).stat(statistic))
        .returnData(true)
        .build();
    MetricDataQuery expected = MetricDataQuery.builder()
        .id(BAND_ID)
        .expression(bandExpression(band.getStandardDeviations()))
        .label(metric.getName() + " (expected band)")
        .returnData(true)
        .build();
    return request
        .metrics(watched, expected)
        .thresholdMetricId(BAND_ID)
        .comparisonOperator(comparison(band.getDirection()))
        .build();
  }

  /** ANOMALY_DETECTION_BAND(m1, N), N written without a trailing ".0". */
  static String bandExpression(Double standardDeviations) {
    double n = standardDeviations == null ? 2.0 : standardDeviations;
    return "ANOMALY_DETECTION_BAND(" + METRIC_ID + ", " + BigDecimal.valueOf(n).stripTrailingZeros().toPlainString()
        + ")";
  }

  /** The contract's mapping: Below, Above, Both (the default). */
  static ComparisonOperator comparison(AlertCondition.AnomalyBand.Direction direction) {
    if (direction == null) {
      return ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD;
    }
    return switch (direction) {
      case Below -> ComparisonOperator.LESS_THAN_LOWER_THRESHOLD;
      case Above -> ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD;
      case Both -> ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD;
    };
  }

  /** Alarm state changes of this one alarm, as CloudWatch sends them to EventBridge. */
  static String statePattern(String alarmArn) {
    ObjectNode pattern = JsonNodeFactory.instance.objectNode();
    pattern.putArray("source").add("aws.cloudwatch");
    pattern.putArray("detail-type").add("CloudWatch Alarm State Change");
    pattern.putArray("resources").add(alarmArn);
    return pattern.toString();
  }

  static NotificationSpec notification(AnomalyAlertSpec spec) {
    return spec.getNotification() == null ? new NotificationSpec() : spec.getNotification();
  }

  static List<NotificationSpec.AlarmState> notifyOn(NotificationSpec notification) {
    return notification.getNotifyOn() == null || notification.getNotifyOn().isEmpty()
        ? List.of(NotificationSpec.AlarmState.ALARM) : notification.getNotifyOn();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
