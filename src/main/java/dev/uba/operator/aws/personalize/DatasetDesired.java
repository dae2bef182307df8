package dev.uba.operator.aws.personalize;

import java.util.Map;

/** The Interactions dataset of a dataset group, with the schema it is created with. */
public record DatasetDesired(String name, String arn, String datasetGroupArn, String schemaArn,
    Map<String, String> tags) implements PersonalizeDesired {}
