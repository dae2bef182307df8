package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * One training of a solution. A solution version has no name: its identity is the ARN
 * CreateSolutionVersion returns, which status records.
 *
 * @param solutionName the solution's name, for messages while the version's ARN is not known
 * @param arn the version status records, or null for a training not started yet (a running
 *     training of the solution is then taken up rather than a second one started)
 * @param reason why a new training is asked for ("first training", "annotation ..."), for the
 *     Event that says it started
 */
public record SolutionVersionDesired(String solutionName, String arn, String solutionArn, String reason,
    Map<String, String> tags) implements PersonalizeDesired {

  /** The ARN once known; before that, which solution the training belongs to. */
  @Override
  public String name() {
    return arn != null ? arn : "of solution " + solutionName;
  }
}
