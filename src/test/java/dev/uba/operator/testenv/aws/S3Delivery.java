package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.testenv.aws.KinesisSourceReader.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One flush of a delivery stream into an extended S3 destination: one object under the evaluated
 * {@code Prefix} ({@link S3ObjectKeys}, timestamps of the oldest record of the object), named
 * {@code <stream>-<version>-<time>-<uuid>[.gz]}, written by {@link FirehoseS3Writer}. "Amazon Data
 * Firehose keeps retrying for up to 24 hours until the delivery succeeds" (Handle data delivery
 * failures): the local one tries {@value #ATTEMPTS} times, then drops the records and says so in
 * {@link LocalFirehose#delivered}.
 */
final class S3Delivery {

  static final int ATTEMPTS = 3;
  private static final Duration PAUSE = Duration.ofMillis(200);

  private final FirehoseS3Writer s3;
  private final DataFlowMetrics metrics;
  private final LocalFirehose control;

  S3Delivery(FirehoseS3Writer s3, DataFlowMetrics metrics, LocalFirehose control) {
    this.s3 = s3;
    this.metrics = metrics;
    this.control = control;
  }

  void deliver(FirehoseStream stream, ObjectNode d, List<SourceRecord> batch, BooleanSupplier stopped)
      throws InterruptedException {
    LocalFirehose.DeliveryReport report = control.report(stream.name);
    Instant oldest = batch.stream().map(SourceRecord::arrival).min(Comparator.naturalOrder())
        .orElse(Instant.now());
    String key = S3ObjectKeys.evaluatePrefix(d.path("Prefix").asText(""), oldest, null)
        + S3ObjectKeys.suffix(stream.name, stream.version(), Instant.now(), FirehoseS3Writer.isGzip(d));
    List<byte[]> records = batch.stream().map(SourceRecord::data).toList();
    int attempts = 0;
    boolean written = false;
    while (!written && attempts < ATTEMPTS && !stopped.getAsBoolean()) {
      attempts++;
      try {
        report.wroteToS3(s3.write(d, key, records), records.size(), true);
        written = true;
      } catch (RuntimeException e) {
        report.error("cannot write s3://" + FirehoseS3Writer.bucketOf(d.path("BucketARN").asText())
            + "/" + key + ": " + e);
        if (attempts < ATTEMPTS) {
          Thread.sleep(PAUSE.toMillis());
        }
      }
    }
    if (!written) {
      System.err.println("[local-aws] Firehose " + stream.name + ": " + records.size()
          + " records dropped, S3 refused them " + attempts + " times");
    }
    metrics.delivered(stream.name, DataFlowMetrics.S3, written ? records.size() : 0,
        written ? 1 : 0, attempts, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
  }
}
