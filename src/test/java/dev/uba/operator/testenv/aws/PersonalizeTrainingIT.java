package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.Campaign;
import software.amazon.awssdk.services.personalize.model.CampaignSummary;
import software.amazon.awssdk.services.personalize.model.DatasetImportJob;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.SolutionVersion;

/**
 * Import jobs (with the emulator's S3), training, metrics and campaigns of the local Personalize,
 * with the real SDK client.
 */
class PersonalizeTrainingIT {

  private static LocalAws aws;
  private static PersonalizeClient personalize;
  private static PersonalizeSetup setup;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    personalize = TestClients.personalize(aws.endpoint(), false);
    setup = new PersonalizeSetup(aws, personalize);
  }

  @AfterAll
  static void closeClients() {
    personalize.close();
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
  }

  private DatasetImportJob importJob(String arn) {
    return personalize.describeDatasetImportJob(b -> b.datasetImportJobArn(arn)).datasetImportJob();
  }

  private SolutionVersion version(String arn) {
    return personalize.describeSolutionVersion(b -> b.solutionVersionArn(arn)).solutionVersion();
  }

  private Campaign campaign(String arn) {
    return personalize.describeCampaign(b -> b.campaignArn(arn)).campaign();
  }

  private String startImport(String name, String dataset, String location) {
    return personalize.createDatasetImportJob(b -> b.jobName(name).datasetArn(dataset)
        .roleArn(PersonalizeSetup.ROLE).dataSource(s -> s.dataLocation(location)))
        .datasetImportJobArn();
  }

  @Test
  void importJobReadsTheEmulatorsS3AndBecomesActive() {
    String dataset = setup.activeInteractions(setup.activeGroup("g"), setup.schema("s"));
    setup.putObject("uba-data", "in/part-0.csv", "USER_ID,ITEM_ID,TIMESTAMP\n");

    String job = startImport("import-1", dataset, "s3://uba-data/in/");

    assertThat(importJob(job).status()).isEqualTo("CREATE PENDING");
    assertThat(importJob(job).status()).isEqualTo("CREATE IN_PROGRESS");
    DatasetImportJob done = importJob(job);
    assertThat(done.status()).isEqualTo("ACTIVE");
    assertThat(done.dataSource().dataLocation()).isEqualTo("s3://uba-data/in/");
    assertThat(done.importModeAsString()).isEqualTo("FULL");
    assertThat(done.failureReason()).isNull();
    assertThat(personalize.listDatasetImportJobs(b -> b.datasetArn(dataset)).datasetImportJobs())
        .singleElement().satisfies(s -> assertThat(s.status()).isEqualTo("ACTIVE"));
  }

  @Test
  void importJobWhoseDataCannotBeReadEndsCreateFailed() {
    String dataset = setup.activeInteractions(setup.activeGroup("g"), setup.schema("s"));
    setup.putObject("empty-bucket", null, null);

    java.util.List<String[]> failures = java.util.List.of(
        new String[] {"no-bucket", "s3://no-such-bucket/data/", "does not exist"},
        new String[] {"no-data", "s3://empty-bucket/data/", "No data was found"},
        new String[] {"not-s3", "https://example.com/data.csv", "not an Amazon S3 path"});
    for (String[] f : failures) {
      String job = startImport(f[0], dataset, f[1]);
      PersonalizeSetup.untilStatus(() -> importJob(job).status(), "CREATE FAILED");
      assertThat(importJob(job).failureReason()).as(f[0]).contains(f[1]).contains(f[2]);
    }
    assertThatThrownBy(() -> startImport("bad-uri", dataset, "bucket/data.csv"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void importJobNeedsAnActiveDataset() {
    String group = setup.activeGroup("g");
    String dataset = personalize.createDataset(b -> b.name("d").datasetGroupArn(group)
        .schemaArn(setup.schema("s")).datasetType("Interactions")).datasetArn();

    assertThatThrownBy(() -> startImport("early", dataset, "s3://b/x"))
        .isInstanceOfSatisfying(ResourceInUseException.class,
            e -> assertThat(e.getMessage()).contains(dataset));
  }

  @Test
  void trainingNeedsAnInteractionsDatasetWithACompletedImport() {
    String group = setup.activeGroup("g");
    String solution = setup.activeSolution("sol", group);

    assertThatThrownBy(() -> personalize.createSolutionVersion(b -> b.solutionArn(solution)))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("interactions"));
    String dataset = setup.activeInteractions(group, setup.schema("s"));
    assertThatThrownBy(() -> personalize.createSolutionVersion(b -> b.solutionArn(solution)))
        .isInstanceOf(InvalidInputException.class);
    setup.putObject("d-data", "x.csv", "USER_ID,ITEM_ID,TIMESTAMP\n");
    String job = startImport("imp", dataset, "s3://d-data/x.csv");
    assertThatThrownBy(() -> personalize.createSolutionVersion(b -> b.solutionArn(solution)))
        .isInstanceOfSatisfying(ResourceInUseException.class,
            e -> assertThat(e.getMessage()).contains(job));
    PersonalizeSetup.untilStatus(() -> importJob(job).status(), "ACTIVE");

    String version = personalize.createSolutionVersion(b -> b.solutionArn(solution))
        .solutionVersionArn();

    assertThat(version).startsWith(solution + "/");
    assertThat(version(version).status()).isEqualTo("CREATE PENDING");
    assertThat(version(version).status()).isEqualTo("CREATE IN_PROGRESS");
    SolutionVersion trained = version(version);
    assertThat(trained.status()).isEqualTo("ACTIVE");
    assertThat(trained.trainingModeAsString()).isEqualTo("FULL");
    assertThat(trained.recipeArn()).isEqualTo(PersonalizeSetup.RECIPE);
    assertThat(trained.trainingHours()).isPositive();
    assertThat(personalize.describeSolution(b -> b.solutionArn(solution)).solution()
        .latestSolutionVersion().solutionVersionArn()).isEqualTo(version);
  }

  @Test
  void solutionVersionNeedsAnActiveSolution() {
    String group = setup.activeGroup("g");
    String solution = personalize.createSolution(b -> b.name("young").datasetGroupArn(group)
        .recipeArn(PersonalizeSetup.RECIPE)).solutionArn();

    assertThatThrownBy(() -> personalize.createSolutionVersion(b -> b.solutionArn(solution)))
        .isInstanceOf(ResourceInUseException.class);
  }

  @Test
  void anArrangedTrainingFailureEndsCreateFailedAndHasNoMetrics() {
    String solution = setup.trainableSolution("f");
    aws.personalize().failNextTraining("Insufficient data: at least 1000 interactions needed.");

    String failed = personalize.createSolutionVersion(b -> b.solutionArn(solution))
        .solutionVersionArn();

    assertThat(aws.personalize().pendingTrainingFailures()).isZero();
    assertThat(version(failed).status()).isEqualTo("CREATE PENDING");
    assertThat(version(failed).failureReason()).isNull();
    PersonalizeSetup.untilStatus(() -> version(failed).status(), "CREATE FAILED");
    assertThat(version(failed).failureReason())
        .isEqualTo("Insufficient data: at least 1000 interactions needed.");
    assertThatThrownBy(() -> personalize.getSolutionMetrics(b -> b.solutionVersionArn(failed)))
        .isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> personalize.createCampaign(b -> b.name("c").solutionVersionArn(failed)))
        .isInstanceOf(ResourceInUseException.class);
    assertThat(version(setup.activeVersion(solution)).status()).isEqualTo("ACTIVE");
  }

  @Test
  void metricsOfAnActiveVersionArePlausibleAndStable() {
    String version = setup.activeVersion(setup.trainableSolution("m"));

    var metrics = personalize.getSolutionMetrics(b -> b.solutionVersionArn(version));

    assertThat(metrics.solutionVersionArn()).isEqualTo(version);
    assertThat(metrics.metrics()).containsOnlyKeys("coverage", "mean_reciprocal_rank_at_25",
        "normalized_discounted_cumulative_gain_at_5", "normalized_discounted_cumulative_gain_at_10",
        "normalized_discounted_cumulative_gain_at_25", "precision_at_5", "precision_at_10",
        "precision_at_25");
    assertThat(metrics.metrics().values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    Map<String, Double> m = metrics.metrics();
    assertThat(m.get("precision_at_5")).isGreaterThanOrEqualTo(m.get("precision_at_10"));
    assertThat(m.get("normalized_discounted_cumulative_gain_at_25"))
        .isGreaterThanOrEqualTo(m.get("normalized_discounted_cumulative_gain_at_5"));
    assertThat(personalize.getSolutionMetrics(b -> b.solutionVersionArn(version)).metrics())
        .isEqualTo(m);
  }

  @Test
  void stoppingAVersionInProgressGoesThroughCreateStopping() {
    String solution = setup.trainableSolution("st");
    aws.personalize().of(LocalPersonalize.Resource.SOLUTION_VERSION).transitionalDescribes(3);
    String version = personalize.createSolutionVersion(b -> b.solutionArn(solution))
        .solutionVersionArn();
    version(version);
    assertThat(version(version).status()).isEqualTo("CREATE IN_PROGRESS");

    personalize.stopSolutionVersionCreation(b -> b.solutionVersionArn(version));

    assertThat(version(version).status()).isEqualTo("CREATE STOPPING");
    PersonalizeSetup.untilStatus(() -> version(version).status(), "CREATE STOPPED");
    assertThatThrownBy(() -> personalize.stopSolutionVersionCreation(
        b -> b.solutionVersionArn(version))).isInstanceOf(ResourceInUseException.class);
  }

  @Test
  void campaignNeedsAnActiveVersionAndGoesThroughItsStates() {
    String solution = setup.trainableSolution("c");
    String training = personalize.createSolutionVersion(b -> b.solutionArn(solution))
        .solutionVersionArn();
    assertThatThrownBy(() -> personalize.createCampaign(b -> b.name("early")
        .solutionVersionArn(training)))
        .isInstanceOfSatisfying(ResourceInUseException.class,
            e -> assertThat(e.getMessage()).contains("CREATE PENDING"));
    PersonalizeSetup.untilStatus(() -> version(training).status(), "ACTIVE");
    assertThatThrownBy(() -> personalize.createCampaign(b -> b.name("zero")
        .solutionVersionArn(training).minProvisionedTPS(0)))
        .isInstanceOf(InvalidInputException.class);

    String campaign = personalize.createCampaign(b -> b.name("recs").solutionVersionArn(training)
        .minProvisionedTPS(2)).campaignArn();

    assertThat(campaign).isEqualTo("arn:aws:personalize:us-east-1:123456789012:campaign/recs");
    assertThat(campaign(campaign).status()).isEqualTo("CREATE PENDING");
    assertThat(campaign(campaign).status()).isEqualTo("CREATE IN_PROGRESS");
    Campaign active = campaign(campaign);
    assertThat(active.status()).isEqualTo("ACTIVE");
    assertThat(active.solutionVersionArn()).isEqualTo(training);
    assertThat(active.minProvisionedTPS()).isEqualTo(2);
    assertThat(active.latestCampaignUpdate()).isNull();
    assertThat(personalize.listCampaigns(b -> b.solutionArn(solution)).campaigns())
        .extracting(CampaignSummary::campaignArn).containsExactly(campaign);
  }

  @Test
  void updateCampaignDeploysTheNewVersionOnceItsUpdateIsActive() {
    String solution = setup.trainableSolution("u");
    String v1 = setup.activeVersion(solution);
    String campaign = personalize.createCampaign(b -> b.name("recs").solutionVersionArn(v1))
        .campaignArn();
    assertThatThrownBy(() -> personalize.updateCampaign(b -> b.campaignArn(campaign)
        .solutionVersionArn(v1))).isInstanceOf(ResourceInUseException.class);
    PersonalizeSetup.untilStatus(() -> campaign(campaign).status(), "ACTIVE");
    String v2 = setup.activeVersion(solution);

    personalize.updateCampaign(b -> b.campaignArn(campaign).solutionVersionArn(v2)
        .minProvisionedTPS(3));

    Campaign updating = campaign(campaign);
    assertThat(updating.status()).isEqualTo("ACTIVE");
    assertThat(updating.solutionVersionArn()).isEqualTo(v1);
    assertThat(updating.latestCampaignUpdate().status()).isEqualTo("CREATE PENDING");
    assertThat(updating.latestCampaignUpdate().solutionVersionArn()).isEqualTo(v2);
    assertThatThrownBy(() -> personalize.updateCampaign(b -> b.campaignArn(campaign)
        .minProvisionedTPS(5))).isInstanceOf(ResourceInUseException.class);
    assertThat(campaign(campaign).latestCampaignUpdate().status()).isEqualTo("CREATE IN_PROGRESS");
    Campaign updated = campaign(campaign);
    assertThat(updated.latestCampaignUpdate().status()).isEqualTo("ACTIVE");
    assertThat(updated.solutionVersionArn()).isEqualTo(v2);
    assertThat(updated.minProvisionedTPS()).isEqualTo(3);
  }

  @Test
  void anArrangedCampaignUpdateFailureLeavesTheCampaignServingWhatItDeployed() {
    aws.personalize().of(LocalPersonalize.Resource.CAMPAIGN).instant();
    String solution = setup.trainableSolution("f");
    String v1 = setup.activeVersion(solution);
    String campaign = personalize.createCampaign(b -> b.name("recs").solutionVersionArn(v1))
        .campaignArn();
    String v2 = setup.activeVersion(solution);
    aws.personalize().failNextCampaignUpdate("Not enough capacity.");

    personalize.updateCampaign(b -> b.campaignArn(campaign).solutionVersionArn(v2));
    Campaign failed = campaign(campaign);
    assertThat(failed.status()).isEqualTo("ACTIVE");
    assertThat(failed.solutionVersionArn()).isEqualTo(v1);
    assertThat(failed.latestCampaignUpdate().status()).isEqualTo("CREATE FAILED");
    assertThat(failed.latestCampaignUpdate().failureReason()).isEqualTo("Not enough capacity.");

    personalize.updateCampaign(b -> b.campaignArn(campaign).solutionVersionArn(v2));
    assertThat(campaign(campaign).solutionVersionArn()).isEqualTo(v2);
  }

  @Test
  void updateCampaignToAVersionThatIsNotActiveIsRefused() {
    aws.personalize().of(LocalPersonalize.Resource.CAMPAIGN).instant();
    String solution = setup.trainableSolution("r");
    String v1 = setup.activeVersion(solution);
    String campaign = personalize.createCampaign(b -> b.name("recs").solutionVersionArn(v1))
        .campaignArn();
    String training = personalize.createSolutionVersion(b -> b.solutionArn(solution))
        .solutionVersionArn();

    assertThatThrownBy(() -> personalize.updateCampaign(b -> b.campaignArn(campaign)
        .solutionVersionArn(training))).isInstanceOf(ResourceInUseException.class);
    assertThat(campaign(campaign).solutionVersionArn()).isEqualTo(v1);
  }

  @Test
  void solutionsAndDatasetsInUseCannotBeDeleted() {
    aws.personalize().of(LocalPersonalize.Resource.CAMPAIGN).instant();
    String solution = setup.trainableSolution("d");
    String v1 = setup.activeVersion(solution);
    String campaign = personalize.createCampaign(b -> b.name("recs").solutionVersionArn(v1))
        .campaignArn();
    String dataset = personalize.listDatasets(b -> b.datasetGroupArn(
        personalize.describeSolution(s -> s.solutionArn(solution)).solution().datasetGroupArn()))
        .datasets().get(0).datasetArn();

    assertThatThrownBy(() -> personalize.deleteSolution(b -> b.solutionArn(solution)))
        .isInstanceOfSatisfying(ResourceInUseException.class,
            e -> assertThat(e.getMessage()).contains(campaign));
    personalize.createSolutionVersion(b -> b.solutionArn(solution));
    assertThatThrownBy(() -> personalize.deleteDataset(b -> b.datasetArn(dataset)))
        .isInstanceOfSatisfying(ResourceInUseException.class,
            e -> assertThat(e.getMessage()).contains("solution version"));

    personalize.deleteCampaign(b -> b.campaignArn(campaign));
    assertThat(personalize.listCampaigns(b -> b.solutionArn(solution)).campaigns()).isEmpty();
  }

  @Test
  void trainingModeUpdateNeedsATrainedVersion() {
    String solution = setup.trainableSolution("t");

    assertThatThrownBy(() -> personalize.createSolutionVersion(b -> b.solutionArn(solution)
        .trainingMode("UPDATE"))).isInstanceOf(InvalidInputException.class);
    setup.activeVersion(solution);
    String update = personalize.createSolutionVersion(b -> b.solutionArn(solution)
        .trainingMode("UPDATE")).solutionVersionArn();
    assertThat(version(update).trainingModeAsString()).isEqualTo("UPDATE");
    assertThat(personalize.listSolutionVersions(b -> b.solutionArn(solution)).solutionVersions())
        .hasSize(2);
  }
}
