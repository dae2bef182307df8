package dev.uba.operator.aws.firehose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.engine.Drift;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What differs between a desired and an actual delivery stream, and what can change in place. */
class DeliveryDriftTest {
  private static final Map<String, String> TAGS = Map.of("uba.dev/owner", "analytics/ubapipeline/clicks");

  private static DeliverySettings openSearch(int interval, String backup) {
    return new DeliverySettings(DeliverySettings.Destination.OpenSearch, "arn:stream", "arn:role", "arn:aws:s3:::b",
        "backup/", null, null, interval, 5, "arn:domain", "uba-events", "OneDay", 300, backup, null,
        "/aws/kinesisfirehose/d");
  }

  private static DeliverySettings s3() {
    return new DeliverySettings(DeliverySettings.Destination.S3, "arn:stream", "arn:role", "arn:aws:s3:::b",
        "events/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/", "errors/!{firehose:error-output-type}/", null,
        60, 5, null, null, null, null, null, null, null);
  }

  private static Drift drift(DeliverySettings desired, DeliverySettings actual, Map<String, String> tags) {
    return DeliveryDrift.of(new DeliveryDesired("d", desired, TAGS),
        new DeliveryActual("d", "arn:d", "ACTIVE", "1", "destinationId-000000000001", null, actual, tags));
  }

  @Test
  void aStreamAsCreatedHasNoDrift() {
    assertThat(drift(openSearch(60, "FailedDocumentsOnly"), openSearch(60, "FailedDocumentsOnly"), TAGS).isEmpty())
        .isTrue();
    assertThat(drift(s3(), s3(), TAGS).isEmpty()).isTrue();
  }

  @Test
  void settingsDifferInPlace() {
    Drift d = drift(openSearch(120, "FailedDocumentsOnly"), openSearch(60, "FailedDocumentsOnly"), TAGS);
    assertThat(d.described()).containsExactly("bufferIntervalSeconds 60 -> 120");
    assertThat(DeliveryDrift.needsReplacement(d)).isFalse();
  }

  @Test
  void anotherDestinationTypeNeedsANewStreamAndNothingElseIsCompared() {
    Drift d = drift(openSearch(60, "FailedDocumentsOnly"), s3(), TAGS);
    assertThat(d.described()).containsExactly("destination S3 -> OpenSearch");
    assertThat(DeliveryDrift.needsReplacement(d)).isTrue();
  }

  @Test
  void theBackupModeIsReportedForTheImmutableCheck() {
    Drift d = drift(openSearch(60, "AllDocuments"), openSearch(60, "FailedDocumentsOnly"), TAGS);
    assertThat(d.has(DeliveryDrift.BACKUP)).isTrue();
  }

  @Test
  void tagsAreDriftToo() {
    Drift d = drift(s3(), s3(), Map.of("uba.dev/owner", "analytics/ubapipeline/clicks", "stray", "x"));
    assertThat(d.described()).containsExactly("tag stray removed");
    assertThat(d.hasMoreThanTags()).isFalse();
  }
}
