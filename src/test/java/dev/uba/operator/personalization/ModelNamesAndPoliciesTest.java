package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.engine.PolicyDocuments;
import org.junit.jupiter.api.Test;

class ModelNamesAndPoliciesTest {

  @Test
  void namesFollowTheContract() {
    PersonalizationModel m = ModelValidationTest.model();
    ModelNames n = ModelNames.of(m);
    assertThat(n.ownerId()).isEqualTo("analytics/personalizationmodel/recs");
    assertThat(n.datasetGroup()).isEqualTo("analytics-recs");
    assertThat(n.schema()).isEqualTo("analytics-recs-interactions");
    assertThat(n.solution()).isEqualTo("analytics-recs");
    assertThat(n.campaign()).isEqualTo("analytics-recs");
    assertThat(n.eventTracker()).isEqualTo("analytics-recs");
    assertThat(n.importJob(3)).isEqualTo("analytics-recs-3");
    assertThat(n.role()).isEqualTo("analytics-recs-personalize");
    assertThat(n.secret()).isEqualTo("recs-personalize");
    m.getSpec().setDatasetGroupName("given");
    assertThat(ModelNames.of(m).datasetGroup()).isEqualTo("given");
  }

  @Test
  void longNamesAreCutToPersonalizesLimitWithAHash() {
    PersonalizationModel m = ModelValidationTest.model();
    m.getMetadata().setName("a".repeat(60) + ".b");
    ModelNames n = ModelNames.of(m);
    assertThat(n.datasetGroup()).hasSize(63).matches("[a-zA-Z0-9][a-zA-Z0-9_-]*-[0-9a-f]{8}");
    assertThat(n.importJob(12)).hasSize(63);
    assertThat(ModelNames.of(m)).isEqualTo(n);
  }

  @Test
  void theReadPolicyGrantsOnlyTheTrainingPrefix() throws Exception {
    JsonNode doc = new ObjectMapper().readTree(ModelPolicies.read("aws", "s3://archive/interactions/"));
    assertThat(doc.toString()).doesNotContain("\"*\"").doesNotContain("s3:*");
    JsonNode list = doc.path("Statement").get(0);
    assertThat(list.path("Action").toString()).isEqualTo("[\"s3:ListBucket\"]");
    assertThat(list.path("Resource").toString()).isEqualTo("[\"arn:aws:s3:::archive\"]");
    assertThat(list.path("Condition").path("StringLike").path("s3:prefix").toString()).isEqualTo("[\"interactions/*\"]");
    JsonNode get = doc.path("Statement").get(1);
    assertThat(get.path("Action").toString()).isEqualTo("[\"s3:GetObject\"]");
    assertThat(get.path("Resource").toString()).isEqualTo("[\"arn:aws:s3:::archive/interactions/*\"]");
    assertThat(PolicyDocuments.equivalent(ModelPolicies.read("aws", "s3://archive/interactions/"),
        ModelPolicies.read("aws", "s3://archive/interactions/"))).isTrue();
  }

  @Test
  void theTrustPolicyNamesPersonalizeOfThisAccountAndRegion() throws Exception {
    JsonNode statement = new ObjectMapper()
        .readTree(ModelPolicies.trust("aws", "eu-west-1", "123456789012")).path("Statement").get(0);
    assertThat(statement.path("Principal").path("Service").toString()).isEqualTo("[\"personalize.amazonaws.com\"]");
    assertThat(statement.path("Condition").path("StringEquals").path("aws:SourceAccount").toString())
        .isEqualTo("[\"123456789012\"]");
    assertThat(statement.path("Condition").path("ArnLike").path("aws:SourceArn").toString())
        .isEqualTo("[\"arn:aws:personalize:eu-west-1:123456789012:*\"]");
  }

  @Test
  void theDataAccessRoleIsUnderUbaWithTheBoundaryAndTrustsPersonalizeOfItsRegion() {
    PersonalizationModel m = ModelValidationTest.model();
    String boundary = "arn:aws:iam::123456789012:policy/uba-operator-boundary";
    var role = new ModelDesiredState(m, ModelNames.of(m),
        new ModelDesiredState.Location("eu-west-1", "123456789012", "aws", boundary)).role();
    assertThat(role.name()).isEqualTo("analytics-recs-personalize");
    assertThat(role.path()).isEqualTo("/uba/");
    assertThat(role.permissionsBoundary()).isEqualTo(boundary);
    assertThat(role.trustPolicy()).isEqualTo(ModelPolicies.trust("aws", "eu-west-1", "123456789012"));
    assertThat(new ModelDesiredState(m, ModelNames.of(m), new ModelDesiredState.Location("eu-west-1", "123456789012",
        "aws")).role().permissionsBoundary()).as("none configured").isNull();
  }

  @Test
  void s3UrisAreSplitIntoBucketAndPrefix() {
    assertThat(ModelPolicies.S3Location.parse("s3://b/p/q.csv")).isEqualTo(new ModelPolicies.S3Location("b", "p/q.csv"));
    assertThat(ModelPolicies.S3Location.parse("s3://b")).isEqualTo(new ModelPolicies.S3Location("b", ""));
    assertThatThrownBy(() -> ModelPolicies.S3Location.parse("https://b/p")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePipelinesTagsAreDefaultsTheModelsOwnOverride() {
    assertThat(ModelDesiredState.tagsWithDefaults(java.util.Map.of("team", "platform", "cost", "42", "uba.dev/x", "y"),
        java.util.Map.of("team", "growth"))).containsOnly(java.util.Map.entry("team", "growth"),
        java.util.Map.entry("cost", "42"));
    assertThat(ModelDesiredState.tagsWithDefaults(null, null)).isEmpty();
  }

  @Test
  void recipeNamesBecomeArnsOfThePartition() {
    assertThat(ModelDesiredState.recipeArn("aws-user-personalization", "aws"))
        .isEqualTo("arn:aws:personalize:::recipe/aws-user-personalization");
    assertThat(ModelDesiredState.recipeArn("aws-similar-items", "aws-cn"))
        .isEqualTo("arn:aws-cn:personalize:::recipe/aws-similar-items");
    assertThat(ModelDesiredState.recipeArn("arn:aws:personalize:::recipe/x", "aws")).isEqualTo("arn:aws:personalize:::recipe/x");
  }

  @Test
  void desiredArnsAreDerivedFromNamesOrTakenFromStatus() {
    PersonalizationModel m = ModelValidationTest.model();
    var desired = new ModelDesiredState(m, ModelNames.of(m),
        new ModelDesiredState.Location("us-east-1", "123456789012", "aws"));
    assertThat(desired.datasetGroup().arn())
        .isEqualTo("arn:aws:personalize:us-east-1:123456789012:dataset-group/analytics-recs");
    assertThat(desired.dataset().arn())
        .isEqualTo("arn:aws:personalize:us-east-1:123456789012:dataset/analytics-recs/INTERACTIONS");
    assertThat(desired.importJob(2, "arn:aws:iam::123456789012:role/r").arn()).endsWith(":dataset-import-job/analytics-recs-2");
    assertThat(desired.eventTracker().arn()).isNull();
    assertThat(desired.campaign("v1").minProvisionedTps()).isEqualTo(1);
    assertThat(desired.schema().definition()).isEqualTo(PersonalizationModelSpec.DEFAULT_INTERACTIONS_SCHEMA);
    assertThat(desired.datasetGroup().domain()).isNull();
    assertThat(desired.tags()).containsEntry("uba.dev/owner", "analytics/personalizationmodel/recs")
        .containsEntry("uba.dev/managed-by", "uba-operator");
  }
}
