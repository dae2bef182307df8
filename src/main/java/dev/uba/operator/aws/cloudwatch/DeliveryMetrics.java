package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.Drift;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * What CloudWatch measured of a delivery in a window, in one GetMetricData call: Kinesis
 * IncomingRecords (Sum) of the stream and Firehose DeliveryTo&lt;destination&gt;.Records (Sum),
 * .Success (Average) and .DataFreshness (Maximum) of the delivery stream, each as one datapoint over
 * the whole window. Read-only: the type is read through the contract's observe and writes nothing.
 */
public final class DeliveryMetrics implements AwsResource<DeliveryMetrics.Query, DeliveryMetrics.Reading> {

  /**
   * @param name the delivery stream's name (the identity of the reading)
   * @param destinationMetric DeliveryToAmazonOpenSearchService or DeliveryToS3
   * @param end the end of the window (exclusive), whole minutes
   */
  public record Query(String name, String streamName, String destinationMetric, Duration window, Instant end)
      implements Desired {
    @Override
    public Map<String, String> tags() {
      return Map.of();
    }
  }

  /** The window's figures; null where CloudWatch has no datapoint. */
  public record Reading(Long incomingRecords, Long deliveredRecords, Double deliverySuccess, Double freshnessSeconds) {
    public boolean measuredNothing() {
      return incomingRecords == null && deliveredRecords == null && deliverySuccess == null && freshnessSeconds == null;
    }
  }

  private final CloudWatchClient cloudWatch;

  public DeliveryMetrics(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** The window ending at the last whole minute before {@code now} (CloudWatch's EndTime is exclusive). */
  public static Query lastWindow(String delivery, String stream, String destinationMetric, Duration window,
      Instant now) {
    return new Query(delivery, stream, destinationMetric, window, now.truncatedTo(ChronoUnit.MINUTES));
  }

  @Override
  public String kind() {
    return "DeliveryMetrics";
  }

  @Override
  public Optional<Reading> observe(Query q) {
    int period = (int) q.window().toSeconds();
    GetMetricDataResponse response = cloudWatch.getMetricData(r -> r
        .startTime(q.end().minus(q.window())).endTime(q.end())
        .metricDataQueries(
            query("incoming", "AWS/Kinesis", "IncomingRecords", "StreamName", q.streamName(), "Sum", period),
            query("delivered", "AWS/Firehose", q.destinationMetric() + ".Records", "DeliveryStreamName", q.name(),
                "Sum", period),
            query("success", "AWS/Firehose", q.destinationMetric() + ".Success", "DeliveryStreamName", q.name(),
                "Average", period),
            query("freshness", "AWS/Firehose", q.destinationMetric() + ".DataFreshness", "DeliveryStreamName",
                q.name(), "Maximum", period)));
    List<MetricDataResult> results = response.metricDataResults();
    return Optional.of(new Reading(asLong(value(results, "incoming", Combine::sum)),
        asLong(value(results, "delivered", Combine::sum)), value(results, "success", Combine::first),
        value(results, "freshness", Combine::max)));
  }

  private static MetricDataQuery query(String id, String namespace, String metric, String dimension, String value,
      String stat, int period) {
    return MetricDataQuery.builder().id(id).returnData(true)
        .metricStat(s -> s.stat(stat).period(period)
            .metric(m -> m.namespace(namespace).metricName(metric)
                .dimensions(Dimension.builder().name(dimension).value(value).build())))
        .build();
  }

  /**
   * The value of the one datapoint asked for, or null without one; should CloudWatch split the
   * window, the datapoints are combined as their statistic combines (Sum added, Maximum the largest,
   * an Average taken as the first).
   */
  private static Double value(List<MetricDataResult> results, String id,
      java.util.function.Function<List<Double>, Double> combine) {
    return results.stream().filter(r -> id.equals(r.id())).findFirst()
        .filter(r -> !r.values().isEmpty()).map(r -> combine.apply(r.values())).orElse(null);
  }

  /** How the datapoints of one statistic combine. */
  private static final class Combine {
    static Double sum(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).sum();
    }

    static Double max(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    static Double first(List<Double> values) {
      return values.get(0);
    }
  }

  private static Long asLong(Double value) {
    return value == null ? null : Math.round(value);
  }

  @Override
  public Map<String, String> tags(Reading actual) {
    return Map.of();
  }

  @Override
  public boolean taggable() {
    return false;
  }

  @Override
  public AwsState state(Reading actual) {
    return AwsState.stable("Measured");
  }

  @Override
  public String arn(Reading actual) {
    return null;
  }

  @Override
  public Drift drift(Query desired, Reading actual) {
    return Drift.NONE;
  }

  @Override
  public Applied create(Query desired) {
    throw new UnsupportedOperationException("metrics are read, never written");
  }

  @Override
  public Applied update(Query desired, Reading actual, Drift drift) {
    throw new UnsupportedOperationException("metrics are read, never written");
  }

  @Override
  public Applied delete(Reading actual) {
    throw new UnsupportedOperationException("metrics are read, never written");
  }
}
