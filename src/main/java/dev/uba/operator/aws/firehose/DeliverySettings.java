package dev.uba.operator.aws.firehose;

/**
 * What a delivery stream does, in the terms the spec sets, as both the desired state and what
 * DescribeDeliveryStream reports (so the two compare field by field).
 *
 * @param destination OpenSearch (backup to S3) or S3 (the events themselves)
 * @param domainArn, indexName, indexRotation, retrySeconds, backupMode OpenSearch only; null for S3
 * @param prefix the S3 prefix (events/ or backup/ by default), as sent to Firehose
 * @param errorPrefix S3 only: where records that could not be delivered go
 * @param kmsKeyArn S3 only: the archive's KMS key, or null for its default encryption
 * @param lambdaArn the processor, or null
 * @param logGroupName the error log group, or null without error logging
 */
public record DeliverySettings(Destination destination, String streamArn, String roleArn, String bucketArn,
    String prefix, String errorPrefix, String kmsKeyArn, int bufferIntervalSeconds, int bufferSizeMiB,
    String domainArn, String indexName, String indexRotation, Integer retrySeconds, String backupMode,
    String lambdaArn, String logGroupName) {

  public enum Destination { OpenSearch, S3 }

  /** The log stream Firehose writes delivery errors to, in the pipeline's log group. */
  public static final String LOG_STREAM = "DestinationDelivery";
}
