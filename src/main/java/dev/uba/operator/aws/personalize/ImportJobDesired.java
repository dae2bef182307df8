package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * One dataset import job (FULL import mode).
 *
 * @param dataLocation the s3:// location the job reads
 * @param roleArn the role Personalize reads it with
 */
public record ImportJobDesired(String name, String arn, String datasetArn, String dataLocation, String roleArn,
    Map<String, String> tags) implements PersonalizeDesired {}
