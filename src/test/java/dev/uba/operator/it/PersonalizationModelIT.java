package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Models;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.CallLog;
import dev.uba.operator.testenv.aws.LocalAws;
import dev.uba.operator.testenv.aws.LocalPersonalize;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * PersonalizationModel against the real API server and the local Personalize: every step of the
 * chain takes several passes (the emulator reports CREATE PENDING / IN_PROGRESS first), so these
 * tests see the requeue-driven chain, not a synchronous one. Assertions count calls and states.
 */
class PersonalizationModelIT {
  private KubeApi kube;
  private LocalAws aws;
  private KubernetesClient client;
  private Models models;
  private PersonalizeClient personalize;
  private IamClient iam;
  private String ns;
  private String bucket;
  private RunningOperator operator;

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    aws.personalize().defaults();
    ns = kube.newNamespace("pm");
    client = kube.newClient();
    models = new Models(client);
    bucket = ns + "-data";
    var http = ApacheHttpClient.builder().build();
    // A separate client, as an acceptance test has; only list actions and describes of settled
    // resources, so that it never moves the emulator's states on.
    personalize = PersonalizeClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    iam = IamClient.builder().endpointOverride(aws.motoEndpoint()).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(ApacheHttpClient.builder().build()).build();
    operator = startOperator();
  }

  private RunningOperator startOperator() {
    return startOperator(Duration.ofMinutes(10));
  }

  /**
   * At the whole of the quotas: a model's chain is a few dozen passes whose every call the rate
   * budget spaces (Personalize publishes no rates: 10 reads and 5 writes a second assumed); pacing
   * is QuotaPacingIT's subject, not this class's.
   */
  private RunningOperator startOperator(Duration resync) {
    return RunningOperator.start(kube, aws,
        RunningOperator.config(Duration.ofMillis(300), resync, Set.of(ns)).withAwsQuotaShare(1.0));
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.close();
    }
    aws.personalize().defaults().clearFaults();
    client.close();
    personalize.close();
    iam.close();
  }

  private String yaml(String name, String s3Uri, String extra) {
    return """
        apiVersion: uba.dev/v1alpha1
        kind: PersonalizationModel
        metadata: {name: %s}
        spec:
          tags: {team: growth}
          domain: ""
          datasetGroupName: ""
          trainingData: {s3Uri: "%s", roleArn: ""}
        %s
        """.formatted(name, s3Uri, extra);
  }

  private void trainingData() {
    Models.putS3Object(aws.motoEndpoint(), bucket, "interactions/part-0.csv",
        "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,1,click\n");
  }

  private int count(String operation) {
    return aws.calls().count("personalize", operation);
  }

  @Test
  void theFullChainBecomesReadyWithItsSecretAndIsDeletedInReverseOrder() {
    trainingData();
    aws.calls().clear();
    models.create(ns, yaml("recs", "s3://" + bucket + "/interactions/", ""));

    PersonalizationModel ready = models.awaitReady(ns, "recs");
    var status = ready.getStatus();
    assertThat(status.getPhase().name()).isEqualTo("Ready");
    assertThat(status.getStep()).isEqualTo("Serving");
    assertThat(status.getDatasetGroupArn()).endsWith(":dataset-group/" + ns + "-recs");
    assertThat(status.getSchemaArn()).endsWith(":schema/" + ns + "-recs-interactions");
    assertThat(status.getDatasetArn()).endsWith(":dataset/" + ns + "-recs/INTERACTIONS");
    assertThat(status.getImportJobArn()).endsWith(":dataset-import-job/" + ns + "-recs-1");
    assertThat(status.getSolutionArn()).endsWith(":solution/" + ns + "-recs");
    assertThat(status.getCampaignArn()).endsWith(":campaign/" + ns + "-recs");
    assertThat(status.getEventTrackerArn()).isNotNull();
    assertThat(status.getSolutionVersionArn()).startsWith(status.getSolutionArn() + "/");
    assertThat(status.getTrainingSolutionVersionArn()).isNull();
    assertThat(status.getLastTrainedTime()).isNotNull();
    assertThat(status.getMetrics()).containsKeys("coverage", "precision_at_5");
    assertThat(status.getTrackingSecretName()).isEqualTo("recs-personalize");
    assertThat(status.getResources()).allMatch(r -> r.isReady());
    // Each step waited for the previous one through requeues; one training, one campaign.
    assertThat(count("CreateSolutionVersion")).isEqualTo(1);
    assertThat(count("CreateCampaign")).isEqualTo(1);
    assertThat(count("DescribeDatasetGroup")).isGreaterThan(1);
    assertThat(count("DescribeSolutionVersion")).isGreaterThan(1);

    // The AWS side, read with a separate client.
    var campaign = personalize.describeCampaign(r -> r.campaignArn(status.getCampaignArn())).campaign();
    assertThat(campaign.solutionVersionArn()).isEqualTo(status.getSolutionVersionArn());
    assertThat(campaign.minProvisionedTPS()).isEqualTo(1);
    var tags = personalize.listTagsForResource(r -> r.resourceArn(status.getCampaignArn())).tags();
    assertThat(tags).anyMatch(t -> t.tagKey().equals("uba.dev/owner") && t.tagValue().equals(ns + "/personalizationmodel/recs"));
    assertThat(tags).anyMatch(t -> t.tagKey().equals("team") && t.tagValue().equals("growth"));
    var role = iam.getRole(r -> r.roleName(ns + "-recs-personalize")).role();
    assertThat(java.net.URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
        .contains("personalize.amazonaws.com");
    String policy = java.net.URLDecoder.decode(iam.getRolePolicy(r -> r.roleName(ns + "-recs-personalize")
        .policyName("uba-personalize-read")).policyDocument(), StandardCharsets.UTF_8);
    assertThat(policy).contains("arn:aws:s3:::" + bucket + "/interactions/*").contains("s3:GetObject")
        .contains("s3:ListBucket").doesNotContain("\"*\"");

    // The Secret: content and owner; the tracking ID nowhere else.
    Secret secret = client.secrets().inNamespace(ns).withName("recs-personalize").get();
    String trackingId = personalize.describeEventTracker(r -> r.eventTrackerArn(status.getEventTrackerArn()))
        .eventTracker().trackingId();
    assertThat(decode(secret, "TRACKING_ID")).isEqualTo(trackingId);
    assertThat(decode(secret, "CAMPAIGN_ARN")).isEqualTo(status.getCampaignArn());
    assertThat(decode(secret, "EVENT_TRACKER_ARN")).isEqualTo(status.getEventTrackerArn());
    assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getUid()).isEqualTo(ready.getMetadata().getUid());
      assertThat(o.getKind()).isEqualTo("PersonalizationModel");
      assertThat(o.getController()).isTrue();
    });
    assertThat(Serialization.asJson(models.get(ns, "recs").getStatus())).doesNotContain(trackingId);
    assertThat(models.events(ns, "recs")).noneMatch(e -> e.getMessage().contains(trackingId));

    // Deletion: reverse order, each step waiting for AWS.
    aws.calls().clear();
    models.delete(ns, "recs");
    models.awaitGone(ns, "recs");
    List<String> deletes = aws.calls().snapshot().stream().filter(c -> c.service().equals("personalize")
        && c.operation().startsWith("Delete") && c.succeeded()).map(CallLog.Call::operation).toList();
    assertThat(deletes).containsExactly("DeleteCampaign", "DeleteSolution", "DeleteEventTracker", "DeleteDataset",
        "DeleteSchema", "DeleteDatasetGroup");
    assertThat(personalize.listDatasetGroups(r -> { }).datasetGroups())
        .noneMatch(g -> g.name().equals(ns + "-recs"));
    assertThat(iam.listRoles().roles()).noneMatch(r -> r.roleName().equals(ns + "-recs-personalize"));
  }

  @Test
  void aSecretOfTheModelsNameThatItDoesNotOwnIsLeftUntouchedAndTheModelIsDegradedUntilItIsGone() {
    trainingData();
    Secret theirs = client.resource(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata()
        .withName("taken-personalize").withNamespace(ns).endMetadata()
        .withData(java.util.Map.of("password", "c2VjcmV0")).build()).create();
    models.create(ns, yaml("taken", "s3://" + bucket + "/interactions/", ""));

    PersonalizationModel refused = models.awaitDegraded(ns, "taken", "AlreadyExists");
    assertThat(Models.condition(refused, "Degraded").orElseThrow().getMessage())
        .contains("Secret taken-personalize", "not owned by this PersonalizationModel");
    assertThat(refused.getStatus().getTrackingSecretName()).isNull();
    Secret after = client.secrets().inNamespace(ns).withName("taken-personalize").get();
    assertThat(after.getMetadata().getResourceVersion()).isEqualTo(theirs.getMetadata().getResourceVersion());
    assertThat(after.getData()).containsOnlyKeys("password");
    assertThat(after.getMetadata().getOwnerReferences()).as("not garbage-collected with the model").isNullOrEmpty();

    // Once its owner removes it, the model writes its own at its next look (a resync, here brought
    // forward by a change of spec).
    client.resource(after).delete();
    models.edit(ns, "taken", m -> {
      m.getSpec().setTags(java.util.Map.of("team", "growth", "secret", "freed"));
      return m;
    });
    PersonalizationModel ready = models.awaitReady(ns, "taken");
    Secret ours = client.secrets().inNamespace(ns).withName("taken-personalize").get();
    assertThat(ready.getStatus().getTrackingSecretUid()).isEqualTo(ours.getMetadata().getUid());
    assertThat(ours.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getUid()).isEqualTo(ready.getMetadata().getUid()));
    deleteAndWait("taken");
  }

  @Test
  void aFailedImportIsDegradedWithAwsReasonAndResumesWithANewJobAfterTheSpecIsFixed() {
    aws.calls().clear();
    models.create(ns, yaml("bad", "s3://" + ns + "-missing/interactions/", ""));

    PersonalizationModel degraded = models.awaitDegraded(ns, "bad", "AwsResourceFailed");
    assertThat(Models.condition(degraded, "Degraded").orElseThrow().getMessage())
        .contains(ns + "-bad-1").contains("does not exist");
    assertThat(degraded.getStatus().getStep()).isEqualTo("Import");
    assertThat(degraded.getStatus().getSolutionArn()).isNull();
    int groupsCreated = count("CreateDatasetGroup");

    trainingData();
    models.edit(ns, "bad", m -> {
      m.getSpec().getTrainingData().setS3Uri("s3://" + bucket + "/interactions/");
      return m;
    });
    PersonalizationModel ready = models.awaitReady(ns, "bad");
    assertThat(ready.getStatus().getImportJobArn()).endsWith(":dataset-import-job/" + ns + "-bad-2");
    // Resumed where it stopped: the dataset group, schema and dataset were not made again.
    assertThat(count("CreateDatasetGroup")).isEqualTo(groupsCreated);
    assertThat(count("CreateSchema")).isEqualTo(1);
    assertThat(count("CreateDatasetImportJob")).isEqualTo(2);
    deleteAndWait("bad");
  }

  @Test
  void retrainingKeepsServingTheOldVersionUntilTheNewOneIsActiveThenSwitches() {
    trainingData();
    models.create(ns, yaml("retrain", "s3://" + bucket + "/interactions/", ""));
    PersonalizationModel ready = models.awaitReady(ns, "retrain");
    String first = ready.getStatus().getSolutionVersionArn();
    String campaignArn = ready.getStatus().getCampaignArn();
    aws.calls().clear();
    int versionsBefore = count("CreateSolutionVersion");

    aws.personalize().of(LocalPersonalize.Resource.SOLUTION_VERSION).transitionalDescribes(12);
    models.edit(ns, "retrain", m -> {
      var annotations = m.getMetadata().getAnnotations() == null ? new HashMap<String, String>()
          : new HashMap<>(m.getMetadata().getAnnotations());
      annotations.put("uba.dev/retrain", "2026-11-22");
      m.getMetadata().setAnnotations(annotations);
      return m;
    });
    PersonalizationModel training = models.awaitStatus(ns, "retrain",
        m -> m.getStatus().getTrainingSolutionVersionArn() != null && "Retraining".equals(m.getStatus().getStep()));
    String second = training.getStatus().getTrainingSolutionVersionArn();
    assertThat(second).isNotEqualTo(first);
    assertThat(training.getStatus().getSolutionVersionArn()).isEqualTo(first);
    // While the new version trains the campaign serves the old one and no update was sent.
    assertThat(personalize.describeCampaign(r -> r.campaignArn(campaignArn)).campaign().solutionVersionArn())
        .isEqualTo(first);
    assertThat(count("UpdateCampaign")).isZero();

    PersonalizationModel switched = models.awaitStatus(ns, "retrain",
        m -> second.equals(m.getStatus().getSolutionVersionArn()) && Models.isTrue(m, "Ready"));
    assertThat(switched.getStatus().getPreviousSolutionVersionArn()).isEqualTo(first);
    assertThat(switched.getStatus().getRetrainAnnotation()).isEqualTo("2026-11-22");
    assertThat(switched.getStatus().getTrainingSolutionVersionArn()).isNull();
    assertThat(count("UpdateCampaign")).isEqualTo(1);
    assertThat(count("CreateSolutionVersion")).isEqualTo(versionsBefore + 1);
    // UpdateCampaign was sent only after the new version was reported ACTIVE.
    List<CallLog.Call> calls = aws.calls().snapshot();
    int update = indexOf(calls, "UpdateCampaign", 0);
    int retrained = indexOf(calls, "CreateSolutionVersion", 0);
    assertThat(retrained).isLessThan(update);
    assertThat(calls.subList(retrained, update).stream().filter(c -> c.operation().equals("DescribeSolutionVersion")).count())
        .isGreaterThanOrEqualTo(12);
    assertThat(personalize.describeCampaign(r -> r.campaignArn(campaignArn)).campaign().solutionVersionArn())
        .isEqualTo(second);
    deleteAndWait("retrain");
  }

  @Test
  void aFailedTrainingIsDegradedWithAwsReasonAndIsTrainedAgainAfterASpecChange() {
    trainingData();
    aws.calls().clear();
    aws.personalize().failNextTraining("Insufficient data to train a model.");
    models.create(ns, yaml("failing", "s3://" + bucket + "/interactions/", ""));
    PersonalizationModel degraded = models.awaitDegraded(ns, "failing", "AwsResourceFailed");
    assertThat(Models.condition(degraded, "Degraded").orElseThrow().getMessage())
        .contains("Training").contains("CREATE FAILED").contains("Insufficient data to train a model.");
    assertThat(degraded.getStatus().getStep()).isEqualTo("Training");
    assertThat(count("CreateSolutionVersion")).isEqualTo(1);

    models.edit(ns, "failing", m -> {
      m.getSpec().getTags().put("attempt", "2");
      return m;
    });
    PersonalizationModel ready = models.awaitReady(ns, "failing");
    assertThat(count("CreateSolutionVersion")).isEqualTo(2);
    assertThat(count("CreateSolution")).isEqualTo(1);
    assertThat(ready.getStatus().getSolutionVersionArn()).isNotEqualTo(degraded.getStatus().getTrainingSolutionVersionArn());
    deleteAndWait("failing");
  }

  @Test
  void aSolutionThatFailedIsCreatedAgainWithTheRecipeTheFixedSpecNames() {
    trainingData();
    aws.calls().clear();
    aws.personalize().failNextCreate(LocalPersonalize.Resource.SOLUTION, "recipe not usable with this data");
    models.create(ns, yaml("recipe", "s3://" + bucket + "/interactions/", ""));
    PersonalizationModel degraded = models.awaitDegraded(ns, "recipe", "AwsResourceFailed");
    assertThat(Models.condition(degraded, "Degraded").orElseThrow().getMessage())
        .contains("Solution: PersonalizeSolution " + ns + "-recipe is CREATE FAILED");
    assertThat(degraded.getStatus().getStep()).isEqualTo("Solution");
    assertThat(count("CreateSolutionVersion")).isZero();

    // The recipe is immutable once the solution exists, but this one failed: it is made again.
    models.edit(ns, "recipe", m -> {
      m.getSpec().setRecipe("aws-similar-items");
      return m;
    });
    PersonalizationModel ready = models.awaitReady(ns, "recipe");
    var solution = personalize.describeSolution(r -> r.solutionArn(ready.getStatus().getSolutionArn())).solution();
    assertThat(solution.recipeArn()).isEqualTo("arn:aws:personalize:::recipe/aws-similar-items");
    assertThat(ready.getStatus().getRecipeArn()).isEqualTo(solution.recipeArn());
    assertThat(ready.getStatus().getFailedGenerations()).isEmpty();
    // Resumed at the failed step: the data was imported once, the solution made twice.
    assertThat(count("DeleteSolution")).isEqualTo(1);
    assertThat(count("CreateSolution")).isEqualTo(2);
    assertThat(count("CreateDatasetGroup")).isEqualTo(1);
    assertThat(count("CreateDatasetImportJob")).isEqualTo(1);
    assertThat(models.events(ns, "recipe")).anyMatch(e -> e.getReason().equals("Retrying"));
    deleteAndWait("recipe");
  }

  @Test
  void aFailedDatasetGroupEventTrackerAndCampaignAreTriedAgainOnlyAfterTheSpecChanges() {
    operator.close();
    operator = startOperator(Duration.ofSeconds(1));
    trainingData();
    aws.calls().clear();
    aws.personalize().failNextCreate(LocalPersonalize.Resource.DATASET_GROUP, "The KMS key is not usable.")
        .failNextCreate(LocalPersonalize.Resource.EVENT_TRACKER, "never reported: trackers have no reason")
        .failNextCreate(LocalPersonalize.Resource.CAMPAIGN, "Not enough capacity for minProvisionedTPS 1.");
    models.create(ns, yaml("retry", "s3://" + bucket + "/interactions/", ""));
    PersonalizationModel groupFailed = models.awaitDegraded(ns, "retry", "AwsResourceFailed");
    assertThat(Models.condition(groupFailed, "Degraded").orElseThrow().getMessage())
        .contains("PersonalizeDatasetGroup " + ns + "-retry is CREATE FAILED: The KMS key is not usable.");
    assertThat(groupFailed.getStatus().getStep()).isEqualTo("DatasetGroup");
    // Without a spec change nothing is tried again: resyncs only look.
    int describes = count("DescribeDatasetGroup");
    org.awaitility.Awaitility.await().atMost(Models.TIMEOUT).until(() -> count("DescribeDatasetGroup") >= describes + 3);
    assertThat(count("CreateDatasetGroup")).isEqualTo(1);
    assertThat(count("DeleteDatasetGroup")).isZero();

    models.edit(ns, "retry", m -> {
      m.getSpec().getTags().put("attempt", "2");
      return m;
    });
    PersonalizationModel laterFailures = models.awaitStatus(ns, "retry", m -> m.getStatus().getFailedGenerations()
        .keySet().containsAll(List.of("PersonalizeEventTracker", "PersonalizeCampaign")));
    assertThat(laterFailures.getStatus().getFailedGenerations()).doesNotContainKey("PersonalizeDatasetGroup");
    assertThat(count("CreateDatasetGroup")).isEqualTo(2);
    assertThat(count("DeleteDatasetGroup")).isEqualTo(1);
    assertThat(Models.isTrue(laterFailures, "Ready")).isFalse();

    models.edit(ns, "retry", m -> {
      m.getSpec().getCampaign().setMinProvisionedTPS(2);
      return m;
    });
    PersonalizationModel ready = models.awaitReady(ns, "retry");
    assertThat(ready.getStatus().getFailedGenerations()).isEmpty();
    assertThat(count("CreateEventTracker")).isEqualTo(2);
    assertThat(count("CreateCampaign")).isEqualTo(2);
    assertThat(count("CreateSolutionVersion")).isEqualTo(1);
    assertThat(personalize.describeCampaign(r -> r.campaignArn(ready.getStatus().getCampaignArn())).campaign()
        .minProvisionedTPS()).isEqualTo(2);
    Secret secret = client.secrets().inNamespace(ns).withName("retry-personalize").get();
    assertThat(decode(secret, "EVENT_TRACKER_ARN")).isEqualTo(ready.getStatus().getEventTrackerArn());
    deleteAndWait("retry");
  }

  @Test
  void aFailedCampaignUpdateKeepsServingTheOldVersionAndIsSentAgainAfterASpecChange() {
    trainingData();
    models.create(ns, yaml("switch", "s3://" + bucket + "/interactions/", ""));
    PersonalizationModel ready = models.awaitReady(ns, "switch");
    String first = ready.getStatus().getSolutionVersionArn();
    String campaignArn = ready.getStatus().getCampaignArn();
    aws.calls().clear();

    aws.personalize().failNextCampaignUpdate("Not enough capacity for the new version.");
    models.edit(ns, "switch", m -> {
      m.getMetadata().setAnnotations(new HashMap<>(java.util.Map.of("uba.dev/retrain", "1")));
      return m;
    });
    PersonalizationModel degraded = models.awaitDegraded(ns, "switch", "AwsResourceFailed");
    assertThat(Models.condition(degraded, "Degraded").orElseThrow().getMessage())
        .contains("UPDATE FAILED").contains("Not enough capacity for the new version.");
    String second = degraded.getStatus().getTrainingSolutionVersionArn();
    assertThat(second).isNotNull().isNotEqualTo(first);
    assertThat(degraded.getStatus().getSolutionVersionArn()).isEqualTo(first);
    assertThat(personalize.describeCampaign(r -> r.campaignArn(campaignArn)).campaign().solutionVersionArn())
        .isEqualTo(first);

    models.edit(ns, "switch", m -> {
      m.getSpec().getTags().put("attempt", "2");
      return m;
    });
    PersonalizationModel switched = models.awaitStatus(ns, "switch",
        m -> second.equals(m.getStatus().getSolutionVersionArn()) && Models.isTrue(m, "Ready"));
    assertThat(switched.getStatus().getPreviousSolutionVersionArn()).isEqualTo(first);
    assertThat(count("UpdateCampaign")).isEqualTo(2);
    assertThat(count("CreateSolutionVersion")).as("the trained version is deployed, not trained again").isEqualTo(1);
    assertThat(count("DeleteCampaign")).isZero();
    deleteAndWait("switch");
  }

  @Test
  void deletionPolicyRetainLeavesEveryAwsResourceInPlaceWithItsOwnerTag() {
    trainingData();
    models.create(ns, yaml("kept", "s3://" + bucket + "/interactions/", "  deletionPolicy: Retain"));
    PersonalizationModel ready = models.awaitReady(ns, "kept");
    var status = ready.getStatus();
    aws.calls().clear();

    deleteAndWait("kept");
    assertThat(aws.calls().writes("personalize")).isZero();
    assertThat(aws.calls().writes("iam")).isZero();
    assertThat(models.events(ns, "kept")).anyMatch(e -> e.getReason().equals("Retained"));
    var campaign = personalize.describeCampaign(r -> r.campaignArn(status.getCampaignArn())).campaign();
    assertThat(campaign.status()).isEqualTo("ACTIVE");
    assertThat(campaign.solutionVersionArn()).isEqualTo(status.getSolutionVersionArn());
    for (String arn : List.of(status.getDatasetGroupArn(), status.getDatasetArn(), status.getSolutionArn(),
        status.getCampaignArn(), status.getEventTrackerArn())) {
      assertThat(personalize.listTagsForResource(r -> r.resourceArn(arn)).tags()).as(arn)
          .anyMatch(t -> t.tagKey().equals("uba.dev/owner") && t.tagValue().equals(ns + "/personalizationmodel/kept"));
    }
    assertThat(iam.getRole(r -> r.roleName(ns + "-kept-personalize")).role().arn())
        .isEqualTo(status.getDataAccessRole().getArn());
  }

  @Test
  void aConvergedModelCostsNoWriteCallOnResyncAndTakesThePipelinesTagsAsDefaults() {
    operator.close();
    operator = startOperator(Duration.ofSeconds(1));
    client.resource(new io.fabric8.kubernetes.client.utils.KubernetesSerialization().unmarshal("""
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: clickstream, namespace: %s}
        spec:
          tags: {team: platform, costcenter: "42"}
        """.formatted(ns), dev.uba.operator.api.v1alpha1.UbaPipeline.class)).create();
    trainingData();
    models.create(ns, yaml("steady", "s3://" + bucket + "/interactions/", "  pipelineRef: {name: clickstream}"));
    PersonalizationModel ready = models.awaitReady(ns, "steady");
    var tags = personalize.listTagsForResource(r -> r.resourceArn(ready.getStatus().getSolutionArn())).tags();
    assertThat(tags).anyMatch(t -> t.tagKey().equals("costcenter") && t.tagValue().equals("42"));
    assertThat(tags).anyMatch(t -> t.tagKey().equals("team") && t.tagValue().equals("growth"));

    aws.calls().clear();
    org.awaitility.Awaitility.await().atMost(Models.TIMEOUT).until(() -> count("DescribeCampaign") >= 3);
    assertThat(aws.calls().writes("personalize")).isZero();
    assertThat(aws.calls().writes("iam")).isZero();
    assertThat(count("DescribeSolutionVersion")).isZero();
    assertThat(Models.isTrue(models.get(ns, "steady"), "Ready")).isTrue();
    deleteAndWait("steady");
    client.resources(dev.uba.operator.api.v1alpha1.UbaPipeline.class).inNamespace(ns).withName("clickstream").delete();
    org.awaitility.Awaitility.await().atMost(Models.TIMEOUT).until(() -> client.resources(
        dev.uba.operator.api.v1alpha1.UbaPipeline.class).inNamespace(ns).withName("clickstream").get() == null);
  }

  @Test
  void immutableFieldsAndTheTpsCostGuardAreRefusedWithoutAnyAwsCall() {
    aws.calls().clear();
    models.create(ns, yaml("guard", "s3://" + bucket + "/interactions/", "  campaign: {minProvisionedTPS: 50}"));
    PersonalizationModel refused = models.awaitDegraded(ns, "guard", "InvalidSpec");
    assertThat(Models.condition(refused, "Degraded").orElseThrow().getMessage())
        .contains("spec.campaign.minProvisionedTPS").contains("10");
    assertThat(aws.calls().count("personalize")).isZero();
    assertThat(aws.calls().count("iam")).isZero();

    trainingData();
    models.edit(ns, "guard", m -> {
      m.getSpec().getCampaign().setMinProvisionedTPS(2);
      return m;
    });
    models.awaitReady(ns, "guard");

    // All four immutable fields at once: one refusal naming each field path, and no AWS call.
    aws.calls().clear();
    PersonalizationModel before = models.get(ns, "guard");
    models.edit(ns, "guard", m -> {
      m.getSpec().setRecipe("aws-similar-items");
      m.getSpec().setDomain("ECOMMERCE");
      m.getSpec().setDatasetGroupName("another-group");
      m.getSpec().setInteractionsSchema("{\"type\":\"record\",\"name\":\"Interactions\",\"fields\":["
          + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
          + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"}]}");
      return m;
    });
    PersonalizationModel immutable = models.awaitDegraded(ns, "guard", "ImmutableField");
    assertThat(Models.condition(immutable, "Degraded").orElseThrow().getMessage())
        .contains("spec.recipe").contains("spec.domain").contains("spec.datasetGroupName")
        .contains("spec.interactionsSchema");
    assertThat(immutable.getStatus().getPhase().name()).isEqualTo("Degraded");
    assertThat(aws.calls().count("personalize")).isZero();
    assertThat(aws.calls().count("iam")).isZero();
    models.edit(ns, "guard", m -> {
      m.getSpec().setRecipe(before.getSpec().getRecipe());
      m.getSpec().setDomain(before.getSpec().getDomain());
      m.getSpec().setDatasetGroupName(before.getSpec().getDatasetGroupName());
      m.getSpec().setInteractionsSchema(before.getSpec().getInteractionsSchema());
      return m;
    });
    models.awaitReady(ns, "guard");
    deleteAndWait("guard");
  }

  @Test
  void anOperatorRestartedDuringTrainingResumesWithoutASecondSolutionVersion() {
    trainingData();
    aws.calls().clear();
    aws.personalize().of(LocalPersonalize.Resource.SOLUTION_VERSION).transitionalDescribes(15);
    models.create(ns, yaml("restart", "s3://" + bucket + "/interactions/", ""));
    PersonalizationModel training = models.awaitStatus(ns, "restart",
        m -> m.getStatus().getTrainingSolutionVersionArn() != null && "Training".equals(m.getStatus().getStep()));
    operator.close();
    operator = null;
    assertThat(count("CreateSolutionVersion")).isEqualTo(1);

    operator = startOperator();
    PersonalizationModel ready = models.awaitReady(ns, "restart");
    assertThat(ready.getStatus().getSolutionVersionArn()).isEqualTo(training.getStatus().getTrainingSolutionVersionArn());
    assertThat(count("CreateSolutionVersion")).isEqualTo(1);
    assertThat(count("CreateCampaign")).isEqualTo(1);
    deleteAndWait("restart");
  }

  private void deleteAndWait(String name) {
    models.delete(ns, name);
    models.awaitGone(ns, name);
  }

  /** Index of the (skip+1)-th call of the operation. */
  private static int indexOf(List<CallLog.Call> calls, String operation, int skip) {
    int seen = 0;
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).operation().equals(operation) && seen++ == skip) {
        return i;
      }
    }
    throw new AssertionError("no " + operation + " call");
  }

  private static String decode(Secret secret, String key) {
    return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
  }
}
