package dev.uba.operator.aws.iam;

import dev.uba.operator.config.LeastPrivilege;
import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * An IAM role with one inline policy.
 *
 * @param path the IAM path a new role is created under; a role is found by its name whatever its path
 *     (IAM cannot move a role), so one created before the operator used a path keeps working
 * @param permissionsBoundary ARN of the managed policy the role must carry as its permissions
 *     boundary; null leaves the boundary as it is
 */
public record RoleDesired(
    String name, String path, String description, String trustPolicy, String inlinePolicyName, String inlinePolicy,
    String permissionsBoundary, Map<String, String> tags) implements Desired {

  /** A role under the operator's path {@link LeastPrivilege#IAM_PATH} with no boundary. */
  public RoleDesired(String name, String description, String trustPolicy, String inlinePolicyName, String inlinePolicy,
      Map<String, String> tags) {
    this(name, LeastPrivilege.IAM_PATH, description, trustPolicy, inlinePolicyName, inlinePolicy, null, tags);
  }
}
