package dev.uba.operator.testenv.aws;

import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.BUCKET_ARN;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.DOMAIN_ARN;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.LAMBDA;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.ROLE;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.extendedS3;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.openSearch;
import static dev.uba.operator.testenv.aws.LocalFirehoseFixtures.streamArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uba.operator.aws.firehose.DeliveryActual;
import dev.uba.operator.aws.firehose.DeliveryDesired;
import dev.uba.operator.aws.firehose.DeliveryDrift;
import dev.uba.operator.aws.firehose.DeliverySettings;
import dev.uba.operator.aws.firehose.DeliveryStream;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationDescription;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.ConcurrentModificationException;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamFailureType;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.InvalidArgumentException;
import software.amazon.awssdk.services.firehose.model.ResourceInUseException;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;

/**
 * The local Firehose's API with the real SDK client: the OpenSearch destination the emulator
 * refuses, described back field for field; UpdateDestination merged and versioned as AWS does;
 * arranged CREATING_FAILED, DELETING_FAILED and role refusals.
 */
class LocalFirehoseApiIT {

  private static LocalAws aws;
  private static FirehoseClient firehose;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    firehose = TestClients.firehose(aws.endpoint(), false);
  }

  @AfterAll
  static void closeClients() {
    firehose.close();
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
  }

  private void createOpenSearch(String name) {
    firehose.createDeliveryStream(b -> b.deliveryStreamName(name)
        .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(streamArn("clicks")).roleARN(ROLE))
        .amazonopensearchserviceDestinationConfiguration(openSearch("OneDay", "FailedDocumentsOnly", 60)));
  }

  private void createS3(String name) {
    firehose.createDeliveryStream(b -> b.deliveryStreamName(name)
        .deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
        .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(streamArn("clicks")).roleARN(ROLE))
        .extendedS3DestinationConfiguration(extendedS3(60)));
  }

  private DeliveryStreamDescription describe(String name) {
    return firehose.describeDeliveryStream(b -> b.deliveryStreamName(name)).deliveryStreamDescription();
  }

  @Test
  void anOpenSearchDestinationIsAcceptedAndDescribedBackFieldForField() {
    Instant before = Instant.now().minusSeconds(1);
    createOpenSearch("events");

    DeliveryStreamDescription d = describe("events");
    assertThat(d.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.CREATING);
    assertThat(d.source().kinesisStreamSourceDescription().kinesisStreamARN()).isEqualTo(streamArn("clicks"));
    assertThat(d.source().kinesisStreamSourceDescription().deliveryStartTimestamp())
        .isAfter(before).isBefore(Instant.now().plusSeconds(1));
    assertThat(d.destinations()).hasSize(1);
    AmazonopensearchserviceDestinationDescription os =
        d.destinations().get(0).amazonopensearchserviceDestinationDescription();
    assertThat(os).isNotNull();
    assertThat(d.destinations().get(0).elasticsearchDestinationDescription()).isNull();
    assertThat(os.roleARN()).isEqualTo(ROLE);
    assertThat(os.domainARN()).isEqualTo(DOMAIN_ARN);
    assertThat(os.indexName()).isEqualTo("uba-events");
    assertThat(os.indexRotationPeriodAsString()).isEqualTo("OneDay");
    assertThat(os.bufferingHints().intervalInSeconds()).isEqualTo(60);
    assertThat(os.bufferingHints().sizeInMBs()).isEqualTo(5);
    assertThat(os.retryOptions().durationInSeconds()).isEqualTo(300);
    assertThat(os.s3BackupModeAsString()).isEqualTo("FailedDocumentsOnly");
    assertThat(os.s3DestinationDescription().roleARN()).isEqualTo(ROLE);
    assertThat(os.s3DestinationDescription().bucketARN()).isEqualTo(BUCKET_ARN);
    assertThat(os.s3DestinationDescription().prefix()).isEqualTo("backup/");
    assertThat(os.s3DestinationDescription().compressionFormat()).isEqualTo(CompressionFormat.GZIP);
    assertThat(os.processingConfiguration().enabled()).isTrue();
    assertThat(os.processingConfiguration().processors()).singleElement().satisfies(p -> {
      assertThat(p.typeAsString()).isEqualTo("Lambda");
      assertThat(p.parameters()).singleElement().satisfies(param -> {
        assertThat(param.parameterNameAsString()).isEqualTo("LambdaArn");
        assertThat(param.parameterValue()).isEqualTo(LAMBDA);
      });
    });
    assertThat(os.cloudWatchLoggingOptions().enabled()).isTrue();
    assertThat(os.cloudWatchLoggingOptions().logGroupName()).isEqualTo("/aws/kinesisfirehose/analytics-clickstream");
    assertThat(os.cloudWatchLoggingOptions().logStreamName()).isEqualTo("DestinationDelivery");
    assertThat(describe("events").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.CREATING);
    assertThat(describe("events").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
  }

  @Test
  void leftOutSettingsAreDescribedWithTheApiDefaults() {
    firehose.createDeliveryStream(b -> b.deliveryStreamName("bare")
        .amazonopensearchserviceDestinationConfiguration(c -> c.roleARN(ROLE).domainARN(DOMAIN_ARN)
            .indexName("uba-events").s3Configuration(s -> s.roleARN(ROLE).bucketARN(BUCKET_ARN))));

    var os = describe("bare").destinations().get(0).amazonopensearchserviceDestinationDescription();
    assertThat(os.indexRotationPeriodAsString()).isEqualTo("OneDay");
    assertThat(os.bufferingHints().intervalInSeconds()).isEqualTo(300);
    assertThat(os.bufferingHints().sizeInMBs()).isEqualTo(5);
    assertThat(os.retryOptions().durationInSeconds()).isEqualTo(300);
    assertThat(os.s3BackupModeAsString()).isEqualTo("FailedDocumentsOnly");
    assertThat(os.s3DestinationDescription().compressionFormat()).isEqualTo(CompressionFormat.UNCOMPRESSED);
  }

  @Test
  void theOperatorsDeliveryStreamReadsBackWhatItCreatedWithoutDrift() {
    aws.lifecycle().firehose().instant();
    DeliveryStream resource = new DeliveryStream(firehose);
    for (DeliverySettings s : new DeliverySettings[] {
        new DeliverySettings(DeliverySettings.Destination.OpenSearch, streamArn("clicks"), ROLE, BUCKET_ARN,
            "backup/", null, null, 60, 5, DOMAIN_ARN, "uba-events", "OneHour", 120, "AllDocuments", LAMBDA,
            "/aws/kinesisfirehose/os"),
        new DeliverySettings(DeliverySettings.Destination.S3, streamArn("clicks"), ROLE, BUCKET_ARN,
            "events/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/", "errors/!{firehose:error-output-type}/",
            "arn:aws:kms:us-east-1:123456789012:key/archive", 300, 64, null, null, null, null, null, null,
            null)}) {
      DeliveryDesired desired = new DeliveryDesired("op-" + s.destination(), s, Map.of("team", "growth"));
      resource.create(desired);

      DeliveryActual actual = resource.observe(desired).orElseThrow();
      assertThat(actual.status()).isEqualTo("ACTIVE");
      assertThat(actual.settings()).isEqualTo(s);
      assertThat(DeliveryDrift.of(desired, actual).isEmpty()).isTrue();
    }
  }

  @Test
  void updateDestinationMergesNestedSettingsAndBumpsTheVersion() {
    aws.lifecycle().firehose().instant();
    createOpenSearch("events");
    DeliveryStreamDescription before = describe("events");
    assertThat(before.versionId()).isEqualTo("1");

    firehose.updateDestination(b -> b.deliveryStreamName("events")
        .currentDeliveryStreamVersionId("1")
        .destinationId(before.destinations().get(0).destinationId())
        .amazonopensearchserviceDestinationUpdate(u -> u.bufferingHints(h -> h.intervalInSeconds(30))
            .s3Update(s -> s.prefix("failed/"))
            .indexName("uba-events-v2")));

    DeliveryStreamDescription after = describe("events");
    assertThat(after.versionId()).isEqualTo("2");
    var os = after.destinations().get(0).amazonopensearchserviceDestinationDescription();
    assertThat(os.indexName()).isEqualTo("uba-events-v2");
    assertThat(os.bufferingHints().intervalInSeconds()).isEqualTo(30);
    assertThat(os.bufferingHints().sizeInMBs()).isEqualTo(5);
    assertThat(os.s3DestinationDescription().prefix()).isEqualTo("failed/");
    assertThat(os.s3DestinationDescription().bucketARN()).isEqualTo(BUCKET_ARN);
    assertThat(os.s3DestinationDescription().compressionFormat()).isEqualTo(CompressionFormat.GZIP);
    assertThat(os.domainARN()).isEqualTo(DOMAIN_ARN);
    assertThat(os.processingConfiguration().processors()).hasSize(1);
    assertThat(os.cloudWatchLoggingOptions().logGroupName()).isEqualTo("/aws/kinesisfirehose/analytics-clickstream");

    assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("events")
        .currentDeliveryStreamVersionId("1")
        .destinationId(before.destinations().get(0).destinationId())
        .amazonopensearchserviceDestinationUpdate(u -> u.indexName("stale"))))
        .isInstanceOfSatisfying(ConcurrentModificationException.class,
            e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(describe("events").versionId()).isEqualTo("2");
    assertThat(describe("events").destinations().get(0).amazonopensearchserviceDestinationDescription()
        .indexName()).isEqualTo("uba-events-v2");
  }

  @Test
  void anExtendedS3UpdateMergesAndReplacesTheEncryptionChoiceAsAWhole() {
    aws.lifecycle().firehose().instant();
    createS3("archive");
    String destinationId = describe("archive").destinations().get(0).destinationId();

    firehose.updateDestination(b -> b.deliveryStreamName("archive").currentDeliveryStreamVersionId("1")
        .destinationId(destinationId)
        .extendedS3DestinationUpdate(u -> u.bufferingHints(h -> h.intervalInSeconds(120))
            .encryptionConfiguration(e -> e.kmsEncryptionConfig(k -> k.awskmsKeyARN("arn:aws:kms:key")))));

    DeliveryStreamDescription d = describe("archive");
    assertThat(d.versionId()).isEqualTo("2");
    var s3 = d.destinations().get(0).extendedS3DestinationDescription();
    assertThat(s3.bufferingHints().intervalInSeconds()).isEqualTo(120);
    assertThat(s3.bufferingHints().sizeInMBs()).isEqualTo(5);
    assertThat(s3.prefix()).isEqualTo("events/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/");
    assertThat(s3.errorOutputPrefix()).isEqualTo("errors/!{firehose:error-output-type}/");
    assertThat(s3.compressionFormat()).isEqualTo(CompressionFormat.GZIP);
    assertThat(s3.encryptionConfiguration().kmsEncryptionConfig().awskmsKeyARN()).isEqualTo("arn:aws:kms:key");
    assertThat(s3.encryptionConfiguration().noEncryptionConfigAsString()).isNull();
    assertThat(d.destinations().get(0).s3DestinationDescription().bufferingHints().sizeInMBs()).isEqualTo(5);
  }

  @Test
  void switchingBetweenOpenSearchAndS3InPlaceIsRefused() {
    aws.lifecycle().firehose().instant();
    createOpenSearch("events");
    String destinationId = describe("events").destinations().get(0).destinationId();

    assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("events")
        .currentDeliveryStreamVersionId("1").destinationId(destinationId)
        .extendedS3DestinationUpdate(u -> u.prefix("events/"))))
        .isInstanceOf(InvalidArgumentException.class)
        .hasMessageContaining("Switching between Amazon OpenSearch Service and other services");
    assertThat(describe("events").versionId()).isEqualTo("1");
  }

  @Test
  void anArrangedCreationFailureEndsInCreatingFailedWithItsDescription() {
    aws.lifecycle().firehose().transitionalDescribes(1);
    aws.firehose().failNextCreate("INVALID_KMS_KEY", "The KMS key is not valid.");
    createOpenSearch("doomed");

    assertThat(describe("doomed").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.CREATING);
    DeliveryStreamDescription failed = describe("doomed");
    assertThat(failed.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.CREATING_FAILED);
    assertThat(failed.failureDescription().type()).isEqualTo(DeliveryStreamFailureType.INVALID_KMS_KEY);
    assertThat(failed.failureDescription().details()).isEqualTo("The KMS key is not valid.");
    assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("doomed")
        .currentDeliveryStreamVersionId("1").destinationId(failed.destinations().get(0).destinationId())
        .amazonopensearchserviceDestinationUpdate(u -> u.indexName("x"))))
        .isInstanceOf(ResourceInUseException.class).hasMessageContaining("CREATING_FAILED");

    firehose.deleteDeliveryStream(b -> b.deliveryStreamName("doomed"));
    assertThat(describe("doomed").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.DELETING);
    assertThatThrownBy(() -> describe("doomed")).isInstanceOf(ResourceNotFoundException.class);

    createOpenSearch("healthy");
    describe("healthy");
    assertThat(describe("healthy").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
  }

  @Test
  void anArrangedDeletionFailureStaysUntilAForcedDelete() {
    aws.lifecycle().firehose().instant();
    createS3("stuck");
    aws.lifecycle().firehose().transitionalDescribes(1);
    aws.firehose().failNextDelete("RETIRE_KMS_GRANT_FAILED", "Firehose could not retire the grant.");

    firehose.deleteDeliveryStream(b -> b.deliveryStreamName("stuck"));
    assertThat(describe("stuck").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.DELETING);
    DeliveryStreamDescription failed = describe("stuck");
    assertThat(failed.deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.DELETING_FAILED);
    assertThat(failed.failureDescription().type()).isEqualTo(DeliveryStreamFailureType.RETIRE_KMS_GRANT_FAILED);
    firehose.deleteDeliveryStream(b -> b.deliveryStreamName("stuck"));
    assertThat(describe("stuck").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.DELETING_FAILED);

    firehose.deleteDeliveryStream(b -> b.deliveryStreamName("stuck").allowForceDelete(true));
    assertThat(describe("stuck").deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.DELETING);
    assertThatThrownBy(() -> describe("stuck")).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void theNextCreatesAreRefusedWhileTheRoleCannotBeAssumed() {
    aws.firehose().unableToAssumeRoleOnNextCreates(2);

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> createOpenSearch("early"))
          .isInstanceOfSatisfying(InvalidArgumentException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Firehose is unable to assume role " + ROLE + ". Please check the role provided.");
          });
      assertThatThrownBy(() -> describe("early")).isInstanceOf(ResourceNotFoundException.class);
    }
    createOpenSearch("early");
    assertThat(describe("early").deliveryStreamARN()).endsWith(":deliverystream/early");
  }
}
