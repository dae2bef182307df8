package dev.uba.operator.aws.iam;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/** A managed policy as GetPolicy and GetPolicyVersion (of the default version) report it. */
public record PolicyActual(String name, String arn, String defaultVersionId, String document, Map<String, String> tags) implements Observed {}
