package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.StatusDerivation;
import dev.uba.operator.engine.fake.FakeSolutionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The model's workflow on the fake kit, in-process and without any server: the order of the chain,
 * a pass that ends at a step AWS is still working on, a FAILED step in the middle, deletion in
 * reverse order and a pass of a restarted operator.
 */
class ModelSequencingTest {
  private static final String GROUP = "analytics-recs";
  private static final String SCHEMA = "analytics-recs-interactions";
  private static final String ROLE = "analytics-recs-personalize";

  private final ModelFakes fakes = new ModelFakes();
  private final PersonalizationModel model = ModelValidationTest.model();
  private final PersonalizationModelReconciler reconciler = fakes.reconciler();

  private List<Outcome> pass() {
    return fakes.pass(reconciler, model);
  }

  private PersonalizationModelStatus status() {
    return model.getStatus();
  }

  private boolean condition(String type) {
    return StatusDerivation.find(status().getConditions(), type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  private String degradedMessage() {
    return StatusDerivation.find(status().getConditions(), StatusDerivation.DEGRADED).orElseThrow().getMessage();
  }

  /** A spec change: the next generation. */
  private void specChanged(Runnable change) {
    change.run();
    model.getMetadata().setGeneration(model.getMetadata().getGeneration() + 1);
  }

  @Test
  void theChainIsCreatedInOrderOneStepFurtherEachPass() {
    fakes.untilReady(reconciler, model, 12);

    assertThat(fakes.aws.writes()).containsExactly(
        "create IamRole " + ROLE,
        "create PersonalizeDatasetGroup " + GROUP,
        "create PersonalizeSchema " + SCHEMA,
        "create PersonalizeDataset " + SCHEMA,
        "create PersonalizeEventTracker " + GROUP,
        "create PersonalizeDatasetImportJob analytics-recs-1",
        "create PersonalizeSolution " + GROUP,
        "create PersonalizeSolutionVersion of solution " + GROUP,
        "create PersonalizeCampaign " + GROUP);
    String version = fakes.versions.arns().get(0);
    assertThat(status().getStep()).isEqualTo("Serving");
    assertThat(status().getSolutionVersionArn()).isEqualTo(version);
    assertThat(status().getTrainingSolutionVersionArn()).isNull();
    assertThat(status().getLastTrainedTime()).isEqualTo(ModelFakes.NOW.toString());
    assertThat(status().getMetrics()).containsKey("coverage");
    assertThat(status().getDataAccessRole().getName()).isEqualTo(ROLE);
    assertThat(status().getImportJobNumber()).isEqualTo(1);
    assertThat(status().getResources()).allMatch(r -> r.isReady());
    assertThat(fakes.campaigns.held(GROUP).orElseThrow().desired().solutionVersionArn()).isEqualTo(version);
    assertThat(fakes.events).anyMatch(e -> e.startsWith("Serving: campaign " + GROUP + " serves solution version "
        + version));
    // The Secret carries the tracking ID, which nothing else shows.
    assertThat(status().getTrackingSecretName()).isEqualTo("recs-personalize");
    assertThat(decoded(fakes.secrets.get("recs-personalize").get("TRACKING_ID"))).isEqualTo("tracking-" + GROUP);
    assertThat(Serialization.asJson(status())).doesNotContain("tracking-" + GROUP);
    assertThat(fakes.events).noneMatch(e -> e.contains("tracking-" + GROUP));
  }

  @Test
  void aRoleArnOutsideTheAllowListIsDegradedWithNoAwsCallAtAll() {
    model.getSpec().getTrainingData().setRoleArn("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole");
    pass();
    assertThat(fakes.aws.journal()).as("nothing read, nothing created, nothing passed").isEmpty();
    assertThat(condition(StatusDerivation.DEGRADED)).isTrue();
    assertThat(StatusDerivation.find(status().getConditions(), StatusDerivation.DEGRADED).orElseThrow().getReason())
        .isEqualTo("InvalidSpec");
    assertThat(degradedMessage()).contains("spec.trainingData.roleArn").contains("UBA_ALLOWED_ROLE_ARNS");

    specChanged(() -> model.getSpec().getTrainingData().setRoleArn("arn:aws:iam::123456789012:role/uba/reader"));
    pass();
    assertThat(fakes.aws.writes()).as("an allowed role: the chain starts, and the role is not created")
        .isNotEmpty().noneMatch(w -> w.contains("IamRole"));
  }

  @Test
  void aSecretOfThatNameTheModelDoesNotOwnIsLeftAloneAndTheModelIsDegraded() {
    fakes.foreignSecrets.add("recs-personalize");
    for (int i = 0; i < 12 && (status() == null || !condition(StatusDerivation.DEGRADED)); i++) {
      pass();
      fakes.settle();
    }
    assertThat(condition(StatusDerivation.DEGRADED)).isTrue();
    assertThat(StatusDerivation.find(status().getConditions(), StatusDerivation.DEGRADED).orElseThrow().getReason())
        .isEqualTo(Reasons.ALREADY_EXISTS);
    assertThat(degradedMessage()).contains("Secret recs-personalize", "not owned by this PersonalizationModel");
    assertThat(condition(StatusDerivation.READY)).isFalse();
    assertThat(fakes.secrets).isEmpty();
    assertThat(status().getTrackingSecretName()).isNull();

    // Once it is gone, the model writes its own and records it.
    fakes.foreignSecrets.clear();
    fakes.untilReady(reconciler, model, 12);
    assertThat(fakes.secrets).containsKey("recs-personalize");
    assertThat(status().getTrackingSecretUid()).isEqualTo("uid-of-recs-personalize");
  }

  @Test
  void noRightsOnSecretsInTheNamespaceIsAccessDeniedNamingTheHelmValue() {
    fakes.secretsForbidden = true;
    for (int i = 0; i < 12 && (status() == null || !condition(StatusDerivation.DEGRADED)); i++) {
      pass();
      fakes.settle();
    }
    assertThat(StatusDerivation.find(status().getConditions(), StatusDerivation.DEGRADED).orElseThrow().getReason())
        .isEqualTo(Reasons.ACCESS_DENIED);
    assertThat(degradedMessage()).contains("Secret recs-personalize", "rbac.secretNamespaces");
  }

  @Test
  void aConvergedModelWritesNothingAndReadsNoSolutionVersion() {
    fakes.untilReady(reconciler, model, 12);
    fakes.aws.clearJournal();

    List<Outcome> outcomes = pass();
    assertThat(outcomes).allMatch(Outcome::isReady);
    assertThat(fakes.aws.writes()).isEmpty();
    assertThat(fakes.aws.journal()).noneMatch(c -> c.contains(FakeSolutionVersion.KIND));
  }

  @Test
  void aStepAwsIsStillWorkingOnEndsThePass() {
    List<Outcome> first = pass();

    assertThat(fakes.aws.writes()).containsExactly("create IamRole " + ROLE, "create PersonalizeDatasetGroup " + GROUP);
    assertThat(fakes.aws.journal()).noneMatch(c -> c.contains("PersonalizeSchema"));
    assertThat(status().getStep()).isEqualTo("DatasetGroup");
    assertThat(first).extracting(Outcome::reason).containsExactly(Reasons.READY, Reasons.CREATING);
    assertThat(first.get(1).message()).startsWith("DatasetGroup: PersonalizeDatasetGroup " + GROUP);
    assertThat(condition("Progressing")).isTrue();

    // AWS has not finished: the next pass looks again and goes no further.
    fakes.aws.clearJournal();
    pass();
    assertThat(fakes.aws.writes()).isEmpty();
    assertThat(status().getStep()).isEqualTo("DatasetGroup");

    fakes.settle();
    pass();
    assertThat(fakes.aws.writes()).containsExactly("create PersonalizeSchema " + SCHEMA,
        "create PersonalizeDataset " + SCHEMA, "create PersonalizeEventTracker " + GROUP);
    assertThat(status().getStep()).isEqualTo("Dataset");
  }

  @Test
  void aFailedStepInTheMiddleIsDegradedAndTriedAgainOnlyAfterASpecChange() {
    while (!fakes.solutions.exists(GROUP)) {
      pass();
      fakes.settle();
    }
    fakes.solutions.fail(GROUP, "recipe not usable with this data");
    pass();

    assertThat(condition("Degraded")).isTrue();
    assertThat(StatusDerivation.find(status().getConditions(), "Degraded").orElseThrow().getReason())
        .isEqualTo(Reasons.AWS_RESOURCE_FAILED);
    assertThat(degradedMessage()).contains("Solution: PersonalizeSolution " + GROUP + " is FAILED: recipe not usable");
    assertThat(status().getStep()).isEqualTo("Solution");
    assertThat(status().getFailedGenerations()).containsEntry("PersonalizeSolution", 1L);
    assertThat(fakes.versions.arns()).isEmpty();

    // Without a spec change, passes only look.
    fakes.aws.clearJournal();
    pass();
    pass();
    assertThat(fakes.aws.writes()).isEmpty();

    // The recipe may change while the solution it shapes is failed; it is made again with it.
    specChanged(() -> model.getSpec().setRecipe("aws-similar-items"));
    pass();
    assertThat(fakes.aws.writes()).containsExactly("retry PersonalizeSolution " + GROUP,
        "delete PersonalizeSolution " + GROUP);
    assertThat(fakes.events).anyMatch(e -> e.startsWith("Retrying: PersonalizeSolution " + GROUP));

    fakes.settle();
    fakes.untilReady(reconciler, model, 10);
    assertThat(fakes.solutions.held(GROUP).orElseThrow().desired().recipeArn())
        .isEqualTo("arn:aws:personalize:::recipe/aws-similar-items");
    assertThat(status().getFailedGenerations()).isEmpty();
    assertThat(fakes.writesOf("PersonalizeSolution")).containsExactly("retry PersonalizeSolution " + GROUP,
        "delete PersonalizeSolution " + GROUP, "create PersonalizeSolution " + GROUP);
    assertThat(fakes.writesOf("PersonalizeDatasetGroup")).isEmpty();
    assertThat(fakes.writesOf("PersonalizeDatasetImportJob")).isEmpty();
  }

  @Test
  void aFailedTrainingIsDegradedAndTrainedAgainOnlyAfterASpecChange() {
    untilTrainingStarts();
    String first = status().getTrainingSolutionVersionArn();
    fakes.versions.fail(first, "Insufficient data to train a model.");
    pass();
    assertThat(degradedMessage()).contains("Training: PersonalizeSolutionVersion " + first
        + " is CREATE FAILED: Insufficient data to train a model.");
    assertThat(status().getStep()).isEqualTo("Training");
    pass();
    assertThat(fakes.versions.arns()).containsExactly(first);

    specChanged(() -> model.getSpec().getTags().put("attempt", "2"));
    pass();
    assertThat(fakes.versions.arns()).hasSize(2);
    String second = fakes.versions.arns().get(1);
    assertThat(status().getTrainingSolutionVersionArn()).isEqualTo(second);
    assertThat(status().getTrainingGeneration()).isEqualTo(2L);
    fakes.settle();
    fakes.untilReady(reconciler, model, 6);
    assertThat(status().getSolutionVersionArn()).isEqualTo(second);
    assertThat(fakes.writesOf("PersonalizeSolution")).containsExactly("create PersonalizeSolution " + GROUP,
        "update PersonalizeSolution " + GROUP);
  }

  @Test
  void deletionRunsInReverseOrderEachStepOnceTheOneAfterItIsGone() {
    fakes.untilReady(reconciler, model, 12);
    fakes.aws.clearJournal();

    List<List<String>> perPass = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int before = fakes.aws.writes().size();
      Optional<List<Outcome>> remaining = reconciler.delete(model, status(), null, fakes.sink);
      perPass.add(fakes.aws.writes().subList(before, fakes.aws.writes().size()));
      if (remaining.isEmpty()) {
        break;
      }
      assertThat(status().getStep()).isEqualTo("Deleting");
      assertThat(remaining.get()).allMatch(o -> o.reason().equals(Reasons.DELETING));
      fakes.settle();
    }

    assertThat(fakes.aws.writes()).containsExactly(
        "delete PersonalizeCampaign " + GROUP,
        "delete PersonalizeSolution " + GROUP,
        "delete PersonalizeEventTracker " + GROUP,
        "delete PersonalizeDataset " + SCHEMA,
        "delete PersonalizeSchema " + SCHEMA,
        "delete PersonalizeDatasetGroup " + GROUP,
        "delete IamRole " + ROLE);
    // One resource at a time: each pass starts one deletion, the last one finds everything gone.
    assertThat(perPass.subList(0, 7)).allMatch(w -> w.size() == 1);
    assertThat(perPass).hasSize(8);
    assertThat(perPass.get(7)).isEmpty();
    assertThat(fakes.groups.exists(GROUP)).isFalse();
    assertThat(fakes.roles.exists(ROLE)).isFalse();
  }

  @Test
  void aRestartedOperatorCreatesNothingTwiceAndTakesUpTheRunningTraining() {
    untilTrainingStarts();
    String training = status().getTrainingSolutionVersionArn();
    // The status write of the pass that started the training was lost.
    status().setTrainingSolutionVersionArn(null);
    fakes.aws.clearJournal();

    PersonalizationModelReconciler restarted = fakes.reconciler();
    fakes.pass(restarted, model);
    assertThat(fakes.aws.writes()).isEmpty();
    assertThat(status().getTrainingSolutionVersionArn()).isEqualTo(training);
    assertThat(status().getStep()).isEqualTo("Training");

    fakes.settle();
    fakes.untilReady(fakes.reconciler(), model, 6);
    assertThat(fakes.versions.arns()).containsExactly(training);
    assertThat(status().getSolutionVersionArn()).isEqualTo(training);
    assertThat(fakes.aws.writes()).containsExactly("create PersonalizeCampaign " + GROUP);
  }

  @Test
  void aRestartedOperatorOverReadyResourcesWritesNothing() {
    fakes.untilReady(reconciler, model, 12);
    fakes.aws.clearJournal();
    fakes.pass(fakes.reconciler(), model);
    assertThat(fakes.aws.writes()).isEmpty();
    assertThat(status().getStep()).isEqualTo("Serving");
  }

  /** Passes until the first training runs (AWS finishing each step in between, not the training). */
  private void untilTrainingStarts() {
    for (int i = 0; i < 10; i++) {
      pass();
      if (status().getTrainingSolutionVersionArn() != null) {
        return;
      }
      fakes.settle();
    }
    throw new AssertionError("no training started");
  }

  private static String decoded(String base64) {
    return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
  }
}
