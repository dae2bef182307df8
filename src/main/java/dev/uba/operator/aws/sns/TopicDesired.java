package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * A standard SNS topic the operator manages.
 *
 * @param arn known in advance: arn:PARTITION:sns:REGION:ACCOUNT:NAME
 * @param kmsKeyId the customer-managed key for server-side encryption; null for none
 * @param policy the topic's access policy (JSON)
 */
public record TopicDesired(String name, String arn, String kmsKeyId, String policy, Map<String, String> tags)
    implements Desired {}
