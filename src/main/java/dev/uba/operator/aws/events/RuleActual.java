package dev.uba.operator.aws.events;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/**
 * A rule as DescribeRule, ListTargetsByRule and ListTagsForResource report it.
 *
 * @param state ENABLED or DISABLED
 * @param targets target id to target ARN
 */
public record RuleActual(String name, String arn, String eventPattern, String state, String description,
    Map<String, String> targets, Map<String, String> tags) implements Observed {}
