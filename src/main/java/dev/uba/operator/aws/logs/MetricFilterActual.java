package dev.uba.operator.aws.logs;

/** A metric filter as DescribeMetricFilters reports it (its first metric transformation). */
public record MetricFilterActual(String logGroupName, String name, String pattern, String metricNamespace,
    String metricName, String metricValue) {}
