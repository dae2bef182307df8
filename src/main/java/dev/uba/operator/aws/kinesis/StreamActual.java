package dev.uba.operator.aws.kinesis;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/** A Kinesis stream as DescribeStreamSummary and ListTagsForStream report it. */
public record StreamActual(
    String name, String arn, String status, String mode, int openShards, int retentionHours,
    String encryptionType, String kmsKeyId, Map<String, String> tags) implements Observed {

  public boolean encrypted() {
    return "KMS".equals(encryptionType);
  }
}
