package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * A campaign as DescribeCampaign and ListTagsForResource report it.
 *
 * @param solutionVersionArn the version it deploys (serves)
 * @param latestUpdate the latest UpdateCampaign, or null when there was none
 */
public record CampaignActual(String name, String arn, String status, String failureReason, String solutionVersionArn,
    Integer minProvisionedTps, Update latestUpdate, Map<String, String> tags) implements PersonalizeActual {

  /** latestCampaignUpdate: its status, the version it deploys, and AWS's reason when it failed. */
  public record Update(String status, String solutionVersionArn, String failureReason) {}
}
