package dev.uba.operator.aws.iam;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/**
 * An IAM role as GetRole and GetRolePolicy report it; inlinePolicy is null when absent,
 * permissionsBoundary when the role has none.
 */
public record RoleActual(String name, String arn, String trustPolicy, String inlinePolicy, String permissionsBoundary,
    Map<String, String> tags) implements Observed {

  /** A role with no permissions boundary. */
  public RoleActual(String name, String arn, String trustPolicy, String inlinePolicy, Map<String, String> tags) {
    this(name, arn, trustPolicy, inlinePolicy, null, tags);
  }
}
