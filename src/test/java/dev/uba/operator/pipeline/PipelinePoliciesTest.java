package dev.uba.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PipelinePoliciesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/analytics-clickstream";
  private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/analytics-clickstream";
  private static final String ROLE = "arn:aws:iam::123456789012:role/analytics-clickstream-ingest";

  /** A string or list value as a list. */
  private static List<String> values(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(n -> out.add(n.asText()));
    } else {
      out.add(node.asText());
    }
    return out;
  }

  private static List<JsonNode> statements(String doc) throws Exception {
    JsonNode tree = JSON.readTree(doc);
    assertThat(tree.get("Version").asText()).isEqualTo("2012-10-17");
    List<JsonNode> out = new ArrayList<>();
    tree.get("Statement").forEach(out::add);
    return out;
  }

  private static Set<String> allActions(String doc) throws Exception {
    Set<String> actions = new HashSet<>();
    for (JsonNode s : statements(doc)) {
      actions.addAll(values(s.get("Action")));
    }
    return actions;
  }

  private static Set<String> allResources(String doc) throws Exception {
    Set<String> resources = new HashSet<>();
    for (JsonNode s : statements(doc)) {
      resources.addAll(values(s.get("Resource")));
    }
    return resources;
  }

  @Test
  void producerPolicyAllowsExactlyWritingToTheStream() throws Exception {
    String doc = PipelinePolicies.producer(STREAM);
    List<JsonNode> statements = statements(doc);
    assertThat(statements).allSatisfy(s -> {
      assertThat(s.get("Effect").asText()).isEqualTo("Allow");
      assertThat(values(s.get("Resource"))).containsExactly(STREAM);
      assertThat(s.has("Principal")).isFalse();
    });
    assertThat(allActions(doc)).containsExactlyInAnyOrder(
        "kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DescribeStreamSummary", "kinesis:ListShards");
  }

  @Test
  void ingestionPolicyHoldsTheDocumentedActionsOnly() throws Exception {
    String doc = PipelinePolicies.ingestion(STREAM, DOMAIN);
    assertThat(allActions(doc)).containsExactlyInAnyOrder(
        "kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetShardIterator", "kinesis:GetRecords",
        "kinesis:ListShards",
        "es:DescribeDomain", "es:DescribeDomains", "es:DescribeDomainConfig", "es:ESHttpPost", "es:ESHttpPut",
        "es:ESHttpGet");
    assertThat(statements(doc)).allSatisfy(s -> assertThat(s.get("Effect").asText()).isEqualTo("Allow"));
  }

  @Test
  void ingestionPolicyNeverGrantsEverything() throws Exception {
    String doc = PipelinePolicies.ingestion(STREAM, DOMAIN);
    assertThat(allResources(doc)).doesNotContain("*").allMatch(r -> r.equals(STREAM) || r.startsWith(DOMAIN));
    assertThat(allActions(doc)).noneMatch(a -> a.equals("*") || a.endsWith(":*"));
  }

  @Test
  void ingestionPolicyScopesEachActionToItsResources() throws Exception {
    String doc = PipelinePolicies.ingestion(STREAM, DOMAIN);
    for (JsonNode s : statements(doc)) {
      List<String> actions = values(s.get("Action"));
      List<String> resources = values(s.get("Resource"));
      if (actions.stream().anyMatch(a -> a.startsWith("kinesis:"))) {
        assertThat(actions).allMatch(a -> a.startsWith("kinesis:"));
        assertThat(resources).containsExactly(STREAM);
      } else if (actions.contains("es:ESHttpPost")) {
        assertThat(resources).containsExactlyInAnyOrder(DOMAIN, DOMAIN + "/*");
      } else if (actions.contains("es:ESHttpGet")) {
        assertThat(actions).containsExactly("es:ESHttpGet");
        assertThat(resources).contains(DOMAIN + "/_all/_settings", DOMAIN + "/_cluster/stats", DOMAIN + "/_nodes/*/stats")
            .anyMatch(r -> r.endsWith("/_mapping/*") || r.contains("/_mapping"))
            .anyMatch(r -> r.endsWith("/_stats"))
            .doesNotContain(DOMAIN + "/*");
      }
    }
  }

  @Test
  void firehoseTrustPolicy() throws Exception {
    String doc = PipelinePolicies.firehoseTrust("123456789012");
    List<JsonNode> statements = statements(doc);
    assertThat(statements).singleElement().satisfies(s -> {
      assertThat(s.get("Effect").asText()).isEqualTo("Allow");
      assertThat(values(s.get("Principal").get("Service"))).containsExactly("firehose.amazonaws.com");
      assertThat(s.get("Principal").has("AWS")).isFalse();
      assertThat(values(s.get("Action"))).containsExactly("sts:AssumeRole");
    });
    // only Firehose acting for this account may assume the role (confused-deputy guard)
    assertThat(values(statements.get(0).get("Condition").get("StringEquals").get("sts:ExternalId")))
        .containsExactly("123456789012");
  }

  @Test
  void domainAccessNamesOnlyTheIngestionRoleAndTheAccessPrincipals() throws Exception {
    String doc = PipelinePolicies.domainAccess(DOMAIN, ROLE,
        List.of("arn:aws:iam::123456789012:role/analysts", "210987654321", ROLE));
    List<JsonNode> statements = statements(doc);
    Set<String> principals = new HashSet<>();
    for (JsonNode s : statements) {
      assertThat(s.get("Effect").asText()).isEqualTo("Allow");
      assertThat(values(s.get("Resource"))).containsExactly(DOMAIN + "/*");
      assertThat(values(s.get("Action"))).allMatch(a -> a.startsWith("es:ESHttp"));
      JsonNode principal = s.get("Principal");
      assertThat(principal.isObject()).as("Principal must not be \"*\"").isTrue();
      principal.fieldNames().forEachRemaining(type -> assertThat(type).isEqualTo("AWS"));
      principals.addAll(values(principal.get("AWS")));
    }
    assertThat(principals).containsExactlyInAnyOrder(ROLE, "arn:aws:iam::123456789012:role/analysts", "210987654321");
    assertThat(doc).doesNotContain("\"*\"");
  }

  @Test
  void theIngestionRoleMayPostPutAndGetButNotDelete() throws Exception {
    String doc = PipelinePolicies.domainAccess(DOMAIN, ROLE, List.of("arn:aws:iam::123456789012:role/analysts", ROLE));
    JsonNode ingestion = statements(doc).stream().filter(s -> values(s.get("Principal").get("AWS")).contains(ROLE))
        .reduce((a, b) -> {
          throw new AssertionError("the ingestion role is in one statement only");
        }).orElseThrow();
    assertThat(values(ingestion.get("Principal").get("AWS"))).containsExactly(ROLE);
    assertThat(values(ingestion.get("Action"))).containsExactlyInAnyOrder("es:ESHttpPost", "es:ESHttpPut",
        "es:ESHttpGet");
    JsonNode analysts = statements(doc).stream()
        .filter(s -> values(s.get("Principal").get("AWS")).contains("arn:aws:iam::123456789012:role/analysts"))
        .findFirst().orElseThrow();
    assertThat(values(analysts.get("Action"))).containsExactly("es:ESHttp*");
  }

  @Test
  void domainAccessWithoutExtraPrincipalsGrantsOnlyTheIngestionRole() throws Exception {
    for (List<String> none : java.util.Arrays.asList(List.<String>of(), null)) {
      String doc = PipelinePolicies.domainAccess(DOMAIN, ROLE, none);
      Set<String> principals = new HashSet<>();
      for (JsonNode s : statements(doc)) {
        principals.addAll(values(s.get("Principal").get("AWS")));
      }
      assertThat(principals).containsExactly(ROLE);
    }
  }

  @Test
  void theIngestionPolicyGrowsWithWhatThePipelineHasAndNothingMore() throws Exception {
    String bucket = "arn:aws:s3:::analytics-clickstream-0a1b2c3d";
    String key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    String logGroup = "arn:aws:logs:us-east-1:123456789012:log-group:/aws/kinesisfirehose/analytics-clickstream";
    String lambda = "arn:aws:lambda:us-east-1:123456789012:function:enrich";
    var where = new PipelineDesiredState.Location("us-east-1", "123456789012", "aws");
    String full = PipelinePolicies.ingestion(new PipelinePolicies.IngestionAccess(STREAM, key, DOMAIN, "clicks",
        bucket, key, where, logGroup, lambda));
    assertThat(allActions(full)).contains("kms:Decrypt", "s3:PutObject", "s3:ListBucketMultipartUploads",
        "kms:GenerateDataKey", "logs:PutLogEvents", "lambda:InvokeFunction", "lambda:GetFunctionConfiguration");
    assertThat(allResources(full)).doesNotContain("*").contains(bucket, bucket + "/*", logGroup + ":log-stream:*",
        lambda, DOMAIN + "/clicks*/_mapping/*", DOMAIN + "/clicks*/_stats");
    // the bucket key only through S3
    assertThat(statements(full)).filteredOn(s -> values(s.get("Action")).contains("kms:GenerateDataKey"))
        .singleElement().satisfies(s -> assertThat(values(s.get("Condition").get("StringEquals").get("kms:ViaService")))
            .containsExactly("s3.us-east-1.amazonaws.com"));

    // S3-only delivery, AWS-owned keys, no logging, no processor: kinesis and s3 only
    String s3Only = PipelinePolicies.ingestion(new PipelinePolicies.IngestionAccess(STREAM, null, null, null,
        bucket, null, where, null, null));
    assertThat(allActions(s3Only)).allMatch(a -> a.startsWith("kinesis:") || a.startsWith("s3:"));
  }

  @Test
  void aKeyNamedByAliasIsGrantedThroughItsAliasAndAKeyIdAsItsArn() throws Exception {
    var where = new PipelineDesiredState.Location("eu-west-1", "123456789012", "aws");
    String byAlias = PipelinePolicies.ingestion(new PipelinePolicies.IngestionAccess(STREAM, "alias/clicks", null,
        null, null, null, where, null, null));
    JsonNode kms = statements(byAlias).stream().filter(s -> values(s.get("Action")).contains("kms:Decrypt"))
        .findFirst().orElseThrow();
    assertThat(values(kms.get("Resource"))).containsExactly("arn:aws:kms:eu-west-1:123456789012:key/*");
    assertThat(values(kms.get("Condition").get("ForAnyValue:StringEquals").get("kms:ResourceAliases")))
        .containsExactly("alias/clicks");
    String byId = PipelinePolicies.ingestion(new PipelinePolicies.IngestionAccess(STREAM, "1234abcd", null,
        null, null, null, where, null, null));
    assertThat(allResources(byId)).contains("arn:aws:kms:eu-west-1:123456789012:key/1234abcd");
  }
}
