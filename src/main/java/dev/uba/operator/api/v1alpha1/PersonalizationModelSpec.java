package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

public class PersonalizationModelSpec extends CommonSpec {
  /**
   * The interactions schema an empty spec.interactionsSchema stands for: USER_ID string, ITEM_ID
   * string, TIMESTAMP long, EVENT_TYPE string. Not a schema default, so that the field keeps the
   * contract's "" (the schema would otherwise be copied into every object).
   */
  public static final String DEFAULT_INTERACTIONS_SCHEMA = "{\"type\":\"record\",\"name\":\"Interactions\","
      + "\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
      + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
      + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"},{\"name\":\"EVENT_TYPE\",\"type\":\"string\"}],"
      + "\"version\":\"1.0\"}";

  @JsonPropertyDescription("Informational link to the UbaPipeline whose interactions train the model (same namespace).")
  private PipelineRef pipelineRef;

  @JsonPropertyDescription("Dataset group name; default <namespace>-<name>. Immutable.")
  @Pattern("^([a-zA-Z0-9][a-zA-Z0-9_-]*)?$")
  @Size(max = 63)
  @Nullable
  private String datasetGroupName = "";

  @JsonPropertyDescription("\"\" (custom) | ECOMMERCE | VIDEO_ON_DEMAND. Immutable.")
  @Pattern("^(|ECOMMERCE|VIDEO_ON_DEMAND)$")
  @Nullable
  private String domain = "";

  @JsonPropertyDescription("Avro schema (JSON) of the interactions dataset; default USER_ID string, ITEM_ID string, TIMESTAMP long, EVENT_TYPE string. Immutable.")
  @Size(max = 10000)
  @Nullable
  private String interactionsSchema = "";

  @JsonPropertyDescription("Where the interactions to import are, and the role Personalize reads them with.")
  @Required
  private TrainingData trainingData;

  @JsonPropertyDescription("A recipe name or a full recipe ARN. Immutable.")
  @Default("aws-user-personalization")
  private String recipe = "aws-user-personalization";

  @JsonPropertyDescription("Create an event tracker so applications can stream new interactions.")
  @Default("true")
  private Boolean eventTracker = Boolean.TRUE;

  @JsonPropertyDescription("The campaign that serves recommendations.")
  @Default("{\"minProvisionedTPS\":1}")
  private Campaign campaign = new Campaign();

  @JsonPropertyDescription("Periodic retraining; absent or intervalHours 0 means never on a timer.")
  private Retraining retraining;

  public PipelineRef getPipelineRef() { return pipelineRef; }
  public void setPipelineRef(PipelineRef pipelineRef) { this.pipelineRef = pipelineRef; }
  public String getDatasetGroupName() { return datasetGroupName; }
  public void setDatasetGroupName(String datasetGroupName) { this.datasetGroupName = datasetGroupName; }
  public String getDomain() { return domain; }
  public void setDomain(String domain) { this.domain = domain; }
  public String getInteractionsSchema() { return interactionsSchema; }
  public void setInteractionsSchema(String interactionsSchema) { this.interactionsSchema = interactionsSchema; }
  public TrainingData getTrainingData() { return trainingData; }
  public void setTrainingData(TrainingData trainingData) { this.trainingData = trainingData; }
  public String getRecipe() { return recipe; }
  public void setRecipe(String recipe) { this.recipe = recipe; }
  public Boolean getEventTracker() { return eventTracker; }
  public void setEventTracker(Boolean eventTracker) { this.eventTracker = eventTracker; }
  public Campaign getCampaign() { return campaign; }
  public void setCampaign(Campaign campaign) { this.campaign = campaign; }
  public Retraining getRetraining() { return retraining; }
  public void setRetraining(Retraining retraining) { this.retraining = retraining; }

  public static class PipelineRef {
    @JsonPropertyDescription("Name of the UbaPipeline in the same namespace.")
    @Required
    private String name;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
  }

  public static class TrainingData {
    @JsonPropertyDescription("S3 location of the interactions (a prefix or a file) the dataset import job reads.")
    @Required
    @Pattern("^s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/.*)?$")
    @Size(max = 256)
    private String s3Uri;

    @JsonPropertyDescription("IAM role Personalize assumes to read s3Uri; empty: the operator creates one with read access to that prefix only.")
    @Pattern("^(|arn:aws[a-z-]*:iam::[0-9]{12}:role/.+)$")
    @Nullable
    private String roleArn = "";

    public String getS3Uri() { return s3Uri; }
    public void setS3Uri(String s3Uri) { this.s3Uri = s3Uri; }
    public String getRoleArn() { return roleArn; }
    public void setRoleArn(String roleArn) { this.roleArn = roleArn; }
  }

  public static class Campaign {
    @JsonPropertyDescription("Minimum provisioned transactions per second; at most the operator's UBA_PERSONALIZE_MAX_TPS.")
    @Min(1)
    @Default("1")
    private Integer minProvisionedTPS = 1;

    public Integer getMinProvisionedTPS() { return minProvisionedTPS; }
    public void setMinProvisionedTPS(Integer minProvisionedTPS) { this.minProvisionedTPS = minProvisionedTPS; }
  }

  public static class Retraining {
    @JsonPropertyDescription("Hours between trainings; 0 means never on a timer.")
    @Min(0)
    @Max(8760)
    @Default("0")
    private Integer intervalHours = 0;

    public Integer getIntervalHours() { return intervalHours; }
    public void setIntervalHours(Integer intervalHours) { this.intervalHours = intervalHours; }
  }
}
