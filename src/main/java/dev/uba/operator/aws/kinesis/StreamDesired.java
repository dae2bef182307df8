package dev.uba.operator.aws.kinesis;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * The stream the spec asks for, defaults applied.
 *
 * @param shards open shards; ignored for ON_DEMAND
 * @param kmsKeyId null when encryption is NONE
 */
public record StreamDesired(
    String name, String mode, int shards, int retentionHours, String kmsKeyId, Map<String, String> tags)
    implements Desired {

  public boolean encrypted() {
    return kmsKeyId != null;
  }

  public boolean provisioned() {
    return "PROVISIONED".equals(mode);
  }
}
