package dev.uba.operator.aws.kinesis;

import dev.uba.operator.engine.Drift;

/** The differences between a desired and an actual stream (pure). */
public final class StreamDrift {
  private StreamDrift() {}

  public static final String MODE = "mode";
  public static final String SHARDS = "shards";
  public static final String RETENTION_HOURS = "retentionHours";
  public static final String ENCRYPTION = "encryption";
  public static final String KMS_KEY_ID = "kmsKeyId";

  public static Drift of(StreamDesired desired, StreamActual actual) {
    return Drift.builder()
        .field(MODE, desired.mode(), actual.mode())
        .fieldIf(desired.provisioned() && desired.shards() != actual.openShards(), SHARDS, desired.shards(),
            actual.openShards())
        .field(RETENTION_HOURS, desired.retentionHours(), actual.retentionHours())
        .fieldIf(desired.encrypted() != actual.encrypted(), ENCRYPTION, desired.encrypted() ? "KMS" : "NONE",
            actual.encryptionType())
        .fieldIf(desired.encrypted() && actual.encrypted() && !desired.kmsKeyId().equals(actual.kmsKeyId()),
            KMS_KEY_ID, desired.kmsKeyId(), actual.kmsKeyId())
        .tags(desired.tags(), actual.tags())
        .build();
  }

  /**
   * The next target of UpdateShardCount: AWS scales at most to double or to half of the current
   * open shards in one call, so a larger change takes several steps.
   */
  public static int nextShardCount(int current, int desired) {
    if (desired > current) {
      return Math.min(desired, current * 2);
    }
    return Math.max(desired, (current + 1) / 2);
  }
}
