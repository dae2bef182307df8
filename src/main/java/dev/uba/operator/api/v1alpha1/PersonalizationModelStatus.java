package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.LinkedHashMap;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PersonalizationModelStatus extends CommonStatus {
  @JsonPropertyDescription("Name of the Personalize dataset group.")
  private String datasetGroupName;
  @JsonPropertyDescription("ARN of the dataset group.")
  private String datasetGroupArn;
  @JsonPropertyDescription("ARN of the interactions schema <namespace>-<name>-interactions.")
  private String schemaArn;
  @JsonPropertyDescription("ARN of the interactions dataset.")
  private String datasetArn;
  @JsonPropertyDescription("ARN of the current dataset import job.")
  private String importJobArn;
  @JsonPropertyDescription("ARN of the event tracker (with spec.eventTracker); its tracking ID is only in the Secret trackingSecretName.")
  private String eventTrackerArn;
  @JsonPropertyDescription("ARN of the solution.")
  private String solutionArn;
  @JsonPropertyDescription("ARN of the solution version the campaign serves.")
  private String solutionVersionArn;
  @JsonPropertyDescription("ARN of a solution version being trained (or trained and not yet served), if any.")
  private String trainingSolutionVersionArn;
  @JsonPropertyDescription("ARN of the solution version served before the last switch.")
  private String previousSolutionVersionArn;
  @JsonPropertyDescription("ARN of the campaign that serves recommendations.")
  private String campaignArn;
  @JsonPropertyDescription("When the served solution version finished training (RFC 3339).")
  private String lastTrainedTime;
  @JsonPropertyDescription("Metrics of the served solution version, from GetSolutionMetrics (for example precision_at_25).")
  private Map<String, Double> metrics = new LinkedHashMap<>();
  @JsonPropertyDescription("Secret <name>-personalize with the keys TRACKING_ID, CAMPAIGN_ARN and EVENT_TRACKER_ARN.")
  private String trackingSecretName;
  @JsonPropertyDescription("Uid of the Secret trackingSecretName as the model wrote it, so that a Secret it did not write is told apart.")
  private String trackingSecretUid;
  @JsonPropertyDescription("The step that runs: DatasetGroup, Schema, Dataset, Import, EventTracker, Solution, Training, Campaign, Serving, Retraining or Deleting.")
  private String step;
  @JsonPropertyDescription("The IAM role <namespace>-<name>-personalize the operator created for Personalize to read the training data (absent when spec.trainingData.roleArn is given).")
  private NamedArn dataAccessRole;
  @JsonPropertyDescription("The dataset group's domain as created (absent for custom), to refuse a change (immutable).")
  private String domain;
  @JsonPropertyDescription("sha256 of the interactions schema as created, to refuse a change (immutable).")
  private String interactionsSchemaSha256;
  @JsonPropertyDescription("ARN of the recipe as created, to refuse a change (immutable).")
  private String recipeArn;
  @JsonPropertyDescription("Number n of the current import job <namespace>-<name>-<n>.")
  private Integer importJobNumber;
  @JsonPropertyDescription("The S3 URI the current import job reads.")
  private String importSource;
  @JsonPropertyDescription("The generation the current import job was made for.")
  private Long importGeneration;
  @JsonPropertyDescription("The generation the current training was started for.")
  private Long trainingGeneration;
  @JsonPropertyDescription("The value of the uba.dev/retrain annotation already handled; a different value asks for a retraining.")
  private String retrainAnnotation;
  @JsonPropertyDescription("By resource kind, the generation a resource AWS failed was first seen failed with; it is tried again once the spec's generation moves past it.")
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
