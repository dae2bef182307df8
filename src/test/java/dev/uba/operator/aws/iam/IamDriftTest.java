package dev.uba.operator.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What differs between a desired and an actual IAM role or managed policy, compared as IAM evaluates documents. */
class IamDriftTest {
  private static final Map<String, String> TAGS = Map.of("uba.dev/owner", "analytics/ubapipeline/clicks");
  private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":[\"firehose.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"]}]}";
  private static final String INLINE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"kinesis:GetRecords\",\"kinesis:ListShards\"],\"Resource\":[\"arn:aws:kinesis:us-east-1:1:stream/s\"]}]}";
  /** The same inline policy as IAM returns it: URL-encoded, other order, a single value as a string. */
  private static final String INLINE_AS_IAM_RETURNS_IT = URLEncoder.encode("{\"Statement\":[{\"Resource\":"
      + "\"arn:aws:kinesis:us-east-1:1:stream/s\",\"Action\":[\"kinesis:ListShards\",\"kinesis:GetRecords\"],"
      + "\"Effect\":\"Allow\"}],\"Version\":\"2012-10-17\"}", StandardCharsets.UTF_8);

  private static final RoleDesired ROLE = new RoleDesired("r", "d", TRUST, "uba-ingest", INLINE, TAGS);

  @Test
  void aRoleAsIamReturnsItHasNoDrift() {
    assertThat(RoleDrift.of(ROLE, new RoleActual("r", "arn:r", TRUST, INLINE_AS_IAM_RETURNS_IT, TAGS)).isEmpty())
        .isTrue();
  }

  @Test
  void aMissingOrChangedInlinePolicyAndAnotherTrustAreDrift() {
    String otherTrust = TRUST.replace("firehose", "lambda");
    assertThat(RoleDrift.of(ROLE, new RoleActual("r", "arn:r", otherTrust, null, TAGS)).described())
        .containsExactly("trust policy", "inline policy uba-ingest");
    assertThat(RoleDrift.of(ROLE, new RoleActual("r", "arn:r", TRUST, INLINE.replace("ListShards", "PutRecord"),
        Map.of())).described()).containsExactly("inline policy uba-ingest", "tag uba.dev/owner");
  }

  @Test
  void aMissingOrOtherBoundaryIsDriftOnlyWhenOneIsConfigured() {
    String boundary = "arn:aws:iam::123456789012:policy/uba-boundary";
    RoleDesired bounded = new RoleDesired("r", "/uba/", "d", TRUST, "uba-ingest", INLINE, boundary, TAGS);
    assertThat(RoleDrift.of(bounded, new RoleActual("r", "arn:r", TRUST, INLINE, boundary, TAGS)).isEmpty()).isTrue();
    assertThat(RoleDrift.of(bounded, new RoleActual("r", "arn:r", TRUST, INLINE, null, TAGS)).described())
        .as("removed behind the operator's back").containsExactly("permissions boundary");
    assertThat(RoleDrift.of(bounded, new RoleActual("r", "arn:r", TRUST, INLINE,
        "arn:aws:iam::123456789012:policy/wider", TAGS)).described()).containsExactly("permissions boundary");
    assertThat(RoleDrift.of(ROLE, new RoleActual("r", "arn:r", TRUST, INLINE, "arn:aws:iam::1:policy/any", TAGS))
        .isEmpty()).as("without UBA_IAM_PERMISSIONS_BOUNDARY a role's boundary is left alone").isTrue();
  }

  @Test
  void aPolicyDocumentComparesSemanticallyAndTagsCount() {
    ManagedPolicy policy = new ManagedPolicy(null);
    PolicyDesired desired = new PolicyDesired("p", "arn:p", "d", INLINE, TAGS);
    assertThat(policy.drift(desired, new PolicyActual("p", "arn:p", "v1", INLINE_AS_IAM_RETURNS_IT, TAGS)).isEmpty())
        .isTrue();
    var drift = policy.drift(desired, new PolicyActual("p", "arn:p", "v1", INLINE.replace("GetRecords", "PutRecord"),
        Map.of("uba.dev/owner", "analytics/ubapipeline/clicks", "stray", "x")));
    assertThat(drift.described()).containsExactly("policy document", "tag stray removed");
    assertThat(drift.has(ManagedPolicy.POLICY_DOCUMENT)).isTrue();
  }
}
