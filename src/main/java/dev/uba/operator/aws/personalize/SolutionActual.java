package dev.uba.operator.aws.personalize;

import java.util.Map;

/** A solution as DescribeSolution and ListTagsForResource report it. */
public record SolutionActual(String name, String arn, String status, String recipeArn, Map<String, String> tags)
    implements PersonalizeActual {}
