package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.personalize.CampaignDesired;
import dev.uba.operator.aws.personalize.DatasetDesired;
import dev.uba.operator.aws.personalize.DatasetGroupDesired;
import dev.uba.operator.aws.personalize.EventTrackerDesired;
import dev.uba.operator.aws.personalize.ImportJobDesired;
import dev.uba.operator.aws.personalize.SchemaDesired;
import dev.uba.operator.aws.personalize.SolutionDesired;
import dev.uba.operator.aws.personalize.SolutionVersionDesired;
import dev.uba.operator.config.LeastPrivilege;
import dev.uba.operator.engine.Ownership;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model's resources should be (pure). Personalize derives ARNs from names
 * (dataset-group/NAME, schema/NAME, dataset/GROUP/INTERACTIONS, dataset-import-job/NAME,
 * solution/NAME, campaign/NAME), so every resource is read with one Describe; event trackers get
 * an ARN AWS chooses and are found by name until status records it, and solution versions are
 * known by the ARN status records. The spec's defaults are the model's (api/v1alpha1 and the CRD
 * schema); what is decided here is only what depends on other fields: names, ARNs, the recipe's
 * ARN in the object's partition, and what an empty interactionsSchema or domain stands for.
 */
public final class ModelDesiredState {

  /**
   * Where the model lives: its region, and the account and partition the ARNs are built from.
   *
   * @param permissionsBoundary the boundary every role the operator creates carries
   *     (UBA_IAM_PERMISSIONS_BOUNDARY), or null
   */
  public record Location(String region, String accountId, String partition, String permissionsBoundary) {
    public Location(String region, String accountId, String partition) {
      this(region, accountId, partition, null);
    }

    String personalize(String resource) {
      return "arn:" + partition + ":personalize:" + region + ":" + accountId + ":" + resource;
    }
  }

  private final PersonalizationModel model;
  private final ModelNames names;
  private final Location where;
  private final Map<String, String> tags;

  public ModelDesiredState(PersonalizationModel model, ModelNames names, Location where) {
    this(model, names, where, Map.of());
  }

  /**
   * @param pipelineTags the spec.tags of the UbaPipeline named in pipelineRef: defaults the model's
   *     own spec.tags override
   */
  public ModelDesiredState(PersonalizationModel model, ModelNames names, Location where,
      Map<String, String> pipelineTags) {
    this.model = model;
    this.names = names;
    this.where = where;
    this.tags = Ownership.tags(tagsWithDefaults(pipelineTags, model.getSpec().getTags()), names.ownerId());
  }

  /** The pipeline's tags as defaults under the model's own (reserved keys never taken over). */
  public static Map<String, String> tagsWithDefaults(Map<String, String> defaults, Map<String, String> own) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (defaults != null) {
      defaults.forEach((k, v) -> {
        if (!k.startsWith("uba.dev/") && !k.startsWith("aws:") && v != null) {
          merged.put(k, v);
        }
      });
    }
    if (own != null) {
      merged.putAll(own);
    }
    return merged;
  }

  public Map<String, String> tags() {
    return tags;
  }

  public ModelNames names() {
    return names;
  }

  private PersonalizationModelStatus status() {
    return model.getStatus() == null ? new PersonalizationModelStatus() : model.getStatus();
  }

  private PersonalizationModelSpec spec() {
    return model.getSpec();
  }

  public RoleDesired role() {
    String s3Uri = spec().getTrainingData().getS3Uri();
    return new RoleDesired(names.role(), LeastPrivilege.IAM_PATH,
        "Lets Amazon Personalize read the training data of " + names.ownerId() + " at " + s3Uri,
        ModelPolicies.trust(where.partition(), where.region(), where.accountId()), ModelPolicies.POLICY_NAME,
        ModelPolicies.read(where.partition(), s3Uri), where.permissionsBoundary(), tags);
  }

  public String datasetGroupArn() {
    return known(status().getDatasetGroupArn(), where.personalize("dataset-group/" + names.datasetGroup()));
  }

  public DatasetGroupDesired datasetGroup() {
    return new DatasetGroupDesired(names.datasetGroup(), datasetGroupArn(), domain(spec()), tags);
  }

  public SchemaDesired schema() {
    return new SchemaDesired(names.schema(), known(status().getSchemaArn(), where.personalize("schema/" + names.schema())),
        schema(spec()), domain(spec()));
  }

  public DatasetDesired dataset() {
    return new DatasetDesired(names.dataset(),
        known(status().getDatasetArn(), where.personalize("dataset/" + names.datasetGroup() + "/INTERACTIONS")),
        datasetGroupArn(), schema().arn(), tags);
  }

  /** The n-th import job, reading spec.trainingData.s3Uri with the role given. */
  public ImportJobDesired importJob(int n, String roleArn) {
    return new ImportJobDesired(names.importJob(n), where.personalize("dataset-import-job/" + names.importJob(n)),
        dataset().arn(), spec().getTrainingData().getS3Uri(), roleArn, tags);
  }

  public EventTrackerDesired eventTracker() {
    return new EventTrackerDesired(names.eventTracker(), status().getEventTrackerArn(), datasetGroupArn(), tags);
  }

  public SolutionDesired solution() {
    return new SolutionDesired(names.solution(),
        known(status().getSolutionArn(), where.personalize("solution/" + names.solution())), datasetGroupArn(),
        recipeArn(spec().getRecipe(), where.partition()), tags);
  }

  /**
   * A training of the solution: the version status records ({@code arn}), or a new one (null).
   *
   * @param reason why a new training is asked for, for the Event that says it started
   */
  public SolutionVersionDesired solutionVersion(String arn, String reason) {
    return new SolutionVersionDesired(names.solution(), arn, solution().arn(), reason, tags);
  }

  public CampaignDesired campaign(String solutionVersionArn) {
    return new CampaignDesired(names.campaign(),
        known(status().getCampaignArn(), where.personalize("campaign/" + names.campaign())), solutionVersionArn,
        tps(spec()), tags);
  }

  /** The interactions schema: the spec's, or the one an empty interactionsSchema stands for. */
  public static String schema(PersonalizationModelSpec spec) {
    return spec.getInteractionsSchema() == null || spec.getInteractionsSchema().isBlank()
        ? PersonalizationModelSpec.DEFAULT_INTERACTIONS_SCHEMA : spec.getInteractionsSchema();
  }

  /** The domain, null for a custom dataset group (the spec's ""). */
  public static String domain(PersonalizationModelSpec spec) {
    return spec.getDomain() == null || spec.getDomain().isBlank() ? null : spec.getDomain();
  }

  public static int tps(PersonalizationModelSpec spec) {
    return spec.getCampaign().getMinProvisionedTPS();
  }

  /** A recipe name becomes arn:PARTITION:personalize:::recipe/NAME; an ARN is kept. */
  public static String recipeArn(String recipe, String partition) {
    return recipe.startsWith("arn:") ? recipe : "arn:" + partition + ":personalize:::recipe/" + recipe;
  }

  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String known(String recorded, String derived) {
    return recorded != null ? recorded : derived;
  }
}
