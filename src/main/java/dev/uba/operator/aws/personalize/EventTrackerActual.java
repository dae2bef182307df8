package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * An event tracker as DescribeEventTracker and ListTagsForResource report it.
 *
 * @param trackingId for the applications' Secret only: never printed (see {@link #toString})
 */
public record EventTrackerActual(String name, String arn, String status, String trackingId, Map<String, String> tags)
    implements PersonalizeActual {

  @Override
  public String toString() {
    return "EventTrackerActual[" + name + ", " + arn + ", " + status + "]";
  }
}
