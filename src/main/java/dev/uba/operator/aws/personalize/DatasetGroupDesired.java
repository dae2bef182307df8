package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * A dataset group.
 *
 * @param domain ECOMMERCE or VIDEO_ON_DEMAND; null for a custom dataset group
 */
public record DatasetGroupDesired(String name, String arn, String domain, Map<String, String> tags)
    implements PersonalizeDesired {}
