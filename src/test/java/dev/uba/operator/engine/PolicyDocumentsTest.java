package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/s";
  private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/d";

  private static final String BASE = """
      {"Version":"2012-10-17","Statement":[
        {"Effect":"Allow","Action":["kinesis:PutRecord","kinesis:PutRecords"],"Resource":["%s"]},
        {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:role/a"]},"Action":["es:ESHttpGet"],
         "Resource":["%s/*"],"Condition":{"StringEquals":{"aws:SourceAccount":["123456789012"]}}}
      ]}""".formatted(STREAM, DOMAIN);

  private static String urlEncoded(String doc) {
    return URLEncoder.encode(doc, StandardCharsets.UTF_8);
  }

  @Test
  void aDocumentEqualsItselfAsIamReturnsItUrlEncoded() {
    assertThat(PolicyDocuments.equivalent(BASE, urlEncoded(BASE))).isTrue();
    assertThat(PolicyDocuments.equivalent(urlEncoded(BASE), BASE)).isTrue();
  }

  @Test
  void whitespaceKeyOrderAndStatementOrderDoNotMatter() {
    String reordered = """
        {
          "Statement": [
            {
              "Condition": {"StringEquals": {"aws:SourceAccount": ["123456789012"]}},
              "Resource": ["%s/*"],
              "Action": ["es:ESHttpGet"],
              "Principal": {"AWS": ["arn:aws:iam::123456789012:role/a"]},
              "Effect": "Allow"
            },
            {
              "Resource": ["%s"],
              "Action": ["kinesis:PutRecords", "kinesis:PutRecord"],
              "Effect": "Allow"
            }
          ],
          "Version": "2012-10-17"
        }
        """.formatted(DOMAIN, STREAM);
    assertThat(PolicyDocuments.equivalent(BASE, reordered)).isTrue();
    assertThat(PolicyDocuments.equivalent(BASE, urlEncoded(reordered))).isTrue();
  }

  @Test
  void aSingleValueMayBeAStringOrAOneElementListAndSidIsIgnored() {
    String compact = """
        {"Version":"2012-10-17","Statement":[
          {"Sid":"Write","Effect":"Allow","Action":["kinesis:PutRecords","kinesis:PutRecord"],"Resource":"%s"},
          {"Sid":"Read","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/a"},"Action":"es:ESHttpGet",
           "Resource":"%s/*","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}
        ]}""".formatted(STREAM, DOMAIN);
    assertThat(PolicyDocuments.equivalent(BASE, compact)).isTrue();
    assertThat(PolicyDocuments.equivalent(urlEncoded(compact), BASE)).isTrue();
  }

  @Test
  void aSingleStatementMayBeAnObjectOrAOneElementList() {
    String list = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}";
    String object = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}}";
    assertThat(PolicyDocuments.equivalent(list, object)).isTrue();
  }

  @Test
  void aChangedActionIsADifference() {
    assertThat(PolicyDocuments.equivalent(BASE, BASE.replace("kinesis:PutRecords", "kinesis:GetRecords"))).isFalse();
  }

  @Test
  void aRemovedOrAddedActionIsADifference() {
    assertThat(PolicyDocuments.equivalent(BASE, BASE.replace(",\"kinesis:PutRecords\"", ""))).isFalse();
    assertThat(PolicyDocuments.equivalent(BASE,
        BASE.replace("\"kinesis:PutRecords\"", "\"kinesis:PutRecords\",\"kinesis:ListShards\""))).isFalse();
  }

  @Test
  void aChangedResourceIsADifference() {
    assertThat(PolicyDocuments.equivalent(BASE, BASE.replace("stream/s\"", "stream/other\""))).isFalse();
    assertThat(PolicyDocuments.equivalent(BASE, urlEncoded(BASE.replace("stream/s\"", "stream/other\"")))).isFalse();
  }

  @Test
  void aChangedEffectIsADifference() {
    assertThat(PolicyDocuments.equivalent(BASE, BASE.replaceFirst("\"Allow\"", "\"Deny\""))).isFalse();
  }

  @Test
  void aChangedPrincipalIsADifference() {
    assertThat(PolicyDocuments.equivalent(BASE, BASE.replace("role/a", "role/b"))).isFalse();
    assertThat(PolicyDocuments.equivalent(BASE,
        BASE.replace("\"arn:aws:iam::123456789012:role/a\"", "\"arn:aws:iam::123456789012:role/a\",\"arn:aws:iam::123456789012:role/b\"")))
        .isFalse();
  }

  @Test
  void aChangedConditionValueIsADifference() {
    assertThat(PolicyDocuments.equivalent(BASE, BASE.replace("[\"123456789012\"]", "[\"999999999999\"]"))).isFalse();
    assertThat(PolicyDocuments.equivalent(BASE, BASE.replace("StringEquals", "StringLike"))).isFalse();
  }

  @Test
  void nullOnlyEqualsNull() {
    assertThat(PolicyDocuments.equivalent(null, null)).isTrue();
    assertThat(PolicyDocuments.equivalent(BASE, null)).isFalse();
    assertThat(PolicyDocuments.equivalent(null, BASE)).isFalse();
  }

  @Test
  void anUnparsableDocumentNeverEqualsAValidOne() {
    assertThat(PolicyDocuments.equivalent(BASE, "{not json")).isFalse();
  }

  @Test
  void documentIsJsonWithVersionAndTheGivenStatements() throws Exception {
    String doc = PolicyDocuments.document(List.of(
        PolicyDocuments.allow(List.of("kinesis:PutRecord"), List.of(STREAM)),
        PolicyDocuments.allowPrincipals(Map.of("Service", List.of("firehose.amazonaws.com")),
            List.of("sts:AssumeRole"), null)));
    JsonNode tree = JSON.readTree(doc);
    assertThat(tree.get("Version").asText()).isEqualTo("2012-10-17");
    JsonNode statements = tree.get("Statement");
    assertThat(statements).hasSize(2);
    assertThat(statements.get(0).get("Effect").asText()).isEqualTo("Allow");
    assertThat(statements.get(0).get("Action").get(0).asText()).isEqualTo("kinesis:PutRecord");
    assertThat(statements.get(0).get("Resource").get(0).asText()).isEqualTo(STREAM);
    assertThat(statements.get(0).has("Principal")).isFalse();
    assertThat(statements.get(1).get("Principal").get("Service").get(0).asText()).isEqualTo("firehose.amazonaws.com");
    assertThat(statements.get(1).has("Resource")).isFalse();
  }

  @Test
  void aGeneratedDocumentIsEquivalentToItsUrlEncodedForm() {
    String doc = PolicyDocuments.document(List.of(
        PolicyDocuments.allow(List.of("kinesis:PutRecord", "kinesis:PutRecords"), List.of(STREAM))));
    assertThat(PolicyDocuments.equivalent(doc, urlEncoded(doc))).isTrue();
    String other = PolicyDocuments.document(List.of(
        PolicyDocuments.allow(List.of("kinesis:PutRecord"), List.of(STREAM))));
    assertThat(PolicyDocuments.equivalent(doc, urlEncoded(other))).isFalse();
  }

  @Test
  void conditionsAreWrittenAndComparedAsSets() throws Exception {
    String doc = PolicyDocuments.document(List.of(PolicyDocuments.allowPrincipals(
        Map.of("Service", List.of("events.amazonaws.com")), List.of("sns:Publish"), List.of("arn:t"))
        .when(Map.of("ArnEquals", Map.of("aws:SourceArn", List.of("arn:r"))))));
    JsonNode statement = JSON.readTree(doc).get("Statement").get(0);
    assertThat(statement.get("Condition").get("ArnEquals").get("aws:SourceArn").get(0).asText()).isEqualTo("arn:r");
    String asReturned = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sns:Publish\",\"Resource\":\"arn:t\","
        + "\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"arn:r\"}}}}";
    assertThat(PolicyDocuments.equivalent(doc, asReturned)).isTrue();
    assertThat(PolicyDocuments.equivalent(doc, asReturned.replace("arn:r", "arn:other"))).isFalse();
    String withoutCondition = PolicyDocuments.document(List.of(PolicyDocuments.allowPrincipals(
        Map.of("Service", List.of("events.amazonaws.com")), List.of("sns:Publish"), List.of("arn:t"))));
    assertThat(PolicyDocuments.equivalent(doc, withoutCondition)).isFalse();
    assertThat(withoutCondition).doesNotContain("Condition");
  }

  @Test
  void principalStarIsTheSameAsEveryAwsPrincipal() {
    String star = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::b\"}]}";
    assertThat(PolicyDocuments.equivalent(star, star.replace("\"*\",\"Action", "{\"AWS\":\"*\"},\"Action"))).isTrue();
    assertThat(PolicyDocuments.equivalent(star, star.replace("\"*\",\"Action", "{\"AWS\":[\"*\"]},\"Action"))).isTrue();
    assertThat(PolicyDocuments.equivalent(star,
        star.replace("\"*\",\"Action", "{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action"))).isFalse();
    assertThat(PolicyDocuments.equivalent(star, star.replace("\"*\",\"Action", "{\"Service\":\"*\"},\"Action"))).isFalse();
  }
}
