package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DatasetGroupSummary;
import software.amazon.awssdk.services.personalize.model.InvalidInputException;
import software.amazon.awssdk.services.personalize.model.InvalidNextTokenException;
import software.amazon.awssdk.services.personalize.model.LimitExceededException;
import software.amazon.awssdk.services.personalize.model.PersonalizeException;
import software.amazon.awssdk.services.personalize.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.personalize.model.ResourceInUseException;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.Tag;
import software.amazon.awssdk.services.personalize.model.TooManyTagsException;

/** Validation, refusals and error shapes of the local Personalize, with the real SDK client. */
class PersonalizeValidationIT {

  private static LocalAws aws;
  private static PersonalizeClient personalize;
  private static PersonalizeClient retrying;
  private static PersonalizeSetup setup;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    personalize = TestClients.personalize(aws.endpoint(), false);
    retrying = TestClients.personalize(aws.endpoint(), true);
    setup = new PersonalizeSetup(aws, personalize);
  }

  @AfterAll
  static void closeClients() {
    personalize.close();
    retrying.close();
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

  @Test
  void errorsHaveAwsJsonShape() {
    assertThatThrownBy(() -> personalize.describeDatasetGroup(b -> b.datasetGroupArn(
        "arn:aws:personalize:us-east-1:123456789012:dataset-group/missing")))
        .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
          assertThat(e.awsErrorDetails().errorMessage()).contains("dataset-group/missing");
        });
    assertThat(aws.calls().snapshot()).singleElement().satisfies(c -> {
      assertThat(c.service()).isEqualTo("personalize");
      assertThat(c.operation()).isEqualTo("DescribeDatasetGroup");
      assertThat(c.errorCode()).isEqualTo("ResourceNotFoundException");
    });
  }

  @Test
  void malformedNamesAndArnsAreInvalidInput() {
    assertThatThrownBy(() -> personalize.createDatasetGroup(b -> b.name("-starts-with-dash")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> personalize.createDatasetGroup(b -> b.name("x".repeat(64))))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> personalize.createDatasetGroup(b -> { }))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> personalize.describeDatasetGroup(b -> b.datasetGroupArn("group-1")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> personalize.createDatasetGroup(b -> b.name("g").kmsKeyArn(
        "arn:aws:kms:us-east-1:123456789012:key/k"))).isInstanceOf(InvalidInputException.class);
    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups()).isEmpty();
  }

  @Test
  void duplicateNamesAreResourceAlreadyExists() {
    String group = setup.activeGroup("dup");
    String schema = setup.schema("dup-schema");
    setup.activeInteractions(group, schema);

    assertThatThrownBy(() -> personalize.createDatasetGroup(b -> b.name("dup")))
        .isInstanceOfSatisfying(ResourceAlreadyExistsException.class,
            e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> personalize.createSchema(b -> b.name("dup-schema")
        .schema(PersonalizeSetup.INTERACTIONS_SCHEMA)))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThatThrownBy(() -> personalize.createDataset(b -> b.name("second").datasetGroupArn(group)
        .schemaArn(schema).datasetType("INTERACTIONS")))
        .isInstanceOfSatisfying(ResourceAlreadyExistsException.class,
            e -> assertThat(e.getMessage()).contains("Interactions"));
  }

  @Test
  void schemasAreValidatedAndCannotBeDeletedWhileUsed() {
    assertThatThrownBy(() -> personalize.createSchema(b -> b.name("bad").schema("{not json")))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> personalize.createSchema(b -> b.name("bad").schema("{\"type\":\"enum\"}")))
        .isInstanceOf(InvalidInputException.class);
    String itemsOnly = personalize.createSchema(b -> b.name("items").schema("{\"type\":\"record\","
        + "\"name\":\"Items\",\"fields\":[{\"name\":\"ITEM_ID\",\"type\":\"string\"}]}")).schemaArn();
    String group = setup.activeGroup("g");

    assertThatThrownBy(() -> personalize.createDataset(b -> b.name("i").datasetGroupArn(group)
        .schemaArn(itemsOnly).datasetType("Interactions")))
        .isInstanceOfSatisfying(InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("USER_ID"));
    String schema = setup.schema("used");
    String dataset = setup.activeInteractions(group, schema);
    assertThatThrownBy(() -> personalize.deleteSchema(b -> b.schemaArn(schema)))
        .isInstanceOf(ResourceInUseException.class);
    assertThat(personalize.describeSchema(b -> b.schemaArn(schema)).schema().schema())
        .isEqualTo(PersonalizeSetup.INTERACTIONS_SCHEMA);

    aws.personalize().instant();
    personalize.deleteDataset(b -> b.datasetArn(dataset));
    personalize.deleteSchema(b -> b.schemaArn(schema));
    assertThatThrownBy(() -> personalize.describeSchema(b -> b.schemaArn(schema)))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void childrenNeedAnActiveDatasetGroup() {
    String group = personalize.createDatasetGroup(b -> b.name("pending")).datasetGroupArn();
    String schema = setup.schema("s");

    assertThatThrownBy(() -> personalize.createDataset(b -> b.name("d").datasetGroupArn(group)
        .schemaArn(schema).datasetType("Interactions")))
        .isInstanceOfSatisfying(ResourceInUseException.class,
            e -> assertThat(e.getMessage()).contains("CREATE PENDING"));
    assertThatThrownBy(() -> personalize.createEventTracker(b -> b.name("t").datasetGroupArn(group)))
        .isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> personalize.createSolution(b -> b.name("s").datasetGroupArn(group)
        .recipeArn(PersonalizeSetup.RECIPE))).isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> personalize.createDataset(b -> b.name("d").schemaArn(schema)
        .datasetType("Interactions").datasetGroupArn(group.replace("pending", "absent"))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void datasetGroupCannotBeDeletedWhileItHoldsDatasetsTrackersOrSolutions() {
    aws.personalize().instant();
    String group = setup.activeGroup("full");
    String dataset = setup.activeInteractions(group, setup.schema("s"));
    String tracker = personalize.createEventTracker(b -> b.name("t").datasetGroupArn(group))
        .eventTrackerArn();
    String solution = setup.activeSolution("sol", group);

    for (Runnable removeNext : List.<Runnable>of(
        () -> personalize.deleteDataset(b -> b.datasetArn(dataset)),
        () -> personalize.deleteEventTracker(b -> b.eventTrackerArn(tracker)),
        () -> personalize.deleteSolution(b -> b.solutionArn(solution)))) {
      assertThatThrownBy(() -> personalize.deleteDatasetGroup(b -> b.datasetGroupArn(group)))
          .isInstanceOfSatisfying(ResourceInUseException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUseException");
          });
      removeNext.run();
    }
    personalize.deleteDatasetGroup(b -> b.datasetGroupArn(group));
    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups()).isEmpty();
  }

  @Test
  void aSecondEventTrackerForADatasetGroupExceedsTheLimit() {
    String group = setup.activeGroup("one-tracker");
    personalize.createEventTracker(b -> b.name("first").datasetGroupArn(group));

    assertThatThrownBy(() -> personalize.createEventTracker(b -> b.name("second")
        .datasetGroupArn(group)))
        .isInstanceOfSatisfying(LimitExceededException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceededException"));
    assertThatThrownBy(() -> personalize.createEventTracker(b -> b.name("first")
        .datasetGroupArn(setup.activeGroup("other"))))
        .isInstanceOf(ResourceAlreadyExistsException.class);
  }

  @Test
  void tagsFromCreateAndTagResourceAreListedAndRemovable() {
    String group = personalize.createDatasetGroup(b -> b.name("tagged")
        .tags(Tag.builder().tagKey("team").tagValue("uba").build())).datasetGroupArn();

    personalize.tagResource(b -> b.resourceArn(group)
        .tags(Tag.builder().tagKey("env").tagValue("test").build()));
    assertThat(personalize.listTagsForResource(b -> b.resourceArn(group)).tags())
        .extracting(t -> t.tagKey() + "=" + t.tagValue())
        .containsExactly("team=uba", "env=test");

    personalize.untagResource(b -> b.resourceArn(group).tagKeys("team"));
    assertThat(personalize.listTagsForResource(b -> b.resourceArn(group)).tags())
        .extracting(Tag::tagKey).containsExactly("env");
    assertThatThrownBy(() -> personalize.tagResource(b -> b.resourceArn(group + "-x")
        .tags(Tag.builder().tagKey("a").tagValue("b").build())))
        .isInstanceOf(ResourceNotFoundException.class);
    List<Tag> many = new java.util.ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(Tag.builder().tagKey("k" + i).tagValue("v").build());
    }
    assertThatThrownBy(() -> personalize.tagResource(b -> b.resourceArn(group).tags(many)))
        .isInstanceOf(TooManyTagsException.class);
  }

  @Test
  void listsArePagedWithAnOpaqueToken() {
    aws.personalize().instant();
    for (int i = 0; i < 5; i++) {
      String name = "g" + i;
      personalize.createDatasetGroup(b -> b.name(name));
    }

    var first = personalize.listDatasetGroups(b -> b.maxResults(2));
    var second = personalize.listDatasetGroups(b -> b.maxResults(2).nextToken(first.nextToken()));
    var third = personalize.listDatasetGroups(b -> b.maxResults(2).nextToken(second.nextToken()));

    assertThat(first.datasetGroups()).extracting(DatasetGroupSummary::name)
        .containsExactly("g0", "g1");
    assertThat(second.datasetGroups()).extracting(DatasetGroupSummary::name)
        .containsExactly("g2", "g3");
    assertThat(third.datasetGroups()).extracting(DatasetGroupSummary::name).containsExactly("g4");
    assertThat(third.nextToken()).isNull();
    assertThat(personalize.listDatasetGroupsPaginator(b -> b.maxResults(2)).datasetGroups())
        .hasSize(5);
    assertThatThrownBy(() -> personalize.listDatasetGroups(b -> b.nextToken("bogus")))
        .isInstanceOf(InvalidNextTokenException.class);
    assertThatThrownBy(() -> personalize.listDatasetGroups(b -> b.maxResults(101)))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void resourcesBelongToTheirRegion() {
    String group = setup.activeGroup("regional");
    try (PersonalizeClient ireland = PersonalizeClient.builder()
        .endpointOverride(aws.endpoint())
        .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider
            .create(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b")))
        .build()) {
      assertThat(ireland.listDatasetGroups(b -> { }).datasetGroups()).isEmpty();
      assertThatThrownBy(() -> ireland.describeDatasetGroup(b -> b.datasetGroupArn(group)))
          .isInstanceOf(ResourceNotFoundException.class);
      String local = ireland.createDatasetGroup(b -> b.name("regional")).datasetGroupArn();
      assertThat(local).startsWith("arn:aws:personalize:eu-west-1:");
    }
  }

  @Test
  void throttlingIsLimitExceededExceptionAndNotRetriedBySdk() {
    var rule = aws.faults().on("personalize", "CreateDatasetGroup").once().throttle();

    assertThatThrownBy(() -> retrying.createDatasetGroup(b -> b.name("throttled")))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.getMessage()).contains("requests per second");
        });
    assertThat(rule.fired()).isEqualTo(1);
    assertThat(aws.calls().count("personalize", "CreateDatasetGroup")).isEqualTo(1);
  }

  @Test
  void aLostAnswerLeavesTheResourceCreatedSoARetryFindsItExisting() {
    aws.faults().on("personalize", "CreateDatasetGroup").once().loseAnswer();

    assertThatThrownBy(() -> personalize.createDatasetGroup(b -> b.name("lost")))
        .isInstanceOfSatisfying(PersonalizeException.class,
            e -> assertThat(e.statusCode()).isEqualTo(503));
    assertThatThrownBy(() -> personalize.createDatasetGroup(b -> b.name("lost")))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    assertThat(personalize.listDatasetGroups(b -> { }).datasetGroups())
        .extracting(DatasetGroupSummary::name).containsExactly("lost");
  }
}
