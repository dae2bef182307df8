package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * The CloudWatch metrics AWS publishes of a data flow, written into the emulator's CloudWatch with
 * PutMetricData at one-minute resolution (each datapoint's timestamp is the start of its minute), so
 * that GetMetricData measures what really happened:
 *
 * <ul>
 *   <li>{@code AWS/Kinesis IncomingRecords} (dimension {@code StreamName}, Count): "The number of
 *       records successfully put to the Kinesis stream". Counted from the PutRecord and PutRecords
 *       calls the proxy answered with success (PutRecords: its records less
 *       {@code FailedRecordCount}), whether or not anything reads the stream; records put to the
 *       emulator directly are not counted. Published on the deliverer's next tick.
 *   <li>{@code AWS/Firehose DeliveryToAmazonOpenSearchService.*} or {@code DeliveryToS3.*}
 *       (dimension {@code DeliveryStreamName}), at each flush: {@code .Records} (Count) the records
 *       delivered; {@code .Success} "the sum of the successfully indexed records over the sum of
 *       records that were attempted" (OpenSearch) or "the sum of successful Amazon S3 put commands
 *       over the sum of all Amazon S3 put commands" (S3), published as a statistic set of 1.0 per
 *       success and 0.0 per failure, so that its Average over any window is that ratio;
 *       {@code .DataFreshness} (Seconds) the age of the oldest record of the flush when it left
 *       Firehose. Also {@code DataReadFromKinesisStream.Records} (Count) for every read.
 * </ul>
 *
 * <p>A failed PutMetricData is reported on stderr and dropped; nothing here throws.
 */
final class DataFlowMetrics implements AutoCloseable {

  static final String OPENSEARCH = "DeliveryToAmazonOpenSearchService";
  static final String S3 = "DeliveryToS3";

  private final CloudWatchClient cloudWatch;
  /** Incoming records not published yet, by stream name and minute. */
  private final Map<String, Map<Instant, AtomicLong>> incoming = new ConcurrentHashMap<>();

  DataFlowMetrics(CloudWatchClient cloudWatch) {
    this.cloudWatch = cloudWatch;
  }

  /** The proxy's answer to a Kinesis PutRecord or PutRecords: counts what was put. */
  void answered(AwsRequest req, AwsResponse resp) {
    if (!"kinesis".equals(req.service) || !resp.ok()) {
      return;
    }
    long n;
    if ("PutRecord".equals(req.operation)) {
      n = 1;
    } else if ("PutRecords".equals(req.operation)) {
      JsonNode answer = resp.json();
      n = req.json().path("Records").size()
          - (answer == null ? 0 : answer.path("FailedRecordCount").asLong(0));
    } else {
      return;
    }
    String stream = req.jsonText("StreamName");
    if (stream == null) {
      String arn = req.jsonText("StreamARN");
      stream = arn == null ? null : arn.substring(arn.lastIndexOf('/') + 1);
    }
    if (stream != null && n > 0) {
      incoming.computeIfAbsent(stream, s -> new ConcurrentHashMap<>())
          .computeIfAbsent(minuteOf(Instant.now()), m -> new AtomicLong()).addAndGet(n);
    }
  }

  /** Publishes the incoming records counted since the last call. */
  void publishIncoming() {
    for (Map.Entry<String, Map<Instant, AtomicLong>> s : incoming.entrySet()) {
      List<MetricDatum> data = new ArrayList<>();
      for (Map.Entry<Instant, AtomicLong> m : s.getValue().entrySet()) {
        long n = m.getValue().getAndSet(0);
        if (n > 0) {
          data.add(count("IncomingRecords", "StreamName", s.getKey(), n, m.getKey()));
        }
        if (m.getKey().isBefore(minuteOf(Instant.now()).minus(2, ChronoUnit.MINUTES))) {
          s.getValue().remove(m.getKey(), m.getValue());
        }
      }
      put("AWS/Kinesis", data);
    }
  }

  /** Records a delivery stream read from its Kinesis source. */
  void read(String deliveryStream, int records) {
    if (records > 0) {
      put("AWS/Firehose", List.of(count("DataReadFromKinesisStream.Records", "DeliveryStreamName",
          deliveryStream, records, minuteOf(Instant.now()))));
    }
  }

  /**
   * One flush of {@code deliveryStream} to {@code destination} ({@link #OPENSEARCH} or
   * {@link #S3}): {@code delivered} records arrived, {@code succeeded} of {@code attempted}
   * documents or put commands succeeded, the oldest record had waited {@code freshnessSeconds}.
   */
  void delivered(String deliveryStream, String destination, long delivered, long succeeded,
      long attempted, double freshnessSeconds) {
    Instant minute = minuteOf(Instant.now());
    List<MetricDatum> data = new ArrayList<>();
    data.add(count(destination + ".Records", "DeliveryStreamName", deliveryStream, delivered, minute));
    if (attempted > 0) {
      data.add(MetricDatum.builder().metricName(destination + ".Success")
          .dimensions(dimension("DeliveryStreamName", deliveryStream)).timestamp(minute)
          .statisticValues(s -> s.sampleCount((double) attempted).sum((double) succeeded)
              .minimum(succeeded < attempted ? 0.0 : 1.0).maximum(succeeded > 0 ? 1.0 : 0.0))
          .build());
    }
    data.add(MetricDatum.builder().metricName(destination + ".DataFreshness")
        .dimensions(dimension("DeliveryStreamName", deliveryStream)).timestamp(minute)
        .value(Math.max(0, freshnessSeconds)).unit(StandardUnit.SECONDS).build());
    put("AWS/Firehose", data);
  }

  void clear() {
    incoming.clear();
  }

  @Override
  public void close() {
    cloudWatch.close();
  }

  private void put(String namespace, List<MetricDatum> data) {
    if (data.isEmpty()) {
      return;
    }
    try {
      cloudWatch.putMetricData(b -> b.namespace(namespace).metricData(data));
    } catch (RuntimeException e) {
      System.err.println("[local-aws] PutMetricData to " + namespace + " failed: " + e);
    }
  }

  private static MetricDatum count(String metric, String dimension, String value, long n,
      Instant minute) {
    return MetricDatum.builder().metricName(metric).dimensions(dimension(dimension, value))
        .timestamp(minute).value((double) n).unit(StandardUnit.COUNT).build();
  }

  private static Dimension dimension(String name, String value) {
    return Dimension.builder().name(name).value(value).build();
  }

  private static Instant minuteOf(Instant t) {
    return t.truncatedTo(ChronoUnit.MINUTES);
  }
}
