package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.engine.Outcome;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelValidationTest {

  static PersonalizationModel model() {
    PersonalizationModel m = new PersonalizationModel();
    m.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("recs").withGeneration(1L).build());
    PersonalizationModelSpec spec = new PersonalizationModelSpec();
    PersonalizationModelSpec.TrainingData data = new PersonalizationModelSpec.TrainingData();
    data.setS3Uri("s3://archive/interactions/");
    spec.setTrainingData(data);
    m.setSpec(spec);
    return m;
  }

  private static Optional<Outcome> validate(PersonalizationModel m, int maxTps) {
    return ModelValidation.validate(m, "us-east-1", maxTps, ModelNames.of(m), "aws");
  }

  /** The status as a created model records it. */
  private static PersonalizationModelStatus created(PersonalizationModel m) {
    PersonalizationModelStatus s = new PersonalizationModelStatus();
    s.setRegion("us-east-1");
    s.setDatasetGroupName("analytics-recs");
    s.setDatasetGroupArn("arn:aws:personalize:us-east-1:123456789012:dataset-group/analytics-recs");
    s.setInteractionsSchemaSha256(ModelDesiredState.sha256(PersonalizationModelSpec.DEFAULT_INTERACTIONS_SCHEMA));
    s.setRecipeArn("arn:aws:personalize:::recipe/aws-user-personalization");
    return s;
  }

  @Test
  void aDefaultSpecIsAccepted() {
    assertThat(validate(model(), 10)).isEmpty();
  }

  @Test
  void minProvisionedTpsAboveTheOperatorsMaximumIsInvalidSpec() {
    PersonalizationModel m = model();
    m.getSpec().getCampaign().setMinProvisionedTPS(11);
    Outcome o = validate(m, 10).orElseThrow();
    assertThat(o.kind()).isEqualTo(Outcome.Kind.INVALID_SPEC);
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).startsWith("spec.campaign.minProvisionedTPS").contains("10").contains("11");
    m.getSpec().getCampaign().setMinProvisionedTPS(10);
    assertThat(validate(m, 10)).isEmpty();
  }

  @Test
  void reservedTagsAndABadRecipeAreInvalid() {
    PersonalizationModel m = model();
    m.getSpec().setTags(Map.of("uba.dev/x", "y"));
    assertThat(validate(m, 10).orElseThrow().message()).contains("spec.tags[uba.dev/x]");
    m = model();
    m.getSpec().setRecipe("not a recipe!");
    assertThat(validate(m, 10).orElseThrow().message()).startsWith("spec.recipe");
    m.getSpec().setRecipe("arn:aws:personalize:::recipe/aws-similar-items");
    assertThat(validate(m, 10)).isEmpty();
  }

  @Test
  void anInteractionsSchemaWithoutTheRequiredFieldsIsInvalid() {
    PersonalizationModel m = model();
    m.getSpec().setInteractionsSchema("{\"type\":\"record\",\"name\":\"I\",\"fields\":[{\"name\":\"USER_ID\",\"type\":\"string\"}]}");
    assertThat(validate(m, 10).orElseThrow().message()).startsWith("spec.interactionsSchema").contains("ITEM_ID");
    m.getSpec().setInteractionsSchema("{not json");
    assertThat(validate(m, 10).orElseThrow().message()).contains("not valid JSON");
  }

  @Test
  void nothingIsImmutableBeforeCreation() {
    PersonalizationModel m = model();
    m.getSpec().setDomain("ECOMMERCE");
    m.getSpec().setDatasetGroupName("other");
    m.getSpec().setRecipe("aws-similar-items");
    assertThat(validate(m, 10)).isEmpty();
  }

  @Test
  void domainSchemaGroupNameAndRecipeAreImmutableAfterCreation() {
    PersonalizationModel m = model();
    m.setStatus(created(m));
    assertThat(validate(m, 10)).isEmpty();

    m.getSpec().setDomain("ECOMMERCE");
    assertImmutable(m, "spec.domain");
    m.getSpec().setDomain("");

    m.getSpec().setDatasetGroupName("other");
    assertImmutable(m, "spec.datasetGroupName");
    m.getSpec().setDatasetGroupName(null);

    m.getSpec().setRecipe("aws-similar-items");
    assertImmutable(m, "spec.recipe");
    m.getSpec().setRecipe("arn:aws:personalize:::recipe/aws-user-personalization");
    assertThat(validate(m, 10)).isEmpty();

    m.getSpec().setInteractionsSchema("{\"type\":\"record\",\"name\":\"I\",\"fields\":[{\"name\":\"USER_ID\",\"type\":\"string\"},"
        + "{\"name\":\"ITEM_ID\",\"type\":\"string\"},{\"name\":\"TIMESTAMP\",\"type\":\"long\"}]}");
    assertImmutable(m, "spec.interactionsSchema");
  }

  @Test
  void theRecipeAndDomainMayChangeWhileTheResourceTheyShapeIsFailedButTheGroupNameMayNot() {
    PersonalizationModel m = model();
    m.setStatus(created(m));
    m.getSpec().setRecipe("aws-similar-items");
    m.getSpec().setDomain("ECOMMERCE");
    m.getStatus().getFailedGenerations().put("PersonalizeSolution", 1L);
    assertImmutable(m, "spec.domain");

    m.getStatus().getFailedGenerations().put("PersonalizeDatasetGroup", 1L);
    assertThat(validate(m, 10)).as("both failed resources are created again from the new spec").isEmpty();

    m.getSpec().setDatasetGroupName("other");
    assertImmutable(m, "spec.datasetGroupName");
  }

  @Test
  void aChangedRegionIsImmutable() {
    PersonalizationModel m = model();
    m.setStatus(created(m));
    m.getSpec().setRegion("eu-west-1");
    assertImmutable(m, "spec.region");
  }

  private static void assertImmutable(PersonalizationModel m, String path) {
    Outcome o = validate(m, 10).orElseThrow();
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).startsWith(path);
  }

  @Test
  void aRoleArnOutsideTheAllowListIsInvalidSpecNamingTheFieldAndThePatterns() {
    PersonalizationModel m = model();
    var rules = dev.uba.operator.config.LeastPrivilege.DEFAULTS;
    assertThat(ModelValidation.checkRoleArn(m.getSpec(), rules, "aws", "123456789012")).as("no roleArn").isEmpty();
    m.getSpec().getTrainingData().setRoleArn("arn:aws:iam::123456789012:role/uba/personalize-reader");
    assertThat(ModelValidation.checkRoleArn(m.getSpec(), rules, "aws", "123456789012")).isEmpty();
    m.getSpec().getTrainingData().setRoleArn("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole");
    Outcome refused = ModelValidation.checkRoleArn(m.getSpec(), rules, "aws", "123456789012").orElseThrow();
    assertThat(refused.reason()).isEqualTo("InvalidSpec");
    assertThat(refused.message()).startsWith("spec.trainingData.roleArn: ")
        .contains("OrganizationAccountAccessRole").contains("UBA_ALLOWED_ROLE_ARNS")
        .contains("arn:aws:iam::123456789012:role/uba/*");
    var allowing = dev.uba.operator.config.LeastPrivilege.fromEnvironment(
        Map.of("UBA_ALLOWED_ROLE_ARNS", "arn:aws:iam::123456789012:role/Organization*"));
    assertThat(ModelValidation.checkRoleArn(m.getSpec(), allowing, "aws", "123456789012")).isEmpty();
  }
}
