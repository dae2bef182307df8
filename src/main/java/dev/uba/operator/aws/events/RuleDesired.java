package dev.uba.operator.aws.events;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * An EventBridge rule on the default event bus with exactly one target.
 *
 * @param arn known in advance: arn:PARTITION:events:REGION:ACCOUNT:rule/NAME
 * @param eventPattern the event pattern (JSON)
 */
public record RuleDesired(String name, String arn, String eventPattern, String description, String targetId,
    String targetArn, Map<String, String> tags) implements Desired {}
