package dev.uba.operator.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BucketPoliciesTest {
  private static final String ARN = "arn:aws:s3:::analytics-clickstream-1d4d997c";

  @Test
  void theOnlyStatementDeniesEverythingWithoutTlsOnTheBucketAndItsObjects() throws Exception {
    JsonNode policy = new ObjectMapper().readTree(BucketPolicies.denyWithoutTls(ARN));
    assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
    assertThat(policy.path("Statement")).hasSize(1);
    JsonNode statement = policy.path("Statement").get(0);
    assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
    assertThat(statement.path("Principal").path("AWS").toString()).isEqualTo("[\"*\"]");
    assertThat(statement.path("Action").toString()).isEqualTo("[\"s3:*\"]");
    assertThat(statement.path("Resource").toString()).isEqualTo("[\"" + ARN + "\",\"" + ARN + "/*\"]");
    assertThat(statement.path("Condition").toString()).isEqualTo("{\"Bool\":{\"aws:SecureTransport\":[\"false\"]}}");
  }

  @Test
  void itGrantsNothing() {
    assertThat(BucketPolicies.denyWithoutTls(ARN)).doesNotContain("Allow");
  }

  @Test
  void theSameBucketAlwaysGetsTheSameText() {
    assertThat(BucketPolicies.denyWithoutTls(ARN)).isEqualTo(BucketPolicies.denyWithoutTls(ARN));
  }
}
