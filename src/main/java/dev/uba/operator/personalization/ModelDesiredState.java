package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.personalize.PersonalizeCampaign;
import dev.uba.operator.aws.personalize.PersonalizeDesired;
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
 * an ARN AWS chooses and are found by name until status records it.
 */
public final class ModelDesiredState {
  /** Where the model lives: its region, and the account and partition the ARNs are built from. */
  public record Location(String region, String accountId, String partition) {
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

  private PersonalizationModelStatus status() {
    return model.getStatus() == null ? new PersonalizationModelStatus() : model.getStatus();
  }

  public RoleDesired role() {
    return new RoleDesired(names.role(),
        "Lets Amazon Personalize read the training data of " + names.ownerId() + " at "
            + model.getSpec().getTrainingData().getS3Uri(),
        ModelPolicies.trust(where.accountId()), ModelPolicies.POLICY_NAME,
        ModelPolicies.read(where.partition(), model.getSpec().getTrainingData().getS3Uri()), tags);
  }

  public String datasetGroupArn() {
    return known(status().getDatasetGroupArn(), where.personalize("dataset-group/" + names.datasetGroup()));
  }

  public PersonalizeDesired datasetGroup() {
    return new PersonalizeDesired(names.datasetGroup(), datasetGroupArn(), null,
        params("domain", domain(model.getSpec())), tags);
  }

  public PersonalizeDesired schema() {
    return new PersonalizeDesired(names.schema(), known(status().getSchemaArn(), where.personalize("schema/" + names.schema())),
        null, params("schema", schema(model.getSpec()), "domain", domain(model.getSpec())), tags);
  }

  public PersonalizeDesired dataset() {
    return new PersonalizeDesired(names.dataset(),
        known(status().getDatasetArn(), where.personalize("dataset/" + names.datasetGroup() + "/INTERACTIONS")),
        datasetGroupArn(), params("schemaArn", schema().arn()), tags);
  }

  public PersonalizeDesired importJob(int n, String roleArn) {
    return new PersonalizeDesired(names.importJob(n), where.personalize("dataset-import-job/" + names.importJob(n)),
        dataset().arn(), params("dataLocation", model.getSpec().getTrainingData().getS3Uri(), "roleArn", roleArn), tags);
  }

  public PersonalizeDesired eventTracker() {
    return new PersonalizeDesired(names.eventTracker(), status().getEventTrackerArn(), datasetGroupArn(), Map.of(), tags);
  }

  public PersonalizeDesired solution() {
    return new PersonalizeDesired(names.solution(),
        known(status().getSolutionArn(), where.personalize("solution/" + names.solution())), datasetGroupArn(),
        params("recipeArn", recipeArn(model.getSpec().getRecipe(), where.partition())), tags);
  }

  public PersonalizeDesired campaign(String solutionVersionArn) {
    return new PersonalizeDesired(names.campaign(),
        known(status().getCampaignArn(), where.personalize("campaign/" + names.campaign())), solutionVersionArn,
        params(PersonalizeCampaign.DEPLOYED_VERSION, solutionVersionArn,
            PersonalizeCampaign.TPS, String.valueOf(tps(model.getSpec()))), tags);
  }

  /** The interactions schema: the spec's, or the one an empty interactionsSchema stands for. */
  public static String schema(PersonalizationModelSpec spec) {
    return spec.getInteractionsSchema() == null || spec.getInteractionsSchema().isBlank()
        ? PersonalizationModelSpec.DEFAULT_INTERACTIONS_SCHEMA : spec.getInteractionsSchema();
  }

  /** The domain, null for a custom dataset group. */
  public static String domain(PersonalizationModelSpec spec) {
    return spec.getDomain() == null || spec.getDomain().isBlank() ? null : spec.getDomain();
  }

  public static int tps(PersonalizationModelSpec spec) {
    return spec.getCampaign() == null || spec.getCampaign().getMinProvisionedTPS() == null ? 1
        : spec.getCampaign().getMinProvisionedTPS();
  }

  /** A recipe name becomes arn:PARTITION:personalize:::recipe/NAME; an ARN is kept. */
  public static String recipeArn(String recipe, String partition) {
    String r = recipe == null || recipe.isBlank() ? "aws-user-personalization" : recipe;
    return r.startsWith("arn:") ? r : "arn:" + partition + ":personalize:::recipe/" + r;
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

  private static Map<String, String> params(String... kv) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] != null) {
        map.put(kv[i], kv[i + 1]);
      }
    }
    return map;
  }
}
