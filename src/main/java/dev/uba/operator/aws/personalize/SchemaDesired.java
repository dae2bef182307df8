package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * An interactions schema. Schemas take no tags (CreateSchema has no Tags member).
 *
 * @param definition the Avro schema (JSON)
 * @param domain the dataset group's domain; null for a custom one
 */
public record SchemaDesired(String name, String arn, String definition, String domain) implements PersonalizeDesired {
  @Override
  public Map<String, String> tags() {
    return Map.of();
  }
}
