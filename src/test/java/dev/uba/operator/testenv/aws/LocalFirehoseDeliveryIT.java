package dev.uba.operator.testenv.aws;

import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.BUCKET;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.DOMAIN;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.DOMAIN_ARN;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.ROLE;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.extendedS3;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.gzipLines;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.keys;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.openSearch;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.putEvents;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Data moved by the local Firehose: records put on a Kinesis stream with the SDK arrive at a
 * stand-in OpenSearch {@code _bulk} endpoint in the rotated index, refused or undeliverable
 * documents land in the backup folder in AWS's format, and an S3-only stream writes GZIP objects
 * under its date folders.
 */
class LocalFirehoseDeliveryIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static LocalAws aws;
  private static FirehoseClient firehose;
  private static KinesisClient kinesis;
  private static S3Client s3;
  private BulkEndpointStandIn node;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    firehose = TestClients.firehose(aws.endpoint(), false);
    kinesis = TestClients.kinesis(aws.endpoint(), true);
    s3 = TestClients.s3(aws.endpoint(), true);
  }

  @AfterAll
  static void closeClients() {
    firehose.close();
    kinesis.close();
    s3.close();
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
    kinesis.createStream(b -> b.streamName("clicks").shardCount(2));
  }

  @AfterEach
  void stopNode() {
    node.close();
  }

  private void createOpenSearch(String name, AmazonopensearchserviceDestinationConfiguration config) {
    firehose.createDeliveryStream(b -> b.deliveryStreamName(name)
        .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(streamArn("clicks")).roleARN(ROLE))
        .amazonopensearchserviceDestinationConfiguration(config));
  }

  private static String utc(String pattern) {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(pattern));
  }

  @Test
  void aThousandRecordsArriveAtTheBulkEndpointInTheDailyIndex() {
    createOpenSearch("events", openSearch("OneDay", "FailedDocumentsOnly", 60));

    putEvents(kinesis, "clicks", 0, 1000);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsIndexed() == 1000);
    String index = "uba-events-" + utc("yyyy-MM-dd");
    assertThat(node.indices()).containsExactly(index);
    List<JsonNode> docs = node.documents(index);
    assertThat(docs).hasSize(1000);
    assertThat(docs.stream().map(d -> d.path("n").asInt()).distinct().count()).isEqualTo(1000);
    assertThat(docs).anySatisfy(d -> {
      assertThat(d.path("event_id").asText()).isEqualTo("e999");
      assertThat(d.path("event_type").asText()).isEqualTo("view");
    });
    LocalFirehose.Delivered delivered = aws.firehose().delivered("events");
    assertThat(delivered.recordsRead()).isEqualTo(1000);
    assertThat(delivered.documentsFailed()).isZero();
    assertThat(delivered.s3Objects()).isEmpty();
  }

  @Test
  void refusedDocumentsLandInTheBackupFolderInAwsFormat() {
    node.refuseWhere(doc -> doc.path("n").asInt() % 10 == 0);
    createOpenSearch("events", openSearch("OneHour", "FailedDocumentsOnly", 60));

    putEvents(kinesis, "clicks", 0, 100);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsFailed() == 10);
    String index = "uba-events-" + utc("yyyy-MM-dd-HH");
    assertThat(node.documents(index)).hasSize(90);
    assertThat(aws.firehose().delivered("events").documentsIndexed()).isEqualTo(90);
    List<String> keys = keys(s3, "backup/");
    assertThat(keys).singleElement().satisfies(key -> assertThat(key).matches(
        "backup/AmazonOpenSearchService_failed/" + utc("yyyy/MM/dd/HH").substring(0, 10)
            + "/\\d{2}/events-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f-]{36}\\.gz"));
    List<String> lines = gzipLines(s3, keys.get(0));
    assertThat(lines).hasSize(10);
    JsonNode first = json(lines.get(0));
    assertThat(first.path("attemptsMade").asInt()).isEqualTo(1);
    assertThat(first.path("errorCode").asText()).isEqualTo("400");
    assertThat(first.path("errorMessage").asText()).contains("mapper_parsing_exception");
    assertThat(first.path("esIndexName").asText()).isEqualTo(index);
    assertThat(first.path("esDocumentId").asText()).isNotBlank();
    assertThat(first.path("arrivalTimestamp").asLong()).isPositive();
    assertThat(first.path("attemptEndingTimestamp").asLong())
        .isGreaterThanOrEqualTo(first.path("arrivalTimestamp").asLong());
    JsonNode raw = json(new String(Base64.getDecoder().decode(first.path("rawData").asText()),
        StandardCharsets.UTF_8));
    assertThat(raw.path("n").asInt() % 10).isZero();
  }

  @Test
  void anUnreachableEndpointSendsEveryDocumentToTheBackupAfterTheRetryDuration() {
    aws.openSearchEndpoint(DOMAIN, LocalFirehoseFixtures.nothingListening());
    createOpenSearch("events", openSearch("OneDay", "FailedDocumentsOnly", 60));

    putEvents(kinesis, "clicks", 0, 50);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsFailed() == 50);
    LocalFirehose.Delivered delivered = aws.firehose().delivered("events");
    assertThat(delivered.documentsIndexed()).isZero();
    assertThat(delivered.bulkRequests()).isGreaterThanOrEqualTo(2);
    assertThat(delivered.lastError()).contains("cannot reach");
    List<String> lines = keys(s3, "backup/AmazonOpenSearchService_failed/").stream()
        .flatMap(k -> gzipLines(s3, k).stream()).toList();
    assertThat(lines).hasSize(50).allSatisfy(line -> {
      JsonNode doc = json(line);
      assertThat(doc.path("errorCode").asText()).isEqualTo("ConnectionFailed");
      assertThat(doc.path("attemptsMade").asInt()).isGreaterThanOrEqualTo(2);
    });
  }

  @Test
  void allDocumentsBackupWritesEveryRecordToS3AsWell() {
    createOpenSearch("events", openSearch("NoRotation", "AllDocuments", 60));

    putEvents(kinesis, "clicks", 0, 20);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").recordsToS3() == 20);
    assertThat(node.documents("uba-events")).hasSize(20);
    List<String> lines = keys(s3, "backup/" + utc("yyyy/MM/dd")).stream()
        .flatMap(k -> gzipLines(s3, k).stream()).toList();
    assertThat(lines).hasSize(20).allSatisfy(line -> assertThat(json(line).has("event_id")).isTrue());
  }

  @Test
  void anS3OnlyStreamWritesGzipObjectsUnderItsDateFolders() {
    firehose.createDeliveryStream(b -> b.deliveryStreamName("archive")
        .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(streamArn("clicks")).roleARN(ROLE))
        .extendedS3DestinationConfiguration(extendedS3(60)));

    putEvents(kinesis, "clicks", 0, 300);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("archive").recordsToS3() == 300);
    List<String> keys = keys(s3, "events/");
    Pattern name = Pattern.compile("events/" + utc("yyyy/MM/dd")
        + "/archive-1-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-[0-9a-f-]{36}\\.gz");
    assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).matches(name));
    List<String> lines = keys.stream().flatMap(k -> gzipLines(s3, k).stream()).toList();
    assertThat(lines).hasSize(300);
    assertThat(lines.stream().map(l -> json(l).path("n").asInt()).distinct().count()).isEqualTo(300);
  }

  @Test
  void recordsPutBeforeTheDeliveryStreamExistedAreNotDelivered() {
    putEvents(kinesis, "clicks", 0, 5);
    createOpenSearch("events", openSearch("NoRotation", "FailedDocumentsOnly", 60));

    putEvents(kinesis, "clicks", 5, 7);

    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsIndexed() == 7);
    assertThat(node.documents("uba-events")).extracting(d -> d.path("n").asInt())
        .containsExactlyInAnyOrder(5, 6, 7, 8, 9, 10, 11);
  }

  @Test
  void aResetStopsDelivery() {
    createOpenSearch("events", openSearch("NoRotation", "FailedDocumentsOnly", 60));
    putEvents(kinesis, "clicks", 0, 3);
    await().atMost(PATIENCE).until(() -> aws.firehose().delivered("events").documentsIndexed() == 3);
    int requests = node.requests();

    aws.reset();

    assertThat(aws.firehose().delivered("events")).isEqualTo(LocalFirehose.Delivered.NOTHING);
    assertThat(node.requests()).isEqualTo(requests);
  }

  private static JsonNode json(String text) {
    try {
      return AwsRequest.JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
