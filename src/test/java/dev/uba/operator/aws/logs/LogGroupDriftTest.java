package dev.uba.operator.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LogGroupDriftTest {
  private static final Map<String, String> TAGS = Map.of("uba.dev/owner", "ns/anomalyalert/a", "team", "ml");
  private static final LogGroupDesired DESIRED = LogGroupDesired.managed("/uba/serving",
      "arn:aws:logs:us-east-1:123456789012:log-group:/uba/serving", 30, TAGS);

  private static LogGroupActual actual(Integer retentionDays, Map<String, String> tags) {
    return new LogGroupActual("/uba/serving", DESIRED.arn(), retentionDays, tags);
  }

  @Test
  void aLogGroupAsCreatedHasNoDrift() {
    assertThat(LogGroupDrift.of(DESIRED, actual(30, TAGS)).isEmpty()).isTrue();
  }

  @Test
  void aChangedRetentionReadsInDays() {
    assertThat(LogGroupDrift.of(DESIRED, actual(7, TAGS)).described()).containsExactly("retention 7 days -> 30 days");
    assertThat(LogGroupDrift.of(DESIRED, actual(null, TAGS)).described())
        .containsExactly("retention never expire -> 30 days");
  }

  @Test
  void tagsAreComparedAwsTagsIgnored() {
    var drift = LogGroupDrift.of(DESIRED, actual(30, Map.of("uba.dev/owner", "ns/anomalyalert/a", "team", "search",
        "rogue", "yes", "aws:cloudformation:stack-id", "x")));
    assertThat(drift.described()).containsExactlyInAnyOrder("tag team", "tag rogue removed");
    assertThat(drift.has(LogGroupDrift.RETENTION)).isFalse();
    assertThat(drift.hasMoreThanTags()).isFalse();
  }
}
