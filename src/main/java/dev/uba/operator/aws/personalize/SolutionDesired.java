package dev.uba.operator.aws.personalize;

import java.util.Map;

/** A solution: a recipe (by its full ARN) applied to a dataset group. */
public record SolutionDesired(String name, String arn, String datasetGroupArn, String recipeArn,
    Map<String, String> tags) implements PersonalizeDesired {}
