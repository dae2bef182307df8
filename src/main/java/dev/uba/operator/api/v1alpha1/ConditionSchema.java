package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The CRD schema of one entry of status.conditions: the fields of Kubernetes' Condition (which the
 * status holds at run time), each with the description {@code kubectl explain} shows. Only the CRD
 * generator reads this class ({@code @SchemaFrom} on {@link CommonStatus#getConditions()}).
 */
final class ConditionSchema {
  @JsonPropertyDescription("Ready, Progressing or Degraded; a UbaPipeline with a delivery also has DataFlowing.")
  public String type;

  @JsonPropertyDescription("\"True\", \"False\" or \"Unknown\".")
  public String status;

  @JsonPropertyDescription("Why, as one CamelCase word: Creating, Throttled, InvalidSpec, AccessDenied, PipelineNotReady, ... (the API reference lists them).")
  public String reason;

  @JsonPropertyDescription("What is going on and what to do about it, in words; for invalid input it names the field (spec.stream.shards).")
  public String message;

  @JsonPropertyDescription("When status last changed (RFC 3339).")
  public String lastTransitionTime;

  @JsonPropertyDescription("metadata.generation of the spec the condition was set for.")
  public Long observedGeneration;

  private ConditionSchema() {}
}
