package dev.uba.operator.testenv.aws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DescribeDatasetGroupResponse;

/**
 * Builds the chain of Personalize resources the tests need (dataset group, schema, Interactions
 * dataset, S3 data, import job, solution, solution version) through the real SDK client, each
 * described until ACTIVE, and puts objects into the emulator's S3 with plain HTTP.
 */
final class PersonalizeSetup {

  static final String INTERACTIONS_SCHEMA = "{\"type\":\"record\",\"name\":\"Interactions\","
      + "\"namespace\":\"com.amazonaws.personalize.schema\",\"fields\":["
      + "{\"name\":\"USER_ID\",\"type\":\"string\"},{\"name\":\"ITEM_ID\",\"type\":\"string\"},"
      + "{\"name\":\"TIMESTAMP\",\"type\":\"long\"}],\"version\":\"1.0\"}";
  static final String RECIPE = "arn:aws:personalize:::recipe/aws-user-personalization";
  static final String ROLE = "arn:aws:iam::123456789012:role/personalize-s3";

  private final LocalAws aws;
  private final PersonalizeClient personalize;

  PersonalizeSetup(LocalAws aws, PersonalizeClient personalize) {
    this.aws = aws;
    this.personalize = personalize;
  }

  String activeGroup(String name) {
    String arn = personalize.createDatasetGroup(b -> b.name(name)).datasetGroupArn();
    untilActive(() -> personalize.describeDatasetGroup(b -> b.datasetGroupArn(arn)));
    return arn;
  }

  String schema(String name) {
    return personalize.createSchema(b -> b.name(name).schema(INTERACTIONS_SCHEMA)).schemaArn();
  }

  String activeInteractions(String groupArn, String schemaArn) {
    String arn = personalize.createDataset(b -> b.name("interactions").datasetGroupArn(groupArn)
        .schemaArn(schemaArn).datasetType("Interactions")).datasetArn();
    untilStatus(() -> personalize.describeDataset(b -> b.datasetArn(arn)).dataset().status(),
        "ACTIVE");
    return arn;
  }

  String activeImport(String name, String datasetArn, String location) {
    String arn = personalize.createDatasetImportJob(b -> b.jobName(name).datasetArn(datasetArn)
        .roleArn(ROLE).dataSource(s -> s.dataLocation(location))).datasetImportJobArn();
    untilStatus(() -> personalize.describeDatasetImportJob(b -> b.datasetImportJobArn(arn))
        .datasetImportJob().status(), "ACTIVE");
    return arn;
  }

  String activeSolution(String name, String groupArn) {
    String arn = personalize.createSolution(b -> b.name(name).datasetGroupArn(groupArn)
        .recipeArn(RECIPE)).solutionArn();
    untilStatus(() -> personalize.describeSolution(b -> b.solutionArn(arn)).solution().status(),
        "ACTIVE");
    return arn;
  }

  String activeVersion(String solutionArn) {
    String arn = personalize.createSolutionVersion(b -> b.solutionArn(solutionArn))
        .solutionVersionArn();
    untilStatus(() -> personalize.describeSolutionVersion(b -> b.solutionVersionArn(arn))
        .solutionVersion().status(), "ACTIVE");
    return arn;
  }

  /** Group, schema, Interactions dataset with data imported, an ACTIVE solution: its ARN. */
  String trainableSolution(String prefix) {
    String group = activeGroup(prefix + "-group");
    String dataset = activeInteractions(group, schema(prefix + "-schema"));
    putObject(prefix + "-data", "interactions/part-0.csv", "USER_ID,ITEM_ID,TIMESTAMP\nu1,i1,1\n");
    activeImport(prefix + "-import", dataset, "s3://" + prefix + "-data/interactions/");
    return activeSolution(prefix + "-solution", group);
  }

  /** Creates the bucket (if needed) and the object in the emulator's S3. */
  void putObject(String bucket, String key, String content) {
    s3("PUT", "/" + bucket, "");
    if (key != null) {
      s3("PUT", "/" + bucket + "/" + key, content);
    }
  }

  private void s3(String method, String path, String body) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(aws.motoEndpoint() + path))
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/"
              + "us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      int status = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding())
          .statusCode();
      if (status != 200) {
        throw new IllegalStateException("S3 " + method + " " + path + " answered " + status);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void untilActive(java.util.function.Supplier<DescribeDatasetGroupResponse> d) {
    untilStatus(() -> d.get().datasetGroup().status(), "ACTIVE");
  }

  /** Describes until the status is {@code wanted} (at most 50 times). */
  static void untilStatus(java.util.function.Supplier<String> status, String wanted) {
    String last = null;
    for (int i = 0; i < 50; i++) {
      last = status.get();
      if (wanted.equals(last)) {
        return;
      }
    }
    throw new AssertionError("still " + last + " instead of " + wanted);
  }
}
