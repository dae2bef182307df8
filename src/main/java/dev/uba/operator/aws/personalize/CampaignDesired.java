package dev.uba.operator.aws.personalize;

import java.util.Map;

/** A campaign deploying one solution version with a minimum provisioned TPS. */
public record CampaignDesired(String name, String arn, String solutionVersionArn, int minProvisionedTps,
    Map<String, String> tags) implements PersonalizeDesired {}
