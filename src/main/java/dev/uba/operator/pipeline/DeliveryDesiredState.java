package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.DeliverySpec;
import dev.uba.operator.aws.firehose.DeliveryDesired;
import dev.uba.operator.aws.firehose.DeliverySettings;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.s3.BucketDesired;
import java.util.Map;

/**
 * The delivery stream a pipeline asks for (pure): into the domain with backup to the archive when
 * the pipeline has search, else the events themselves into the archive. Without search, the
 * OpenSearch settings (indexName, indexRotation, retrySeconds, backup) are ignored, as the
 * contract says.
 */
final class DeliveryDesiredState {
  static final String OPENSEARCH_BACKUP_PREFIX = "backup/";
  static final String S3_PREFIX = "events/";
  /** Firehose's own placeholders: the day a record arrived, in UTC. */
  static final String DAY_PARTITION = "!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/";
  static final String ERROR_PREFIX = "errors/!{firehose:error-output-type}/";

  private DeliveryDesiredState() {}

  /** @param domainArn null without search */
  static DeliveryDesired of(DeliverySpec d, String name, String streamArn, String roleArn, BucketDesired archive,
      String domainArn, LogGroupDesired logGroup, Map<String, String> tags) {
    String lambda = blankToNull(d.getProcessorLambdaArn());
    String logs = logGroup == null ? null : logGroup.name();
    String prefix = blankToNull(d.getS3Prefix());
    DeliverySettings settings = domainArn != null
        ? new DeliverySettings(DeliverySettings.Destination.OpenSearch, streamArn, roleArn, archive.arn(),
            prefix == null ? OPENSEARCH_BACKUP_PREFIX : prefix, null, null, d.getBufferIntervalSeconds(),
            d.getBufferSizeMiB(), domainArn, d.getIndexName(), d.getIndexRotation().name(), d.getRetrySeconds(),
            d.getBackup().name(), lambda, logs)
        : new DeliverySettings(DeliverySettings.Destination.S3, streamArn, roleArn, archive.arn(),
            (prefix == null ? S3_PREFIX : prefix) + DAY_PARTITION, ERROR_PREFIX, archive.kmsKeyId(),
            d.getBufferIntervalSeconds(), d.getBufferSizeMiB(), null, null, null, null, null, lambda, logs);
    return new DeliveryDesired(name, settings, tags);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
