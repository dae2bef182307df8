package dev.uba.operator.aws.personalize;

import java.util.Map;

/** A schema as DescribeSchema reports it: no status (final once created) and no tags. */
public record SchemaActual(String name, String arn, String definition, String domain) implements PersonalizeActual {
  @Override
  public String status() {
    return "ACTIVE";
  }

  @Override
  public Map<String, String> tags() {
    return Map.of();
  }
}
