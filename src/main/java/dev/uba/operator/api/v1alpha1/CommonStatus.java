package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** The part of the status every kind shares (see the API contract, "Status (all kinds)"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CommonStatus {
  @JsonPropertyDescription("metadata.generation of the spec this status describes; older than metadata.generation while the operator has not yet looked at the latest change.")
  private Long observedGeneration;
  @JsonPropertyDescription("One-word summary of the conditions, in this order: Deleting (deletion requested) > Degraded > Ready > Provisioning (something exists or is being created) > Pending.")
  private Phase phase;
  @JsonPropertyDescription("AWS region the resources of this object live in (spec.region or the operator's AWS_REGION).")
  private String region;
  @JsonPropertyDescription("Ready (every managed AWS resource is as declared for the current generation), Progressing (AWS is still converging) and Degraded (the operator cannot converge without a change of spec or of the AWS account), each with a reason and a message in words.")
  @SchemaFrom(type = ConditionSchema[].class)
  private List<Condition> conditions = new ArrayList<>();
  @JsonPropertyDescription("One entry per AWS resource the object manages or uses, as last observed.")
  private List<ResourceStatus> resources = new ArrayList<>();

  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public Phase getPhase() { return phase; }
  public void setPhase(Phase phase) { this.phase = phase; }
  public String getRegion() { return region; }
  public void setRegion(String region) { this.region = region; }
  public List<Condition> getConditions() { return conditions; }
  public void setConditions(List<Condition> conditions) { this.conditions = conditions; }
  public List<ResourceStatus> getResources() { return resources; }
  public void setResources(List<ResourceStatus> resources) { this.resources = resources; }
}
