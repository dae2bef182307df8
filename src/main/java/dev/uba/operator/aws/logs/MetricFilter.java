package dev.uba.operator.aws.logs;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricTransformation;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A CloudWatch Logs metric filter. Reads: DescribeMetricFilters (by log group and name prefix, then
 * the exact name). PutMetricFilter creates and replaces it. Metric filters cannot be tagged and have
 * no ARN: one belongs to its object through its name, derived from the object (see
 * {@link AwsResource#taggable()}).
 */
public final class MetricFilter implements AwsResource<MetricFilterDesired, MetricFilterActual> {
  private final CloudWatchLogsClient logs;

  public MetricFilter(CloudWatchLogsClient logs) {
    this.logs = logs;
  }

  @Override
  public String kind() {
    return "MetricFilter";
  }

  @Override
  public boolean taggable() {
    return false;
  }

  /** Empty also when the log group does not exist (AWS answers ResourceNotFoundException then). */
  @Override
  public Optional<MetricFilterActual> observe(MetricFilterDesired desired) {
    try {
      return logs.describeMetricFilters(r -> r.logGroupName(desired.logGroupName()).filterNamePrefix(desired.name()))
          .metricFilters().stream()
          .filter(f -> desired.name().equals(f.filterName()))
          .findFirst()
          .map(f -> {
            MetricTransformation t = f.hasMetricTransformations() && !f.metricTransformations().isEmpty()
                ? f.metricTransformations().get(0) : MetricTransformation.builder().build();
            return new MetricFilterActual(desired.logGroupName(), f.filterName(), f.filterPattern(),
                t.metricNamespace(), t.metricName(), t.metricValue());
          });
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public Map<String, String> tags(MetricFilterActual actual) {
    return Map.of();
  }

  @Override
  public AwsState state(MetricFilterActual actual) {
    return AwsState.stable("Available");
  }

  /** Metric filters have no ARN. */
  @Override
  public String arn(MetricFilterActual actual) {
    return null;
  }

  @Override
  public Drift drift(MetricFilterDesired desired, MetricFilterActual actual) {
    return MetricFilterDrift.of(desired, actual);
  }

  @Override
  public Applied create(MetricFilterDesired desired) {
    put(desired);
    return Applied.SETTLED;
  }

  @Override
  public Applied update(MetricFilterDesired desired, MetricFilterActual actual, Drift drift) {
    // PutMetricFilter replaces the whole filter: one call whatever differs.
    put(desired);
    return Applied.SETTLED;
  }

  private void put(MetricFilterDesired desired) {
    logs.putMetricFilter(r -> r.logGroupName(desired.logGroupName()).filterName(desired.name())
        .filterPattern(desired.pattern())
        .metricTransformations(t -> t.metricNamespace(desired.metricNamespace()).metricName(desired.metricName())
            .metricValue(desired.metricValue())));
  }

  @Override
  public Applied delete(MetricFilterActual actual) {
    logs.deleteMetricFilter(r -> r.logGroupName(actual.logGroupName()).filterName(actual.name()));
    return Applied.SETTLED;
  }
}
