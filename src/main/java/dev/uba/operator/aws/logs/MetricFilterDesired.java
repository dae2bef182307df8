package dev.uba.operator.aws.logs;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * A metric filter of a log group: lines matching the pattern emit metricValue to the metric.
 * Metric filters carry no tags.
 */
public record MetricFilterDesired(String logGroupName, String name, String pattern, String metricNamespace,
    String metricName, String metricValue) implements Desired {

  @Override
  public Map<String, String> tags() {
    return Map.of();
  }
}
