package dev.uba.operator.aws.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamDriftTest {
  private static final Map<String, String> TAGS = Map.of(
      "team", "growth", "uba.dev/managed-by", "uba-operator", "uba.dev/owner", "ns/ubapipeline/s");

  private static StreamDesired desired(String mode, int shards, int retention, String kms) {
    return new StreamDesired("ns-s", mode, shards, retention, kms, TAGS);
  }

  private static StreamActual actual(String mode, int shards, int retention, String encryption, String kms,
      Map<String, String> tags) {
    return new StreamActual("ns-s", "arn:aws:kinesis:us-east-1:123456789012:stream/ns-s", "ACTIVE", mode, shards,
        retention, encryption, kms, tags);
  }

  @Test
  void noDriftWhenEverythingMatches() {
    assertThat(StreamDrift.of(desired("PROVISIONED", 2, 24, "alias/aws/kinesis"),
        actual("PROVISIONED", 2, 24, "KMS", "alias/aws/kinesis", TAGS)).described()).isEmpty();
    assertThat(StreamDrift.of(desired("PROVISIONED", 2, 24, null),
        actual("PROVISIONED", 2, 24, "NONE", null, TAGS)).described()).isEmpty();
  }

  @Test
  void modeDrift() {
    List<String> drift = StreamDrift.of(desired("ON_DEMAND", 1, 24, null), actual("PROVISIONED", 1, 24, "NONE", null, TAGS)).described();
    assertThat(drift).singleElement().asString().startsWith("mode").contains("PROVISIONED").contains("ON_DEMAND");
  }

  @Test
  void shardDriftOnlyForProvisionedStreams() {
    assertThat(StreamDrift.of(desired("PROVISIONED", 4, 24, null), actual("PROVISIONED", 2, 24, "NONE", null, TAGS)).described())
        .singleElement().asString().startsWith("shards").contains("2").contains("4");
    // AWS scales on-demand streams itself: their shard count is never drift
    assertThat(StreamDrift.of(desired("ON_DEMAND", 1, 24, null), actual("ON_DEMAND", 4, 24, "NONE", null, TAGS)).described())
        .isEmpty();
  }

  @Test
  void retentionDrift() {
    assertThat(StreamDrift.of(desired("PROVISIONED", 1, 48, null), actual("PROVISIONED", 1, 24, "NONE", null, TAGS)).described())
        .singleElement().asString().startsWith("retentionHours").contains("24").contains("48");
    assertThat(StreamDrift.of(desired("PROVISIONED", 1, 24, null), actual("PROVISIONED", 1, 168, "NONE", null, TAGS)).described())
        .singleElement().asString().startsWith("retentionHours");
  }

  @Test
  void encryptionTurnedOnOrOff() {
    assertThat(StreamDrift.of(desired("PROVISIONED", 1, 24, "alias/aws/kinesis"),
        actual("PROVISIONED", 1, 24, "NONE", null, TAGS)).described())
        .singleElement().asString().startsWith("encryption").contains("KMS");
    assertThat(StreamDrift.of(desired("PROVISIONED", 1, 24, null),
        actual("PROVISIONED", 1, 24, "KMS", "alias/aws/kinesis", TAGS)).described())
        .singleElement().asString().startsWith("encryption").contains("NONE");
  }

  @Test
  void kmsKeyChange() {
    assertThat(StreamDrift.of(desired("PROVISIONED", 1, 24, "alias/mine"),
        actual("PROVISIONED", 1, 24, "KMS", "alias/aws/kinesis", TAGS)).described())
        .singleElement().asString().startsWith("kmsKeyId").contains("alias/mine");
  }

  @Test
  void tagDrift() {
    Map<String, String> changed = new java.util.HashMap<>(TAGS);
    changed.put("team", "search");
    changed.put("extra", "x");
    changed.put("aws:kinesis:foo", "ignored");
    assertThat(StreamDrift.of(desired("PROVISIONED", 1, 24, null), actual("PROVISIONED", 1, 24, "NONE", null, changed)).described())
        .containsExactlyInAnyOrder("tag team", "tag extra removed");
  }

  @Test
  void everyDifferenceIsListed() {
    assertThat(StreamDrift.of(desired("PROVISIONED", 3, 72, "alias/aws/kinesis"),
        actual("PROVISIONED", 1, 24, "NONE", null, Map.of())).described()).hasSize(3 + TAGS.size());
  }

  private static List<Integer> steps(int from, int to) {
    List<Integer> steps = new ArrayList<>();
    steps.add(from);
    int current = from;
    while (current != to && steps.size() < 50) {
      current = StreamDrift.nextShardCount(current, to);
      steps.add(current);
    }
    return steps;
  }

  @Test
  void scalingUpDoublesAtMostPerStep() {
    assertThat(steps(1, 5)).containsExactly(1, 2, 4, 5);
    assertThat(steps(3, 4)).containsExactly(3, 4);
    assertThat(steps(2, 16)).containsExactly(2, 4, 8, 16);
  }

  @Test
  void scalingDownHalvesAtMostPerStep() {
    assertThat(steps(8, 1)).containsExactly(8, 4, 2, 1);
    // AWS refuses going below half: 5 -> 3 (not 2)
    assertThat(steps(5, 1)).containsExactly(5, 3, 2, 1);
    assertThat(steps(10, 7)).containsExactly(10, 7);
  }

  @Test
  void eachStepStaysWithinWhatAwsAllows() {
    for (int from = 1; from <= 40; from++) {
      for (int to = 1; to <= 40; to++) {
        int next = StreamDrift.nextShardCount(from, to);
        assertThat(next).as("%d -> %d", from, to).isBetween(1, 2 * from);
        assertThat(2 * next).as("%d -> %d", from, to).isGreaterThanOrEqualTo(from);
        if (from != to) {
          assertThat(next).as("%d -> %d makes progress", from, to).isNotEqualTo(from);
        }
      }
    }
  }
}
