package dev.uba.operator.aws.kinesis;

import dev.uba.operator.engine.Ownership;
import java.util.ArrayList;
import java.util.List;

/** The differences between a desired and an actual stream (pure). */
public final class StreamDrift {
  private StreamDrift() {}

  public static List<String> of(StreamDesired desired, StreamActual actual) {
    List<String> drift = new ArrayList<>();
    if (!desired.mode().equals(actual.mode())) {
      drift.add("mode " + actual.mode() + " -> " + desired.mode());
    }
    if (desired.provisioned() && desired.shards() != actual.openShards()) {
      drift.add("shards " + actual.openShards() + " -> " + desired.shards());
    }
    if (desired.retentionHours() != actual.retentionHours()) {
      drift.add("retentionHours " + actual.retentionHours() + " -> " + desired.retentionHours());
    }
    if (desired.encrypted() != actual.encrypted()) {
      drift.add("encryption " + actual.encryptionType() + " -> " + (desired.encrypted() ? "KMS" : "NONE"));
    } else if (desired.encrypted() && !desired.kmsKeyId().equals(actual.kmsKeyId())) {
      drift.add("kmsKeyId " + actual.kmsKeyId() + " -> " + desired.kmsKeyId());
    }
    drift.addAll(Ownership.tagDrift(desired.tags(), actual.tags()));
    return drift;
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
