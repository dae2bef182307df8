package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The index names of "Configure index rotation for OpenSearch Service". */
class IndexRotationTest {

  private static final Instant GUIDE_EXAMPLE = Instant.parse("2016-02-25T13:00:00Z");

  @Test
  void theGuidesExampleForEachPeriod() {
    assertThat(IndexRotation.index("myindex", "NoRotation", GUIDE_EXAMPLE)).isEqualTo("myindex");
    assertThat(IndexRotation.index("myindex", "OneHour", GUIDE_EXAMPLE)).isEqualTo("myindex-2016-02-25-13");
    assertThat(IndexRotation.index("myindex", "OneDay", GUIDE_EXAMPLE)).isEqualTo("myindex-2016-02-25");
    assertThat(IndexRotation.index("myindex", "OneMonth", GUIDE_EXAMPLE)).isEqualTo("myindex-2016-02");
  }

  @Test
  void oneDayIsTheDefault() {
    assertThat(IndexRotation.index("uba-events", null, GUIDE_EXAMPLE)).isEqualTo("uba-events-2016-02-25");
  }

  @Test
  void weeksFollowTheUsConventionsOfTheGuidesNote() {
    // weeks start on Sunday; week 1 is the one holding January 1st (a Friday in 2016)
    assertThat(IndexRotation.index("i", "OneWeek", Instant.parse("2016-01-01T00:00:00Z"))).isEqualTo("i-2016-w01");
    assertThat(IndexRotation.index("i", "OneWeek", Instant.parse("2016-01-02T23:59:59Z"))).isEqualTo("i-2016-w01");
    assertThat(IndexRotation.index("i", "OneWeek", Instant.parse("2016-01-03T00:00:00Z"))).isEqualTo("i-2016-w02");
    assertThat(IndexRotation.index("i", "OneWeek", GUIDE_EXAMPLE)).isEqualTo("i-2016-w09");
    // the last days of December that share a week with January 1st belong to the new year
    assertThat(IndexRotation.index("i", "OneWeek", Instant.parse("2015-12-29T12:00:00Z"))).isEqualTo("i-2016-w01");
  }

  @Test
  void rotationUsesUtc() {
    assertThat(IndexRotation.index("i", "OneHour", Instant.parse("2026-03-01T23:30:00Z"))).isEqualTo("i-2026-03-01-23");
  }
}
