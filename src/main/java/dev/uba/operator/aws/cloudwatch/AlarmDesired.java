package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.engine.Desired;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CloudWatch metric alarm as the spec asks for it: on one metric (CloudWatch's single-metric form)
 * or on metric queries (metric math, such as an anomaly-detection band), with a static threshold or
 * the band of one query as its threshold. {@link CloudWatchAlarm} turns it into the PutMetricAlarm
 * request. Values are CloudWatch's own words (statistic Sum, comparison GreaterThanThreshold,
 * treatMissingData notBreaching).
 *
 * @param arn known in advance: arn:PARTITION:cloudwatch:REGION:ACCOUNT:alarm:NAME
 * @param metric the single-metric form; null when {@code queries} are given
 * @param queries metric math; empty in the single-metric form
 * @param threshold a static threshold; null when {@code thresholdMetricId} names the band
 * @param thresholdMetricId the query whose band is the threshold; null with a static threshold
 * @param tags applied by CloudWatch only when it creates the alarm; changed with TagResource after
 */
public record AlarmDesired(
    String name, String arn, String description, MetricStat metric, List<Query> queries, Double threshold,
    String thresholdMetricId, String comparison, int evaluationPeriods, int datapointsToAlarm,
    String treatMissingData, Actions actions, Map<String, String> tags) implements Desired {

  public AlarmDesired {
    queries = queries == null ? List.of() : List.copyOf(queries);
  }

  /** What observing and deleting an alarm needs: its name. */
  public static AlarmDesired toDelete(String name) {
    return new AlarmDesired(name, null, null, null, List.of(), null, null, null, 0, 0, null, Actions.NONE, Map.of());
  }

  /** A metric: its namespace, name and dimensions. */
  public record Metric(String namespace, String name, Map<String, String> dimensions) {
    public Metric {
      // sorted, so that requests list them in one order (CloudWatch does not keep it)
      dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }
  }

  /** A metric with the statistic taken over each period. */
  public record MetricStat(Metric metric, String statistic, int periodSeconds) {}

  /**
   * One metric query: a metric with its statistic, or an expression over other queries' ids.
   *
   * @param stat null for an expression
   * @param expression null for a metric
   * @param label how the console names the line; null for CloudWatch's own
   */
  public record Query(String id, MetricStat stat, String expression, String label, boolean returnData) {}

  /** The actions (SNS topic ARNs) notified when the alarm enters each state. */
  public record Actions(List<String> alarm, List<String> ok, List<String> insufficientData) {
    public static final Actions NONE = new Actions(List.of(), List.of(), List.of());

    public Actions {
      alarm = List.copyOf(alarm);
      ok = List.copyOf(ok);
      insufficientData = List.copyOf(insufficientData);
    }
  }
}
