package dev.uba.operator.aws.iam;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * A customer-managed IAM policy; its ARN is known in advance (arn:PARTITION:iam::ACCOUNT:policy/PATH/NAME).
 *
 * @param path the IAM path a new policy is created under (part of its ARN)
 * @param arn the policy's ARN under that path
 * @param legacyArn where a policy of the same name created before the operator used a path is found
 *     (arn:PARTITION:iam::ACCOUNT:policy/NAME), or null: such a policy keeps being used
 */
public record PolicyDesired(String name, String path, String arn, String legacyArn, String description,
    String document, Map<String, String> tags) implements Desired {

  /** A policy at {@code arn} with no earlier location to look at (path taken from the ARN). */
  public PolicyDesired(String name, String arn, String description, String document, Map<String, String> tags) {
    this(name, pathOf(arn, name), arn, null, description, document, tags);
  }

  private static String pathOf(String arn, String name) {
    int start = arn.indexOf(":policy/");
    return start < 0 || !arn.endsWith(name) ? "/" : arn.substring(start + ":policy".length(), arn.length() - name.length());
  }
}
