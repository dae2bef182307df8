package dev.uba.operator.testenv.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What the local Firehose's tests share: names, the destinations the operator sends, helpers. */
final class LocalFirehoseFixtures {

  static final String ACCOUNT = "123456789012";
  static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/uba/analytics-clickstream-ingest";
  static final String DOMAIN = "analytics-clickstream";
  static final String DOMAIN_ARN = "arn:aws:es:us-east-1:" + ACCOUNT + ":domain/" + DOMAIN;
  static final String BUCKET = "analytics-clickstream-archive";
  static final String BUCKET_ARN = "arn:aws:s3:::" + BUCKET;
  static final String LAMBDA = "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:enrich";

  private LocalFirehoseFixtures() {}

  static String streamArn(String stream) {
    return "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/" + stream;
  }

  /** The OpenSearch destination the operator sends (DeliveryRequests.openSearch), with a processor. */
  static AmazonopensearchserviceDestinationConfiguration openSearch(String rotation, String backupMode,
      int intervalSeconds) {
    return AmazonopensearchserviceDestinationConfiguration.builder()
        .roleARN(ROLE).domainARN(DOMAIN_ARN).indexName("uba-events").indexRotationPeriod(rotation)
        .bufferingHints(b -> b.intervalInSeconds(intervalSeconds).sizeInMBs(5))
        .retryOptions(r -> r.durationInSeconds(300))
        .s3BackupMode(backupMode)
        .s3Configuration(s -> s.roleARN(ROLE).bucketARN(BUCKET_ARN).prefix("backup/")
            .compressionFormat(CompressionFormat.GZIP))
        .processingConfiguration(p -> p.enabled(true).processors(proc -> proc.type("Lambda")
            .parameters(param -> param.parameterName("LambdaArn").parameterValue(LAMBDA))))
        .cloudWatchLoggingOptions(l -> l.enabled(true)
            .logGroupName("/aws/kinesisfirehose/analytics-clickstream")
            .logStreamName("DestinationDelivery"))
        .build();
  }

  /** The S3 destination the operator sends (DeliveryRequests.s3). */
  static ExtendedS3DestinationConfiguration extendedS3(int intervalSeconds) {
    return ExtendedS3DestinationConfiguration.builder()
        .roleARN(ROLE).bucketARN(BUCKET_ARN)
        .prefix("events/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/")
        .errorOutputPrefix("errors/!{firehose:error-output-type}/")
        .bufferingHints(b -> b.intervalInSeconds(intervalSeconds).sizeInMBs(5))
        .compressionFormat(CompressionFormat.GZIP)
        .encryptionConfiguration(e -> e.noEncryptionConfig("NoEncryption"))
        .processingConfiguration(p -> p.enabled(false))
        .cloudWatchLoggingOptions(l -> l.enabled(false))
        .build();
  }

  /** Puts {@code n} JSON events {@code {"event_id":"e<i>","n":<i>}} with PutRecords, 500 a call. */
  static void putEvents(KinesisClient kinesis, String stream, int from, int n) {
    List<PutRecordsRequestEntry> batch = new ArrayList<>();
    for (int i = from; i < from + n; i++) {
      batch.add(PutRecordsRequestEntry.builder().partitionKey("user-" + (i % 17))
          .data(SdkBytes.fromUtf8String("{\"event_id\":\"e" + i + "\",\"n\":" + i
              + ",\"event_type\":\"view\"}"))
          .build());
      if (batch.size() == 500 || i == from + n - 1) {
        List<PutRecordsRequestEntry> records = List.copyOf(batch);
        var answer = kinesis.putRecords(b -> b.streamName(stream).records(records));
        if (answer.failedRecordCount() != null && answer.failedRecordCount() > 0) {
          throw new IllegalStateException(answer.failedRecordCount() + " records were refused");
        }
        batch.clear();
      }
    }
  }

  /** The keys of the bucket under {@code prefix}. */
  static List<String> keys(S3Client s3, String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  /** A loopback URL that nothing listens on (a port just freed). */
  static URI nothingListening() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines of a GZIP object. */
  static List<String> gzipLines(S3Client s3, String key) {
    byte[] zipped = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
      return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
