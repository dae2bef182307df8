package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of requests and the small helpers, without any server. */
class AwsRequestTest {

  private static Map<String, List<String>> signedFor(String service, String... more) {
    Map<String, List<String>> h = new java.util.HashMap<>();
    h.put("authorization", List.of("AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/" + service
        + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"));
    for (int i = 0; i < more.length; i += 2) {
      h.put(more[i], List.of(more[i + 1]));
    }
    return h;
  }

  private static AwsRequest parse(String method, String path, String query,
      Map<String, List<String>> headers, String body) {
    return AwsRequest.parse(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void jsonProtocolOperationComesFromTheTargetHeader() {
    AwsRequest r = parse("POST", "/", null, signedFor("kinesis", "X-Amz-Target",
        "Kinesis_20131202.CreateStream", "Content-Type", "application/x-amz-json-1.1"),
        "{\"StreamName\":\"s\"}");

    assertThat(r.service).isEqualTo("kinesis");
    assertThat(r.region).isEqualTo("eu-west-1");
    assertThat(r.protocol).isEqualTo(Protocol.JSON);
    assertThat(r.operation).isEqualTo("CreateStream");
    assertThat(r.isWrite()).isTrue();
    assertThat(KinesisLifecycle.streamName(r)).isEqualTo("s");
  }

  @Test
  void streamNameIsTakenFromTheArnWhenOnlyTheArnIsGiven() {
    AwsRequest r = parse("POST", "/", null, signedFor("kinesis", "X-Amz-Target",
        "Kinesis_20131202.DescribeStreamSummary"),
        "{\"StreamARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/clicks\"}");

    assertThat(KinesisLifecycle.streamName(r)).isEqualTo("clicks");
    assertThat(r.isWrite()).isFalse();
  }

  @Test
  void queryProtocolOperationComesFromTheActionParameter() {
    AwsRequest r = parse("POST", "/", null, signedFor("iam", "Content-Type",
        "application/x-www-form-urlencoded; charset=utf-8"),
        "Action=GetRole&Version=2010-05-08&RoleName=r");

    assertThat(r.service).isEqualTo("iam");
    assertThat(r.protocol).isEqualTo(Protocol.QUERY);
    assertThat(r.operation).isEqualTo("GetRole");
    assertThat(r.isWrite()).isFalse();
  }

  @Test
  void openSearchOperationsComeFromMethodAndPath() {
    Object[][] cases = {
      {"POST", "/2021-01-01/opensearch/domain", null, "CreateDomain", null},
      {"GET", "/2021-01-01/opensearch/domain/logs", null, "DescribeDomain", "logs"},
      {"GET", "/2021-01-01/opensearch/domain/logs/config", null, "DescribeDomainConfig", "logs"},
      {"POST", "/2021-01-01/opensearch/domain/logs/config", null, "UpdateDomainConfig", "logs"},
      {"DELETE", "/2021-01-01/opensearch/domain/logs", null, "DeleteDomain", "logs"},
      {"POST", "/2021-01-01/opensearch/upgradeDomain", null, "UpgradeDomain", null},
      {"GET", "/2021-01-01/opensearch/upgradeDomain/logs/status", null, "GetUpgradeStatus", "logs"},
      {"POST", "/2021-01-01/opensearch/domain-info", null, "DescribeDomains", null},
      {"POST", "/2021-01-01/tags", null, "AddTags", null},
      {"GET", "/2021-01-01/tags/", "arn=arn%3Aaws%3Aes%3Aus-east-1%3A1%3Adomain%2Flogs", "ListTags", null},
      {"POST", "/2021-01-01/tags-removal", null, "RemoveTags", null},
      {"GET", "/2021-01-01/domain", null, "ListDomainNames", null},
    };
    for (Object[] c : cases) {
      AwsRequest r = parse((String) c[0], (String) c[1], (String) c[2], signedFor("es"), "");
      assertThat(r.operation).as("%s %s", c[0], c[1]).isEqualTo(c[3]);
      assertThat(r.protocol).isEqualTo(Protocol.REST_JSON);
      assertThat(r.pathParams.get("DomainName")).isEqualTo(c[4]);
    }
    assertThat(OpenSearchRoutes.operations()).contains("ListVersions", "DescribeDomainChangeProgress");
  }

  @Test
  void unknownRestPathsAreNamedByMethodAndPath() {
    AwsRequest r = parse("PUT", "/somewhere", null, signedFor("es"), "");
    assertThat(r.operation).isEqualTo("PUT /somewhere");
    assertThat(r.isWrite()).isTrue();
    assertThat(parse("GET", "/somewhere", null, signedFor("es"), "").isWrite()).isFalse();
  }

  @Test
  void unsignedRequestsHaveAnUnknownService() {
    AwsRequest r = parse("GET", "/", null, Map.of(), "");
    assertThat(r.service).isEqualTo("unknown");
  }

  @Test
  void readsAreDescribeListAndGet() {
    assertThat(AwsRequest.isWrite("DescribeStream")).isFalse();
    assertThat(AwsRequest.isWrite("ListTagsForStream")).isFalse();
    assertThat(AwsRequest.isWrite("GetRole")).isFalse();
    assertThat(AwsRequest.isWrite("PutRecord")).isTrue();
    assertThat(AwsRequest.isWrite("UpgradeDomain")).isTrue();
  }

  @Test
  void engineVersionsOrderElasticsearchBeforeOpenSearchThenByNumber() {
    EngineVersion es710 = EngineVersion.parse("Elasticsearch_7.10").orElseThrow();
    EngineVersion os13 = EngineVersion.parse("OpenSearch_1.3").orElseThrow();
    EngineVersion os211 = EngineVersion.parse("OpenSearch_2.11").orElseThrow();
    EngineVersion os29 = EngineVersion.parse("OpenSearch_2.9").orElseThrow();

    assertThat(es710).isLessThan(os13);
    assertThat(os13).isLessThan(os29);
    assertThat(os29).isLessThan(os211);
    assertThat(EngineVersion.parse("7.10")).isEmpty();
    assertThat(EngineVersion.TARGET_PATTERN.matcher("OpenSearch_2.13").matches()).isTrue();
    assertThat(EngineVersion.TARGET_PATTERN.matcher("Elasticsearch_10.1").matches()).isFalse();
  }

  @Test
  void jsonMergeMergesObjectsAndReplacesEverythingElse() throws Exception {
    ObjectNode base = (ObjectNode) AwsRequest.JSON.readTree(
        "{\"InstanceType\":\"r6g.large.search\",\"InstanceCount\":2,"
            + "\"ZoneAwarenessConfig\":{\"AvailabilityZoneCount\":2},\"Tags\":[1,2]}");
    ObjectNode change = (ObjectNode) AwsRequest.JSON.readTree(
        "{\"InstanceCount\":3,\"ZoneAwarenessConfig\":{\"Other\":true},\"Tags\":[3]}");

    ObjectNode merged = JsonMerge.merge(base, change);

    assertThat(merged.toString()).isEqualTo("{\"InstanceType\":\"r6g.large.search\","
        + "\"InstanceCount\":3,\"ZoneAwarenessConfig\":{\"AvailabilityZoneCount\":2,\"Other\":true},"
        + "\"Tags\":[3]}");
    assertThat(base.get("InstanceCount").asInt()).isEqualTo(2);
  }

  @Test
  void htmlPagesAreRecognised() {
    assertThat(ErrorShapes.isHtml("<!doctype html>\n<html>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(ErrorShapes.isHtml("  <HTML><body>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(ErrorShapes.isHtml("{\"__type\":\"X\"}".getBytes(StandardCharsets.UTF_8))).isFalse();
    assertThat(ErrorShapes.isHtml("<ErrorResponse/>".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
