package dev.uba.operator.personalization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.aws.personalize.PersonalizeDatasetGroup;
import dev.uba.operator.aws.personalize.PersonalizeSolution;
import dev.uba.operator.config.LeastPrivilege;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.SpecProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the schema cannot say: the TPS cost guard, the interactions schema's content, and the
 * fields that cannot change once the resources exist (domain, interactionsSchema,
 * datasetGroupName, recipe, region), checked against what status recorded (pure, no AWS call).
 * The domain and the recipe may change while the dataset group or the solution they shape is
 * failed: the failed resource is then created again with them.
 */
public final class ModelValidation {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RECIPE_NAME = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_-]*$");
  private static final Pattern RECIPE_ARN = Pattern.compile("^arn:aws[a-z-]*:personalize:::recipe/[a-zA-Z0-9_-]+$");

  private ModelValidation() {}

  public static Optional<Outcome> validate(PersonalizationModel model, String operatorRegion, int maxTps,
      ModelNames names, String partition) {
    SpecProblems problems = new SpecProblems();
    PersonalizationModelSpec spec = model.getSpec();
    PersonalizationModelStatus status = model.getStatus() == null ? new PersonalizationModelStatus() : model.getStatus();
    problems.checkRegion(spec.getRegion(), operatorRegion, status.getRegion());
    problems.checkTags(spec.getTags());
    int tps = ModelDesiredState.tps(spec);
    if (tps > maxTps) {
      problems.invalid("spec.campaign.minProvisionedTPS", "at most " + maxTps
          + " (the operator's UBA_PERSONALIZE_MAX_TPS cost guard), got " + tps);
    } else if (tps < 1) {
      problems.invalid("spec.campaign.minProvisionedTPS", "at least 1, got " + tps);
    }
    if (spec.getTrainingData() == null || spec.getTrainingData().getS3Uri() == null) {
      problems.invalid("spec.trainingData.s3Uri", "required");
    } else {
      try {
        ModelPolicies.S3Location.parse(spec.getTrainingData().getS3Uri());
      } catch (IllegalArgumentException e) {
        problems.invalid("spec.trainingData.s3Uri", "must be s3://bucket/prefix (" + e.getMessage() + ")");
      }
    }
    String recipe = spec.getRecipe() == null ? "" : spec.getRecipe();
    if (!RECIPE_NAME.matcher(recipe).matches() && !RECIPE_ARN.matcher(recipe).matches()) {
      problems.invalid("spec.recipe", "must be a recipe name such as aws-user-personalization or a recipe ARN"
          + " arn:aws:personalize:::recipe/NAME (got " + recipe + ")");
    }
    if (!blank(spec.getInteractionsSchema())) {
      schemaProblem(spec.getInteractionsSchema()).ifPresent(p -> problems.invalid("spec.interactionsSchema", p));
    }
    if (status.getDatasetGroupName() != null && !status.getDatasetGroupName().equals(names.datasetGroup())) {
      problems.immutable("spec.datasetGroupName", status.getDatasetGroupName(), names.datasetGroup());
    }
    if (status.getDatasetGroupArn() != null && !failed(status, PersonalizeDatasetGroup.KIND)
        && !Objects.equals(status.getDomain(), ModelDesiredState.domain(spec))) {
      problems.immutable("spec.domain", shown(status.getDomain()), shown(ModelDesiredState.domain(spec)));
    }
    if (status.getInteractionsSchemaSha256() != null
        && !status.getInteractionsSchemaSha256().equals(ModelDesiredState.sha256(ModelDesiredState.schema(spec)))) {
      problems.immutable("spec.interactionsSchema", "the schema created", "another schema");
    }
    boolean recipeValid = RECIPE_NAME.matcher(recipe).matches() || RECIPE_ARN.matcher(recipe).matches();
    if (status.getRecipeArn() != null && recipeValid && !failed(status, PersonalizeSolution.KIND)
        && !status.getRecipeArn().equals(ModelDesiredState.recipeArn(recipe, partition))) {
      problems.immutable("spec.recipe", status.getRecipeArn(), ModelDesiredState.recipeArn(recipe, partition));
    }
    return problems.outcome();
  }

  /**
   * The contract's allow-list for roles handed to Personalize: spec.trainingData.roleArn must match
   * UBA_ALLOWED_ROLE_ARNS (default: the own account's roles under /uba/). Checked once the own account
   * is known, before any AWS call that would pass the role.
   */
  public static Optional<Outcome> checkRoleArn(PersonalizationModelSpec spec, LeastPrivilege rules, String partition,
      String ownAccount) {
    String roleArn = spec.getTrainingData() == null ? null : spec.getTrainingData().getRoleArn();
    if (blank(roleArn) || rules.allowsRole(roleArn, partition, ownAccount)) {
      return Optional.empty();
    }
    SpecProblems problems = new SpecProblems();
    problems.invalid("spec.trainingData.roleArn", roleArn + " is not a role the operator may hand to AWS services:"
        + " it must match UBA_ALLOWED_ROLE_ARNS (" + String.join(", ", rules.roleArnPatterns(partition, ownAccount))
        + ")");
    return problems.outcome();
  }

  /** Why an interactions schema cannot be used, or empty: an Avro record with USER_ID, ITEM_ID, TIMESTAMP. */
  static Optional<String> schemaProblem(String schema) {
    JsonNode avro;
    try {
      avro = JSON.readTree(schema);
    } catch (Exception e) {
      return Optional.of("not valid JSON");
    }
    if (avro == null || !"record".equals(avro.path("type").asText()) || !avro.path("fields").isArray()) {
      return Optional.of("must be an Avro record schema with fields");
    }
    List<String> fields = new ArrayList<>();
    avro.path("fields").forEach(f -> fields.add(f.path("name").asText()));
    List<String> missing = new ArrayList<>(List.of("USER_ID", "ITEM_ID", "TIMESTAMP"));
    missing.removeAll(fields);
    return missing.isEmpty() ? Optional.empty()
        : Optional.of("an interactions schema needs the fields USER_ID, ITEM_ID and TIMESTAMP; missing " + missing);
  }

  /** A resource AWS failed is created again from the new spec, so its fields may change meanwhile. */
  private static boolean failed(PersonalizationModelStatus status, String kind) {
    return status.getFailedGenerations().containsKey(kind);
  }

  private static String shown(String domain) {
    return domain == null ? "\"\" (custom)" : domain;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
