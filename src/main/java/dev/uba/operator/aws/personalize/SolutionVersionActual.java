package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * A solution version as DescribeSolutionVersion reports it, with GetSolutionMetrics once it is
 * ACTIVE (empty before).
 */
public record SolutionVersionActual(String arn, String solutionArn, String status, String failureReason,
    Map<String, Double> metrics) implements PersonalizeActual {

  /** Solution versions are not tagged by the operator after creation: ownership is the solution's. */
  @Override
  public Map<String, String> tags() {
    return Map.of();
  }
}
