package dev.uba.operator.testenv.aws;

import software.amazon.awssdk.services.firehose.model.AmazonopensearchserviceDestinationConfiguration;
import software.amazon.awssdk.services.firehose.model.CompressionFormat;
import software.amazon.awssdk.services.firehose.model.ExtendedS3DestinationConfiguration;

/** What the local Firehose's tests share: names, the destinations the operator sends. */
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
}
