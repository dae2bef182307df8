package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonalizationModelStatus extends CommonStatus {
  private String datasetGroupName;
  private String datasetGroupArn;
  private String schemaArn;
  private String datasetArn;
  private String importJobArn;
  private String eventTrackerArn;
  private String solutionArn;
  /** The version the campaign serves. */
  private String solutionVersionArn;
  /** A version being trained (or trained and not yet served), if any. */
  private String trainingSolutionVersionArn;
  /** The version served before the last switch. */
  private String previousSolutionVersionArn;
  private String campaignArn;
  private String lastTrainedTime;
  private Map<String, Double> metrics = new LinkedHashMap<>();
  private String trackingSecretName;
  /** The uid of the Secret the model wrote, so that it is told apart from one it did not write. */
  private String trackingSecretUid;
  private String step;
  /** The data-access role the operator created (absent when spec.trainingData.roleArn is given). */
  private NamedArn dataAccessRole;
  /** As created: the domain (absent for custom), the schema's sha256 and the recipe ARN, for immutability. */
  private String domain;
  private String interactionsSchemaSha256;
  private String recipeArn;
  /** Number n of the current import job <namespace>-<name>-<n>, its source and the generation it was made for. */
  private Integer importJobNumber;
  private String importSource;
  private Long importGeneration;
  /** The generation the current training was started for. */
  private Long trainingGeneration;
  /** The uba.dev/retrain annotation value already handled. */
  private String retrainAnnotation;
  /**
   * By kind, the generation a resource AWS failed was first seen failed with; it is tried again
   * once the spec's generation moves past it.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  private Map<String, Long> failedGenerations = new LinkedHashMap<>();

  public String getDatasetGroupName() { return datasetGroupName; }
  public void setDatasetGroupName(String v) { this.datasetGroupName = v; }
  public String getDatasetGroupArn() { return datasetGroupArn; }
  public void setDatasetGroupArn(String v) { this.datasetGroupArn = v; }
  public String getSchemaArn() { return schemaArn; }
  public void setSchemaArn(String v) { this.schemaArn = v; }
  public String getDatasetArn() { return datasetArn; }
  public void setDatasetArn(String v) { this.datasetArn = v; }
  public String getImportJobArn() { return importJobArn; }
  public void setImportJobArn(String v) { this.importJobArn = v; }
  public String getEventTrackerArn() { return eventTrackerArn; }
  public void setEventTrackerArn(String v) { this.eventTrackerArn = v; }
  public String getSolutionArn() { return solutionArn; }
  public void setSolutionArn(String v) { this.solutionArn = v; }
  public String getSolutionVersionArn() { return solutionVersionArn; }
  public void setSolutionVersionArn(String v) { this.solutionVersionArn = v; }
  public String getTrainingSolutionVersionArn() { return trainingSolutionVersionArn; }
  public void setTrainingSolutionVersionArn(String v) { this.trainingSolutionVersionArn = v; }
  public String getPreviousSolutionVersionArn() { return previousSolutionVersionArn; }
  public void setPreviousSolutionVersionArn(String v) { this.previousSolutionVersionArn = v; }
  public String getCampaignArn() { return campaignArn; }
  public void setCampaignArn(String v) { this.campaignArn = v; }
  public String getLastTrainedTime() { return lastTrainedTime; }
  public void setLastTrainedTime(String v) { this.lastTrainedTime = v; }
  public Map<String, Double> getMetrics() { return metrics; }
  public void setMetrics(Map<String, Double> v) { this.metrics = v; }
  public String getTrackingSecretName() { return trackingSecretName; }
  public void setTrackingSecretName(String v) { this.trackingSecretName = v; }
  public String getTrackingSecretUid() { return trackingSecretUid; }
  public void setTrackingSecretUid(String v) { this.trackingSecretUid = v; }
  public String getStep() { return step; }
  public void setStep(String v) { this.step = v; }
  public NamedArn getDataAccessRole() { return dataAccessRole; }
  public void setDataAccessRole(NamedArn v) { this.dataAccessRole = v; }
  public String getDomain() { return domain; }
  public void setDomain(String v) { this.domain = v; }
  public String getInteractionsSchemaSha256() { return interactionsSchemaSha256; }
  public void setInteractionsSchemaSha256(String v) { this.interactionsSchemaSha256 = v; }
  public String getRecipeArn() { return recipeArn; }
  public void setRecipeArn(String v) { this.recipeArn = v; }
  public Integer getImportJobNumber() { return importJobNumber; }
  public void setImportJobNumber(Integer v) { this.importJobNumber = v; }
  public String getImportSource() { return importSource; }
  public void setImportSource(String v) { this.importSource = v; }
  public Long getImportGeneration() { return importGeneration; }
  public void setImportGeneration(Long v) { this.importGeneration = v; }
  public Long getTrainingGeneration() { return trainingGeneration; }
  public void setTrainingGeneration(Long v) { this.trainingGeneration = v; }
  public String getRetrainAnnotation() { return retrainAnnotation; }
  public void setRetrainAnnotation(String v) { this.retrainAnnotation = v; }
  public Map<String, Long> getFailedGenerations() { return failedGenerations; }
  public void setFailedGenerations(Map<String, Long> v) { this.failedGenerations = v == null ? new LinkedHashMap<>() : v; }
}
