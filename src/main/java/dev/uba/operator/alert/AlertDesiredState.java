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
import dev.uba.operator.aws.sns.SubscriptionSet;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.Ownership;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything an alert should be in AWS, computed from the spec (pure), as typed records of the aws
 * package. Defaults that depend on other fields or on the referenced pipeline (metric namespace and
 * dimensions, datapointsToAlarm, names) are applied here and never written back to the spec; the
 * constant ones (statistic, period, evaluationPeriods, retention, ...) are the schema's, which the
 * API server applies, and the model's field initializers carry the same values.
 *
 * @param logGroup the log group to own; null without logMetricFilter or with createLogGroup false
 * @param metricFilter null without logMetricFilter
 * @param topic the topic to manage; null when spec.notification.topicArn names an existing one
 * @param topicArn the topic the alarm and the rule notify, managed or existing
 * @param subscriptions the spec's subscriptions of that topic, with those this alert subscribed before
 * @param rule null without stateChangeEvents
 * @param metric the metric the alarm watches, with its defaults applied
 */
public record AlertDesiredState(
    LogGroupDesired logGroup, MetricFilterDesired metricFilter, TopicDesired topic, String topicArn,
    SubscriptionSet subscriptions, AlarmDesired alarm, RuleDesired rule, EffectiveMetric metric) {

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
    NotificationSpec notification = spec.getNotification();
    boolean existingTopic = AlertNames.notBlank(notification.getTopicArn());
    String topicArn = existingTopic ? notification.getTopicArn() : where.topicArn(names.topic());
    String alarmArn = where.alarmArn(names.alarm());
    String ruleArn = spec.getStateChangeEvents() ? where.ruleArn(names.rule()) : null;

    EffectiveMetric metric = effectiveMetric(spec, pipelineStream);
    AlarmDesired alarm = alarm(spec, names, metric, topicArn, alarmArn, tags);
    TopicDesired topic = existingTopic ? null : TopicDesired.managed(names.topic(), topicArn,
        blankToNull(notification.getKmsKeyId()), TopicPolicy.document(topicArn, alarmArn, ruleArn, where.accountId()),
        tags);
    List<SubscriptionDesired> wanted = new ArrayList<>();
    for (NotificationSpec.Subscription s : notification.getSubscriptions()) {
      wanted.add(new SubscriptionDesired(topicArn, s.getProtocol(), s.getEndpoint()));
    }
    SubscriptionSet subscriptions = new SubscriptionSet(topicArn, wanted, !existingTopic, subscribedBefore(alert));
    RuleDesired rule = ruleArn == null ? null : new RuleDesired(names.rule(), ruleArn, statePattern(alarmArn),
        "State changes of CloudWatch alarm " + names.alarm() + " (" + names.ownerId() + ")", RULE_TARGET_ID,
        topicArn, tags);

    LogMetricFilterSpec logs = spec.getLogMetricFilter();
    LogGroupDesired logGroup = null;
    MetricFilterDesired filter = null;
    if (logs != null) {
      if (logs.getCreateLogGroup()) {
        logGroup = LogGroupDesired.managed(logs.getLogGroupName(), where.logGroupArn(logs.getLogGroupName()),
            logs.getRetentionDays(), tags);
      }
      filter = new MetricFilterDesired(logs.getLogGroupName(), names.metricFilter(), logs.getPattern(),
          metric.getNamespace(), metric.getName(), logs.getMetricValue());
    }
    return new AlertDesiredState(logGroup, filter, topic, topicArn, subscriptions, alarm, rule, metric);
  }

  /** The subscriptions status records from earlier passes: on an existing topic only these are the alert's. */
  static Set<String> subscribedBefore(AnomalyAlert alert) {
    if (alert.getStatus() == null || alert.getStatus().getSubscriptions() == null) {
      return Set.of();
    }
    return alert.getStatus().getSubscriptions().stream()
        .map(s -> SubscriptionSet.key(s.getProtocol(), s.getEndpoint())).collect(Collectors.toSet());
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

  /**
   * The alarm: the single-metric form for a threshold, metric math for a band. The spec's own
   * defaults (statistic, period, evaluationPeriods, treatMissingData, band width and direction) come
   * from the schema; datapointsToAlarm, which defaults to another field, is computed here.
   */
  static AlarmDesired alarm(AnomalyAlertSpec spec, AlertNames names, EffectiveMetric metric, String topicArn,
      String alarmArn, Map<String, String> tags) {
    AlertCondition c = spec.getCondition();
    MetricSpec m = spec.getMetric();
    AlarmDesired.MetricStat watched = new AlarmDesired.MetricStat(
        new AlarmDesired.Metric(metric.getNamespace(), metric.getName(), metric.getDimensions()),
        m.getStatistic().name(), m.getPeriodSeconds());
    List<NotificationSpec.AlarmState> notifyOn = spec.getNotification().getNotifyOn();
    AlarmDesired.Actions actions = new AlarmDesired.Actions(
        notifyOn.contains(NotificationSpec.AlarmState.ALARM) ? List.of(topicArn) : List.of(),
        notifyOn.contains(NotificationSpec.AlarmState.OK) ? List.of(topicArn) : List.of(),
        notifyOn.contains(NotificationSpec.AlarmState.INSUFFICIENT_DATA) ? List.of(topicArn) : List.of());
    int evaluationPeriods = c.getEvaluationPeriods();
    int datapointsToAlarm = c.getDatapointsToAlarm() == null ? evaluationPeriods : c.getDatapointsToAlarm();
    String description = "Managed by uba-operator for " + names.ownerId();
    String missingData = c.getTreatMissingData().name();
    if (c.getAnomalyBand() == null) {
      AlertCondition.Threshold t = c.getThreshold();
      return new AlarmDesired(names.alarm(), alarmArn, description, watched, List.of(), t.getValue(), null,
          t.getComparison().name(), evaluationPeriods, datapointsToAlarm, missingData, actions, tags);
    }
    AlertCondition.AnomalyBand band = c.getAnomalyBand();
    List<AlarmDesired.Query> queries = List.of(
        new AlarmDesired.Query(METRIC_ID, watched, null, null, true),
        new AlarmDesired.Query(BAND_ID, null, bandExpression(band.getStandardDeviations()),
            metric.getName() + " (expected band)", true));
    return new AlarmDesired(names.alarm(), alarmArn, description, null, queries, null, BAND_ID,
        comparison(band.getDirection()), evaluationPeriods, datapointsToAlarm, missingData, actions, tags);
  }

  /** ANOMALY_DETECTION_BAND(m1, N), N written without a trailing ".0". */
  static String bandExpression(double standardDeviations) {
    return "ANOMALY_DETECTION_BAND(" + METRIC_ID + ", "
        + BigDecimal.valueOf(standardDeviations).stripTrailingZeros().toPlainString() + ")";
  }

  /** The contract's mapping of a band's direction to CloudWatch's comparison. */
  static String comparison(AlertCondition.AnomalyBand.Direction direction) {
    return switch (direction) {
      case Below -> "LessThanLowerThreshold";
      case Above -> "GreaterThanUpperThreshold";
      case Both -> "LessThanLowerOrGreaterThanUpperThreshold";
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

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
