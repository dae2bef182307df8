package dev.uba.operator.aws.iam;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/** An IAM role with one inline policy. */
public record RoleDesired(
    String name, String description, String trustPolicy, String inlinePolicyName, String inlinePolicy,
    Map<String, String> tags) implements Desired {}
