package dev.uba.operator.aws.iam;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/** A customer-managed IAM policy; its ARN is known in advance (arn:PARTITION:iam::ACCOUNT:policy/NAME). */
public record PolicyDesired(String name, String arn, String description, String document, Map<String, String> tags)
    implements Desired {}
