package dev.uba.operator.aws.personalize;

import java.util.Map;

/** A dataset group as DescribeDatasetGroup and ListTagsForResource report it; domain null when custom. */
public record DatasetGroupActual(String name, String arn, String status, String failureReason, String domain,
    Map<String, String> tags) implements PersonalizeActual {}
