package dev.uba.operator.aws.firehose;

import java.util.List;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationDescription;
import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationUpdate;
import software.amazon.awssdk.services.firehose.model.CloudWatchLoggingOptions;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.DestinationDescription;
import software.amazon.awssdk.services.firehose.model.EncryptionConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationDescription;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationUpdate;
import software.amazon.awssdk.services.firehose.model.ProcessingConfiguration;
import software.amazon.awssdk.services.firehose.model.Processor;
import software.amazon.awssdk.services.firehose.model.ProcessorParameter;
import software.amazon.awssdk.services.firehose.model.S3DestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.S3DestinationDescription;

/**
 * The Firehose API's shapes of a delivery, to and from {@link DeliverySettings} (pure). Every
 * update sends the whole destination: AWS merges nested settings, emulators may replace them, and
 * a full update is right for both.
 */
final class DeliveryRequests {
  private DeliveryRequests() {}

  static AmazonopensearchserviceDestinationConfiguration openSearch(DeliverySettings s) {
    return AmazonopensearchserviceDestinationConfiguration.builder()
        .roleARN(s.roleArn()).domainARN(s.domainArn()).indexName(s.indexName())
        .indexRotationPeriod(s.indexRotation())
        .bufferingHints(b -> b.intervalInSeconds(s.bufferIntervalSeconds()).sizeInMBs(s.bufferSizeMiB()))
        .retryOptions(r -> r.durationInSeconds(s.retrySeconds()))
        .s3BackupMode(s.backupMode())
        .s3Configuration(S3DestinationConfiguration.builder().roleARN(s.roleArn()).bucketARN(s.bucketArn())
            .prefix(s.prefix()).compressionFormat(CompressionFormat.GZIP).build())
        .processingConfiguration(processing(s)).cloudWatchLoggingOptions(logging(s))
        .build();
  }

  static AmazonopensearchserviceDestinationUpdate openSearchUpdate(DeliverySettings s) {
    return AmazonopensearchserviceDestinationUpdate.builder()
        .roleARN(s.roleArn()).domainARN(s.domainArn()).indexName(s.indexName())
        .indexRotationPeriod(s.indexRotation())
        .bufferingHints(b -> b.intervalInSeconds(s.bufferIntervalSeconds()).sizeInMBs(s.bufferSizeMiB()))
        .retryOptions(r -> r.durationInSeconds(s.retrySeconds()))
        .s3Update(u -> u.roleARN(s.roleArn()).bucketARN(s.bucketArn()).prefix(s.prefix())
            .compressionFormat(CompressionFormat.GZIP))
        .processingConfiguration(processing(s)).cloudWatchLoggingOptions(logging(s))
        .build();
  }

  static ExtendedS3DestinationConfiguration s3(DeliverySettings s) {
    return ExtendedS3DestinationConfiguration.builder()
        .roleARN(s.roleArn()).bucketARN(s.bucketArn()).prefix(s.prefix()).errorOutputPrefix(s.errorPrefix())
        .bufferingHints(b -> b.intervalInSeconds(s.bufferIntervalSeconds()).sizeInMBs(s.bufferSizeMiB()))
        .compressionFormat(CompressionFormat.GZIP).encryptionConfiguration(encryption(s))
        .processingConfiguration(processing(s)).cloudWatchLoggingOptions(logging(s))
        .build();
  }

  static ExtendedS3DestinationUpdate s3Update(DeliverySettings s) {
    return ExtendedS3DestinationUpdate.builder()
        .roleARN(s.roleArn()).bucketARN(s.bucketArn()).prefix(s.prefix()).errorOutputPrefix(s.errorPrefix())
        .bufferingHints(b -> b.intervalInSeconds(s.bufferIntervalSeconds()).sizeInMBs(s.bufferSizeMiB()))
        .compressionFormat(CompressionFormat.GZIP).encryptionConfiguration(encryption(s))
        .processingConfiguration(processing(s)).cloudWatchLoggingOptions(logging(s))
        .build();
  }

  private static EncryptionConfiguration encryption(DeliverySettings s) {
    return s.kmsKeyArn() == null ? EncryptionConfiguration.builder().noEncryptionConfig("NoEncryption").build()
        : EncryptionConfiguration.builder().kmsEncryptionConfig(k -> k.awskmsKeyARN(s.kmsKeyArn())).build();
  }

  private static ProcessingConfiguration processing(DeliverySettings s) {
    if (s.lambdaArn() == null) {
      return ProcessingConfiguration.builder().enabled(false).build();
    }
    return ProcessingConfiguration.builder().enabled(true).processors(Processor.builder().type("Lambda")
        .parameters(ProcessorParameter.builder().parameterName("LambdaArn").parameterValue(s.lambdaArn()).build())
        .build()).build();
  }

  private static CloudWatchLoggingOptions logging(DeliverySettings s) {
    return s.logGroupName() == null ? CloudWatchLoggingOptions.builder().enabled(false).build()
        : CloudWatchLoggingOptions.builder().enabled(true).logGroupName(s.logGroupName())
            .logStreamName(DeliverySettings.LOG_STREAM).build();
  }

  /** What the first destination of a description says, in the spec's terms. */
  static DeliverySettings settingsOf(String streamArn, DestinationDescription d) {
    AmazonopensearchserviceDestinationDescription os = d.amazonopensearchserviceDestinationDescription();
    if (os != null) {
      S3DestinationDescription backup = os.s3DestinationDescription();
      return new DeliverySettings(DeliverySettings.Destination.OpenSearch, streamArn, os.roleARN(),
          backup == null ? null : backup.bucketARN(), backup == null ? null : backup.prefix(), null, null,
          intOf(os.bufferingHints() == null ? null : os.bufferingHints().intervalInSeconds()),
          intOf(os.bufferingHints() == null ? null : os.bufferingHints().sizeInMBs()),
          os.domainARN(), os.indexName(), os.indexRotationPeriodAsString(),
          os.retryOptions() == null ? null : os.retryOptions().durationInSeconds(), os.s3BackupModeAsString(),
          lambdaOf(os.processingConfiguration()), logGroupOf(os.cloudWatchLoggingOptions()));
    }
    ExtendedS3DestinationDescription s3 = d.extendedS3DestinationDescription();
    if (s3 == null) {
      return null;
    }
    String key = s3.encryptionConfiguration() == null || s3.encryptionConfiguration().kmsEncryptionConfig() == null
        ? null : s3.encryptionConfiguration().kmsEncryptionConfig().awskmsKeyARN();
    return new DeliverySettings(DeliverySettings.Destination.S3, streamArn, s3.roleARN(), s3.bucketARN(),
        s3.prefix(), s3.errorOutputPrefix(), key,
        intOf(s3.bufferingHints() == null ? null : s3.bufferingHints().intervalInSeconds()),
        intOf(s3.bufferingHints() == null ? null : s3.bufferingHints().sizeInMBs()),
        null, null, null, null, null, lambdaOf(s3.processingConfiguration()), logGroupOf(s3.cloudWatchLoggingOptions()));
  }

  private static String lambdaOf(ProcessingConfiguration p) {
    if (p == null || !Boolean.TRUE.equals(p.enabled())) {
      return null;
    }
    return p.processors().stream().flatMap(proc -> proc.parameters().stream())
        .filter(param -> "LambdaArn".equals(param.parameterNameAsString()))
        .map(ProcessorParameter::parameterValue).findFirst().orElse(null);
  }

  private static String logGroupOf(CloudWatchLoggingOptions o) {
    return o == null || !Boolean.TRUE.equals(o.enabled()) ? null : o.logGroupName();
  }

  private static int intOf(Integer i) {
    return i == null ? 0 : i;
  }

  static List<software.amazon.awssdk.services.firehose.model.Tag> tags(java.util.Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> software.amazon.awssdk.services.firehose.model.Tag.builder()
        .key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
