package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.testenv.aws.KinesisSourceReader.SourceRecord;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * One flush of a delivery stream into an OpenSearch Service destination, following "Handle data
 * delivery failures" (Amazon Data Firehose Developer Guide) for OpenSearch Service:
 *
 * <ul>
 *   <li>Each record is one document (its data, the base64-decoded bytes, as the document; JSON is
 *       sent compacted onto one line), an {@code index} action into {@code IndexName} with the
 *       rotation suffix of the record's arrival time ({@link IndexRotation}), with a document id
 *       Firehose generates (stable across retries: shard and sequence number) unless
 *       {@code DocumentIdOptions.DefaultDocumentIdFormat} is {@code NO_DOCUMENT_ID}.
 *   <li>"Amazon Data Firehose retries for the specified time duration and then skips that
 *       particular index request. The skipped documents are delivered to your S3 bucket in the
 *       {@code AmazonOpenSearchService_failed/} folder": documents the node did not index are sent
 *       again until {@code RetryOptions.DurationInSeconds} (capped by
 *       {@link LocalFirehose#retryDurationAtMost}) has passed, then written under the backup's
 *       prefix (or its {@code ErrorOutputPrefix}) in that folder, one JSON line per document in the
 *       documented format: {@code attemptsMade, arrivalTimestamp, errorCode} ("http error code
 *       returned by OpenSearch Service"), {@code errorMessage, attemptEndingTimestamp,
 *       esDocumentId, esIndexName, esTypeName, rawData} (base64). The local choices: a document
 *       refused with a 4xx other than 429 is not sent again (the same document would be refused
 *       again); when no answer came, {@code errorCode} is {@code ConnectionFailed}.
 *   <li>{@code S3BackupMode: AllDocuments}: every record is also written to S3 under the prefix.
 * </ul>
 */
final class OpenSearchDelivery {

  static final String FAILED_FOLDER = "AmazonOpenSearchService_failed";
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final OpenSearchBulkClient bulk = new OpenSearchBulkClient();
  private final FirehoseS3Writer s3;
  private final DataFlowMetrics metrics;
  private final LocalFirehose control;

  OpenSearchDelivery(FirehoseS3Writer s3, DataFlowMetrics metrics, LocalFirehose control) {
    this.s3 = s3;
    this.metrics = metrics;
    this.control = control;
  }

  /** A document on its way, with what its failed-document line needs. */
  private static final class Attempted {
    final SourceRecord record;
    final OpenSearchBulkClient.Document document;
    int attempts;
    String errorCode;
    String errorMessage;

    Attempted(SourceRecord record, OpenSearchBulkClient.Document document) {
      this.record = record;
      this.document = document;
    }
  }

  void deliver(FirehoseStream stream, ObjectNode d, List<SourceRecord> batch, BooleanSupplier stopped)
      throws InterruptedException {
    LocalFirehose.DeliveryReport report = control.report(stream.name);
    List<Attempted> pending = new ArrayList<>();
    for (SourceRecord r : batch) {
      pending.add(new Attempted(r, document(d, r)));
    }
    List<Attempted> failed = new ArrayList<>();
    int indexed = 0;
    Optional<URI> endpoint = control.endpointFor(d.path("DomainARN").asText(null),
        d.path("ClusterEndpoint").asText(null));
    Duration retry = control.retryDuration(
        Duration.ofSeconds(d.path("RetryOptions").path("DurationInSeconds").asLong(300)));
    long deadline = System.nanoTime() + retry.toNanos();
    Duration backoff = FIRST_BACKOFF;
    while (!pending.isEmpty() && !stopped.getAsBoolean()) {
      OpenSearchBulkClient.Outcome outcome = endpoint.isPresent()
          ? bulk.send(endpoint.get(), pending.stream().map(a -> a.document).toList())
          : new OpenSearchBulkClient.Outcome("no endpoint is known for the domain "
              + d.path("DomainARN").asText() + " (LocalAws.openSearchEndpoint)", 0, List.of());
      if (endpoint.isPresent()) {
        report.bulkRequest();
      }
      List<Attempted> again = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        Attempted a = pending.get(i);
        a.attempts++;
        if (!outcome.answered()) {
          a.errorCode = outcome.status() > 0 ? Integer.toString(outcome.status()) : "ConnectionFailed";
          a.errorMessage = outcome.failure();
          again.add(a);
          continue;
        }
        OpenSearchBulkClient.Item item = outcome.items().get(i);
        if (item.ok()) {
          indexed++;
        } else {
          a.errorCode = Integer.toString(item.status());
          a.errorMessage = item.error() == null ? "" : item.error().toString();
          (item.retryable() ? again : failed).add(a);
        }
      }
      if (!outcome.answered()) {
        report.error(outcome.failure());
      } else if (!failed.isEmpty() || !again.isEmpty()) {
        report.error("the endpoint refused " + (failed.size() + again.size()) + " documents");
      }
      pending = again;
      long left = deadline - System.nanoTime();
      if (pending.isEmpty() || left <= 0) {
        break;
      }
      Thread.sleep(Math.min(backoff.toMillis(), Math.max(1, left / 1_000_000)));
      backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }
    if (stopped.getAsBoolean()) {
      return;
    }
    failed.addAll(pending);
    report.indexed(indexed);
    report.failed(failed.size());
    JsonNode backup = d.path("S3DestinationDescription");
    Instant oldest = batch.stream().map(SourceRecord::arrival).min(Comparator.naturalOrder())
        .orElse(Instant.now());
    if (!failed.isEmpty()) {
      String prefix = backup.hasNonNull("ErrorOutputPrefix")
          ? S3ObjectKeys.evaluatePrefix(backup.path("ErrorOutputPrefix").asText(), oldest, FAILED_FOLDER)
          : S3ObjectKeys.evaluatePrefix(backup.path("Prefix").asText("") + FAILED_FOLDER + "/", oldest, null);
      writeBackup(stream, backup, prefix, failedLines(d, failed), false, report);
    }
    if ("AllDocuments".equals(d.path("S3BackupMode").asText())) {
      writeBackup(stream, backup, S3ObjectKeys.evaluatePrefix(backup.path("Prefix").asText(""), oldest, null),
          batch.stream().map(SourceRecord::data).toList(), true, report);
    }
    metrics.delivered(stream.name, DataFlowMetrics.OPENSEARCH, indexed, indexed, batch.size(),
        Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
  }

  private void writeBackup(FirehoseStream stream, JsonNode backup, String prefix, List<byte[]> lines,
      boolean allDocuments, LocalFirehose.DeliveryReport report) {
    String key = prefix + S3ObjectKeys.suffix(stream.name, stream.version(), Instant.now(),
        FirehoseS3Writer.isGzip(backup));
    try {
      report.wroteToS3(s3.write(backup, key, lines), lines.size(), allDocuments);
    } catch (RuntimeException e) {
      report.error("cannot write s3://" + FirehoseS3Writer.bucketOf(backup.path("BucketARN").asText())
          + "/" + key + ": " + e);
      System.err.println("[local-aws] Firehose " + stream.name + ": backup to S3 failed: " + e);
    }
  }

  private static OpenSearchBulkClient.Document document(ObjectNode d, SourceRecord r) {
    String index = IndexRotation.index(d.path("IndexName").asText(),
        d.path("IndexRotationPeriod").asText(null), r.arrival());
    boolean noId = "NO_DOCUMENT_ID".equals(
        d.path("DocumentIdOptions").path("DefaultDocumentIdFormat").asText());
    return new OpenSearchBulkClient.Document(index, noId ? null : r.shardId() + "." + r.sequenceNumber(),
        oneLine(r.data()));
  }

  /** JSON compacted onto one line; anything else with its line breaks turned into spaces. */
  static byte[] oneLine(byte[] data) {
    try {
      JsonNode parsed = AwsRequest.JSON.readTree(data);
      if (parsed != null && !parsed.isMissingNode()) {
        return AwsRequest.toBytes(parsed);
      }
    } catch (IOException notJson) {
      // sent as it is: the node answers for it
    }
    return new String(data, StandardCharsets.UTF_8).replace('\n', ' ').replace('\r', ' ')
        .getBytes(StandardCharsets.UTF_8);
  }

  private static List<byte[]> failedLines(ObjectNode d, List<Attempted> failed) {
    long ending = Instant.now().toEpochMilli();
    List<byte[]> lines = new ArrayList<>();
    for (Attempted a : failed) {
      ObjectNode line = AwsRequest.object();
      line.put("attemptsMade", a.attempts);
      line.put("arrivalTimestamp", a.record.arrival().toEpochMilli());
      line.put("errorCode", a.errorCode);
      line.put("errorMessage", a.errorMessage);
      line.put("attemptEndingTimestamp", ending);
      line.put("esDocumentId", a.document.id());
      line.put("esIndexName", a.document.index());
      line.put("esTypeName", d.path("TypeName").asText(""));
      line.put("rawData", Base64.getEncoder().encodeToString(a.record.data()));
      lines.add(AwsRequest.toBytes(line));
    }
    return lines;
  }
}
