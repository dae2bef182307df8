package dev.uba.operator.aws.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationDescription;
import software.amazon.awssdk.services.firehose.model.DestinationDescription;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;

/** The Firehose shapes built from the settings read back as the same settings. */
class DeliveryRequestsTest {
  private static final DeliverySettings OPENSEARCH = new DeliverySettings(DeliverySettings.Destination.OpenSearch,
      "arn:stream", "arn:role", "arn:aws:s3:::b", "backup/", null, null, 60, 5, "arn:domain", "uba-events", "OneDay",
      300, "FailedDocumentsOnly", "arn:aws:lambda:us-east-1:123456789012:function:enrich", "/aws/kinesisfirehose/d");
  private static final DeliverySettings S3 = new DeliverySettings(DeliverySettings.Destination.S3, "arn:stream",
      "arn:role", "arn:aws:s3:::b", "events/", "errors/", "arn:aws:kms:us-east-1:123456789012:key/k", 900, 100,
      null, null, null, null, null, null, null);

  @Test
  void anOpenSearchDestinationRoundTrips() {
    var c = DeliveryRequests.openSearch(OPENSEARCH);
    assertThat(c.s3Configuration().compressionFormatAsString()).isEqualTo("GZIP");
    assertThat(c.cloudWatchLoggingOptions().logStreamName()).isEqualTo(DeliverySettings.LOG_STREAM);
    var described = AmazonopensearchserviceDestinationDescription.builder()
        .roleARN(c.roleARN()).domainARN(c.domainARN()).indexName(c.indexName()).indexRotationPeriod(c.indexRotationPeriod())
        .bufferingHints(c.bufferingHints()).retryOptions(c.retryOptions()).s3BackupMode(c.s3BackupMode())
        .s3DestinationDescription(d -> d.bucketARN(c.s3Configuration().bucketARN()).prefix(c.s3Configuration().prefix()))
        .processingConfiguration(c.processingConfiguration()).cloudWatchLoggingOptions(c.cloudWatchLoggingOptions())
        .build();
    assertThat(DeliveryRequests.settingsOf("arn:stream",
        DestinationDescription.builder().amazonopensearchserviceDestinationDescription(described).build()))
        .isEqualTo(OPENSEARCH);
  }

  @Test
  void anS3DestinationRoundTripsWithItsKeyAndWithoutLoggingOrProcessor() {
    var c = DeliveryRequests.s3(S3);
    assertThat(c.cloudWatchLoggingOptions().enabled()).isFalse();
    assertThat(c.processingConfiguration().enabled()).isFalse();
    var described = ExtendedS3DestinationDescription.builder().roleARN(c.roleARN()).bucketARN(c.bucketARN())
        .prefix(c.prefix()).errorOutputPrefix(c.errorOutputPrefix()).bufferingHints(c.bufferingHints())
        .compressionFormat(c.compressionFormat()).encryptionConfiguration(c.encryptionConfiguration())
        .processingConfiguration(c.processingConfiguration()).cloudWatchLoggingOptions(c.cloudWatchLoggingOptions())
        .build();
    assertThat(DeliveryRequests.settingsOf("arn:stream",
        DestinationDescription.builder().extendedS3DestinationDescription(described).build())).isEqualTo(S3);
  }
}
