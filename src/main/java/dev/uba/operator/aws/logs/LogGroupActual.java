package dev.uba.operator.aws.logs;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/**
 * A log group as DescribeLogGroups and ListTagsForResource report it.
 *
 * @param arn without the ":*" suffix DescribeLogGroups adds to its legacy arn field
 * @param retentionDays null when logs never expire
 */
public record LogGroupActual(String name, String arn, Integer retentionDays, Map<String, String> tags) implements Observed {}
