package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * The event tracker of a dataset group.
 *
 * @param arn the ARN status recorded, or null: AWS chooses it, and the tracker is found by name
 */
public record EventTrackerDesired(String name, String arn, String datasetGroupArn, Map<String, String> tags)
    implements PersonalizeDesired {}
