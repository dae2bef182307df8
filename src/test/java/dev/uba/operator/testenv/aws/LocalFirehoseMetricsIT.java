package dev.uba.operator.testenv.aws;

import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.BUCKET;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.DOMAIN_ARN;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.ROLE;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.extendedS3;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.openSearch;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.putEvents;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.uba.operator.aws.cloudwatch.DeliveryMetrics;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The CloudWatch figures of a local data flow, read as the operator reads them: its own
 * {@link DeliveryMetrics} (one GetMetricData: Sum of IncomingRecords and of Records, Average of
 * Success, Maximum of DataFreshness over 15 minutes) through the proxy.
 */
class LocalFirehoseMetricsIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static LocalAws aws;
  private static FirehoseClient firehose;
  private static KinesisClient kinesis;
  private static S3Client s3;
  private static CloudWatchClient cloudWatch;
  private BulkEndpointStandIn node;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    firehose = TestClients.firehose(aws.endpoint(), false);
    kinesis = TestClients.kinesis(aws.endpoint(), true);
    s3 = TestClients.s3(aws.endpoint(), true);
    cloudWatch = TestClients.cloudWatch(aws.endpoint(), true);
  }

  @AfterAll
  static void closeClients() {
    firehose.close();
    kinesis.close();
    s3.close();
    cloudWatch.close();
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() throws IOException {
    aws.reset();
    aws.lifecycle().instant();
    aws.firehose().bufferIntervalAtMost(Duration.ofSeconds(1)).retryDurationAtMost(Duration.ofSeconds(1))
        .pollInterval(Duration.ofMillis(200));
    node = new BulkEndpointStandIn();
    aws.openSearchEndpoint(DOMAIN_ARN, node.uri());
    s3.createBucket(b -> b.bucket(BUCKET));
    kinesis.createStream(b -> b.streamName("clicks").shardCount(1));
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private void createOpenSearch(String name) {
    firehose.createDeliveryStream(b -> b.deliveryStreamName(name)
        .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(streamArn("clicks")).roleARN(ROLE))
        .amazonopensearchserviceDestinationConfiguration(openSearch("OneDay", "FailedDocumentsOnly", 60)));
  }

  /** The operator's reading of the last 15 minutes, the current minute included. */
  private DeliveryMetrics.Reading reading(String delivery, String destinationMetric) {
    Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES);
    return new DeliveryMetrics(cloudWatch).observe(new DeliveryMetrics.Query(delivery, "clicks",
        destinationMetric, Duration.ofMinutes(15), end)).orElseThrow();
  }

  @Test
  void whatWasDeliveredToOpenSearchIsWhatGetMetricDataMeasures() {
    createOpenSearch("events");
    assertThat(reading("events", DataFlowMetrics.OPENSEARCH).measuredNothing()).isTrue();

    putEvents(kinesis, "clicks", 0, 200);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsIndexed() == 200);
    await().atMost(PATIENCE).untilAsserted(() -> {
      DeliveryMetrics.Reading r = reading("events", DataFlowMetrics.OPENSEARCH);
      assertThat(r.incomingRecords()).isEqualTo(200);
      assertThat(r.deliveredRecords()).isEqualTo(200);
      assertThat(r.deliverySuccess()).isEqualTo(1.0);
      assertThat(r.freshnessSeconds()).isBetween(0.0, 60.0);
    });
  }

  @Test
  void refusedDocumentsBringSuccessBelowOne() {
    node.refuseWhere(doc -> doc.path("n").asInt() % 10 == 0);
    createOpenSearch("events");

    putEvents(kinesis, "clicks", 0, 100);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsFailed() == 10);
    await().atMost(PATIENCE).untilAsserted(() -> {
      DeliveryMetrics.Reading r = reading("events", DataFlowMetrics.OPENSEARCH);
      assertThat(r.incomingRecords()).isEqualTo(100);
      assertThat(r.deliveredRecords()).isEqualTo(90);
      assertThat(r.deliverySuccess()).isCloseTo(0.9, within(1e-9));
    });
  }

  @Test
  void anUnreachableDomainDeliversNothingWithSuccessZero() {
    aws.openSearchEndpoint(DOMAIN_ARN, LocalFirehoseFixtures.nothingListening());
    createOpenSearch("events");

    putEvents(kinesis, "clicks", 0, 50);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsFailed() == 50);
    await().atMost(PATIENCE).untilAsserted(() -> {
      DeliveryMetrics.Reading r = reading("events", DataFlowMetrics.OPENSEARCH);
      assertThat(r.incomingRecords()).isEqualTo(50);
      assertThat(r.deliveredRecords()).isZero();
      assertThat(r.deliverySuccess()).isEqualTo(0.0);
    });
  }

  @Test
  void anS3OnlyStreamIsMeasuredAsDeliveryToS3() {
    firehose.createDeliveryStream(b -> b.deliveryStreamName("archive")
        .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(streamArn("clicks")).roleARN(ROLE))
        .extendedS3DestinationConfiguration(extendedS3(60)));

    putEvents(kinesis, "clicks", 0, 300);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("archive").recordsToS3() == 300);
    await().atMost(PATIENCE).untilAsserted(() -> {
      DeliveryMetrics.Reading r = reading("archive", DataFlowMetrics.S3);
      assertThat(r.incomingRecords()).isEqualTo(300);
      assertThat(r.deliveredRecords()).isEqualTo(300);
      assertThat(r.deliverySuccess()).isEqualTo(1.0);
      assertThat(r.freshnessSeconds()).isNotNull();
    });
  }
}
