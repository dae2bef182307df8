package dev.uba.operator.testenv.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.WeekFields;

/**
 * The index a document goes to under an {@code IndexRotationPeriod}, following "Configure index
 * rotation for OpenSearch Service" (Amazon Data Firehose Developer Guide): Firehose appends a
 * portion of the UTC arrival timestamp to the index name; for {@code myindex} and
 * 2016-02-25T13:00:00Z: NoRotation {@code myindex}, OneHour {@code myindex-2016-02-25-13}, OneDay
 * {@code myindex-2016-02-25}, OneWeek {@code myindex-2016-w08}, OneMonth {@code myindex-2016-02}.
 *
 * <p>OneWeek: the guide's note gives the format {@code <YEAR>-w<WEEK NUMBER>} with US conventions
 * (a week starts on Sunday; the first week of the year is the first week that contains a Saturday
 * of the year, i.e. the week holding January 1st), which is what this class computes. The guide's
 * own table example ({@code 2016-w08} for 2016-02-25) is the ISO week number and disagrees with that
 * note (the US rule gives week 9); the note, the stated rule, is followed here.
 */
final class IndexRotation {

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
  /** Sunday first; week 1 is the one containing January 1st. */
  private static final WeekFields US_WEEKS = WeekFields.SUNDAY_START;

  private IndexRotation() {}

  /** {@code indexName} with the suffix of {@code period} (null means OneDay, the API default). */
  static String index(String indexName, String period, Instant arrival) {
    ZonedDateTime t = arrival.atZone(ZoneOffset.UTC);
    String p = period == null ? "OneDay" : period;
    switch (p) {
      case "NoRotation":
        return indexName;
      case "OneHour":
        return indexName + "-" + HOUR.format(t);
      case "OneWeek":
        return indexName + "-" + t.get(US_WEEKS.weekBasedYear()) + "-w"
            + String.format("%02d", t.get(US_WEEKS.weekOfWeekBasedYear()));
      case "OneMonth":
        return indexName + "-" + MONTH.format(t);
      case "OneDay":
      default:
        return indexName + "-" + DAY.format(t);
    }
  }
}
