package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/** Statuses of the local Personalize and how long they last, with the real SDK client. */
class PersonalizeLifecycleIT {

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

  private String groupStatus(String arn) {
    return personalize.describeDatasetGroup(b -> b.datasetGroupArn(arn)).datasetGroup().status();
  }

  @Test
  void datasetGroupIsCreatePendingThenInProgressThenActive() {
    String arn = personalize.createDatasetGroup(b -> b.name("events")).datasetGroupArn();

    assertThat(arn).isEqualTo("arn:aws:personalize:us-east-1:123456789012:dataset-group/events");
    assertThat(groupStatus(arn)).isEqualTo("CREATE PENDING");
    assertThat(groupStatus(arn)).isEqualTo("CREATE IN_PROGRESS");
    assertThat(groupStatus(arn)).isEqualTo("ACTIVE");
    var group = personalize.describeDatasetGroup(b -> b.datasetGroupArn(arn)).datasetGroup();
    assertThat(group.name()).isEqualTo("events");
    assertThat(group.creationDateTime()).isNotNull();
    assertThat(group.failureReason()).isNull();
  }

  @Test
  void anArrangedCreationFailureEndsCreateFailedWithItsReasonAndTheFailedResourceCanBeDeleted() {
    aws.personalize().failNextCreate(LocalPersonalize.Resource.DATASET_GROUP, "KMS key not usable.");
    String failed = personalize.createDatasetGroup(b -> b.name("broken")).datasetGroupArn();
    String next = personalize.createDatasetGroup(b -> b.name("fine")).datasetGroupArn();

    assertThat(groupStatus(failed)).isEqualTo("CREATE PENDING");
    assertThat(groupStatus(failed)).isEqualTo("CREATE IN_PROGRESS");
    assertThat(groupStatus(failed)).isEqualTo("CREATE FAILED");
    assertThat(personalize.describeDatasetGroup(b -> b.datasetGroupArn(failed)).datasetGroup().failureReason())
        .isEqualTo("KMS key not usable.");
    PersonalizeSetup.untilStatus(() -> groupStatus(next), "ACTIVE");
    assertThat(aws.personalize().pendingCreateFailures(LocalPersonalize.Resource.DATASET_GROUP)).isZero();

    personalize.deleteDatasetGroup(b -> b.datasetGroupArn(failed));
    assertThat(groupStatus(failed)).isEqualTo("DELETE PENDING");
    boolean gone = false;
    for (int i = 0; i < 5 && !gone; i++) {
      try {
        groupStatus(failed);
      } catch (ResourceNotFoundException e) {
        gone = true;
      }
    }
    assertThat(gone).as("the failed dataset group is deleted").isTrue();
  }

  @Test
  void arrangedFailuresApplyToTheirResourceTypeOnly() {
    aws.personalize().instant().failNextCreate(LocalPersonalize.Resource.SOLUTION, "Recipe not supported.");
    String group = setup.activeGroup("g");
    assertThat(groupStatus(group)).isEqualTo("ACTIVE");
    String solution = personalize.createSolution(b -> b.name("s").datasetGroupArn(group)
        .recipeArn("arn:aws:personalize:::recipe/aws-user-personalization")).solutionArn();
    var described = personalize.describeSolution(b -> b.solutionArn(solution)).solution();
    assertThat(described.status()).isEqualTo("CREATE FAILED");
  }

  @Test
  void listsShowTheCurrentStatusWithoutAdvancingIt() {
    aws.personalize().transitionalDescribes(3);
    String arn = personalize.createDatasetGroup(b -> b.name("listed")).datasetGroupArn();

    for (int i = 0; i < 3; i++) {
      assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups())
          .extracting(DatasetGroupSummary::status).containsExactly("CREATE PENDING");
    }
    assertThat(groupStatus(arn)).isEqualTo("CREATE PENDING");
    assertThat(groupStatus(arn)).isEqualTo("CREATE IN_PROGRESS");
    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups())
        .extracting(DatasetGroupSummary::status).containsExactly("CREATE IN_PROGRESS");
  }

  @Test
  void transitionalDescribesAreSetPerResourceType() {
    aws.personalize().of(LocalPersonalize.Resource.DATASET_GROUP).transitionalDescribes(4);
    aws.personalize().of(LocalPersonalize.Resource.DATASET).transitionalDescribes(0);
    String group = personalize.createDatasetGroup(b -> b.name("slow")).datasetGroupArn();

    assertThat(groupStatus(group)).isEqualTo("CREATE PENDING");
    for (int i = 0; i < 3; i++) {
      assertThat(groupStatus(group)).isEqualTo("CREATE IN_PROGRESS");
    }
    assertThat(groupStatus(group)).isEqualTo("ACTIVE");
    String dataset = personalize.createDataset(b -> b.name("d").datasetGroupArn(group)
        .schemaArn(setup.schema("s")).datasetType("Interactions")).datasetArn();
    assertThat(personalize.describeDataset(b -> b.datasetArn(dataset)).dataset().status())
        .isEqualTo("ACTIVE");
  }

  @Test
  void instantLifecycleMakesEveryChangeFinalAtOnce() {
    aws.lifecycle().instant();
    String group = personalize.createDatasetGroup(b -> b.name("instant")).datasetGroupArn();
    assertThat(groupStatus(group)).isEqualTo("ACTIVE");

    personalize.deleteDatasetGroup(b -> b.datasetGroupArn(group));

    assertThatThrownBy(() -> groupStatus(group)).isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void maxDurationEndsTheStatusWithoutFurtherDescribes() throws InterruptedException {
    aws.personalize().transitionalDescribes(1000).maxDuration(Duration.ofMillis(200));
    String group = personalize.createDatasetGroup(b -> b.name("timed")).datasetGroupArn();
    assertThat(groupStatus(group)).isEqualTo("CREATE PENDING");

    Thread.sleep(300);

    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups())
        .extracting(DatasetGroupSummary::status).containsExactly("ACTIVE");
  }

  @Test
  void deletedDatasetGroupIsDeletePendingThenGone() {
    String group = setup.activeGroup("doomed");

    personalize.deleteDatasetGroup(b -> b.datasetGroupArn(group));

    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups())
        .extracting(DatasetGroupSummary::status).containsExactly("DELETE PENDING");
    assertThat(groupStatus(group)).isEqualTo("DELETE PENDING");
    assertThatThrownBy(() -> personalize.deleteDatasetGroup(b -> b.datasetGroupArn(group)))
        .isInstanceOf(ResourceInUseException.class);
    assertThat(groupStatus(group)).isEqualTo("DELETE PENDING");
    assertThatThrownBy(() -> groupStatus(group))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
          assertThat(e.getMessage()).contains(group);
        });
    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups()).isEmpty();
  }

  @Test
  void deletedDatasetIsDeletePendingThenDeleteInProgressThenGone() {
    String group = setup.activeGroup("g");
    String dataset = setup.activeInteractions(group, setup.schema("s"));

    personalize.deleteDataset(b -> b.datasetArn(dataset));

    assertThat(personalize.describeDataset(b -> b.datasetArn(dataset)).dataset().status())
        .isEqualTo("DELETE PENDING");
    assertThat(personalize.describeDataset(b -> b.datasetArn(dataset)).dataset().status())
        .isEqualTo("DELETE IN_PROGRESS");
    assertThatThrownBy(() -> personalize.describeDataset(b -> b.datasetArn(dataset)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void aResourceStillBeingCreatedCannotBeDeleted() {
    String group = personalize.createDatasetGroup(b -> b.name("young")).datasetGroupArn();

    assertThatThrownBy(() -> personalize.deleteDatasetGroup(b -> b.datasetGroupArn(group)))
        .isInstanceOfSatisfying(ResourceInUseException.class,
            e -> assertThat(e.getMessage()).contains("CREATE PENDING"));
  }

  @Test
  void eventTrackerGoesThroughItsStatesAndKeepsItsTrackingId() {
    String group = setup.activeGroup("tracked");
    var created = personalize.createEventTracker(b -> b.name("clicks").datasetGroupArn(group));

    assertThat(created.trackingId()).matches("[0-9a-f-]{36}");
    var first = personalize.describeEventTracker(b -> b.eventTrackerArn(created.eventTrackerArn()))
        .eventTracker();
    assertThat(first.status()).isEqualTo("CREATE PENDING");
    assertThat(first.trackingId()).isEqualTo(created.trackingId());
    assertThat(first.datasetGroupArn()).isEqualTo(group);
    assertThat(first.accountId()).isEqualTo("123456789012");
    PersonalizeSetup.untilStatus(() -> personalize.describeEventTracker(
        b -> b.eventTrackerArn(created.eventTrackerArn())).eventTracker().status(), "ACTIVE");

    personalize.deleteEventTracker(b -> b.eventTrackerArn(created.eventTrackerArn()));

    assertThat(personalize.describeEventTracker(b -> b.eventTrackerArn(created.eventTrackerArn()))
        .eventTracker().status()).isEqualTo("DELETE PENDING");
    assertThat(personalize.describeEventTracker(b -> b.eventTrackerArn(created.eventTrackerArn()))
        .eventTracker().status()).isEqualTo("DELETE IN_PROGRESS");
    assertThat(personalize.listEventTrackers(b -> b.datasetGroupArn(group)).eventTrackers())
        .isEmpty();
  }

  @Test
  void filtersHaveTheirStatesToo() {
    String group = setup.activeGroup("filtered");
    String filter = personalize.createFilter(b -> b.name("no-seen").datasetGroupArn(group)
        .filterExpression("EXCLUDE ItemID WHERE Interactions.EVENT_TYPE IN (\"click\")"))
        .filterArn();

    assertThat(personalize.describeFilter(b -> b.filterArn(filter)).filter().status())
        .isEqualTo("CREATE PENDING");
    assertThat(personalize.listFilters(b -> b.datasetGroupArn(group)).filters())
        .singleElement().satisfies(f -> assertThat(f.filterArn()).isEqualTo(filter));
    PersonalizeSetup.untilStatus(() -> personalize.describeFilter(b -> b.filterArn(filter))
        .filter().status(), "ACTIVE");
  }

  @Test
  void resetForgetsResourcesAndArrangedFailures() {
    setup.activeGroup("before-reset");
    aws.personalize().failNextTraining("never used").failNextCreate(LocalPersonalize.Resource.CAMPAIGN, "never used")
        .of(LocalPersonalize.Resource.CAMPAIGN).transitionalDescribes(9);

    aws.reset();

    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups()).isEmpty();
    assertThat(aws.personalize().pendingTrainingFailures()).isZero();
    assertThat(aws.personalize().pendingCreateFailures(LocalPersonalize.Resource.CAMPAIGN)).isZero();
    assertThat(aws.personalize().of(LocalPersonalize.Resource.CAMPAIGN).transitionalDescribes())
        .isEqualTo(Lifecycle.DEFAULT_TRANSITIONAL_DESCRIBES);
  }

  @Test
  void actionsOutsideTheEmulatorAreNotImplementedAndCounted() {
    assertThatThrownBy(() -> personalize.listRecipes(b -> { }))
        .isInstanceOfSatisfying(PersonalizeException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(501);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
          assertThat(e.getMessage()).contains("ListRecipes");
        });
    assertThat(aws.calls().count("personalize", "ListRecipes")).isEqualTo(1);
  }
}
