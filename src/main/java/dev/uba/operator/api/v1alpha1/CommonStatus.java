package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** The part of the status every kind shares (see the API contract, "Status (all kinds)"). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CommonStatus {
  private Long observedGeneration;
  private Phase phase;
  private String region;
  private List<Condition> conditions = new ArrayList<>();
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
