package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * What one Personalize resource should be (pure data, computed from the spec).
 *
 * @param arn the ARN the resource has (AWS derives it from the name), or null where AWS chooses it
 *     (event trackers: found by name in their dataset group)
 * @param parentArn the dataset group, dataset, solution or solution version it belongs to
 * @param params type-specific request values (schema, domain, recipeArn, dataLocation, roleArn,
 *     solutionVersionArn, minProvisionedTPS)
 */
public record PersonalizeDesired(String name, String arn, String parentArn, Map<String, String> params,
    Map<String, String> tags) implements Desired {

  public String param(String key) {
    return params.get(key);
  }
}
