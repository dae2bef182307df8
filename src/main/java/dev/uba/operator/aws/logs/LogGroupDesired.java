package dev.uba.operator.aws.logs;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * A CloudWatch Logs log group the operator owns.
 *
 * @param arn known in advance, without the ":*" suffix: arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME
 */
public record LogGroupDesired(String name, String arn, int retentionDays, Map<String, String> tags)
    implements Desired {}
