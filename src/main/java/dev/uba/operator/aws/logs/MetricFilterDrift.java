package dev.uba.operator.aws.logs;

import dev.uba.operator.engine.Drift;

/**
 * Differences between the metric filter the spec asks for and the one CloudWatch Logs reports
 * (pure): its pattern and its one metric transformation. Metric filters carry no tags.
 */
public final class MetricFilterDrift {
  public static final String PATTERN = "pattern";
  public static final String METRIC_NAMESPACE = "metric namespace";
  public static final String METRIC_NAME = "metric name";
  public static final String METRIC_VALUE = "metric value";

  private MetricFilterDrift() {}

  public static Drift of(MetricFilterDesired desired, MetricFilterActual actual) {
    return Drift.builder()
        .field(PATTERN, desired.pattern(), actual.pattern())
        .field(METRIC_NAMESPACE, desired.metricNamespace(), actual.metricNamespace())
        .field(METRIC_NAME, desired.metricName(), actual.metricName())
        .field(METRIC_VALUE, desired.metricValue(), actual.metricValue())
        .build();
  }
}
