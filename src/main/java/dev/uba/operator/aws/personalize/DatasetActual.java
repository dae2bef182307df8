package dev.uba.operator.aws.personalize;

import java.util.Map;

/** A dataset as DescribeDataset and ListTagsForResource report it. */
public record DatasetActual(String name, String arn, String status, String schemaArn, Map<String, String> tags)
    implements PersonalizeActual {}
