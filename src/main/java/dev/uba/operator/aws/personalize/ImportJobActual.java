package dev.uba.operator.aws.personalize;

import java.util.Map;

/** A dataset import job as DescribeDatasetImportJob and ListTagsForResource report it. */
public record ImportJobActual(String name, String arn, String status, String failureReason, String dataLocation,
    Map<String, String> tags) implements PersonalizeActual {}
