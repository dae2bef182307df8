package dev.uba.operator.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.engine.Drift;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BucketDriftTest {
  private static final Map<String, String> TAGS = Map.of(
      "team", "growth", "uba.dev/managed-by", "uba-operator", "uba.dev/owner", "ns/ubapipeline/p");
  private static final BucketDesired SSE_S3 = new BucketDesired("ns-p-1234abcd", "us-east-1", null, 365, 0, false, TAGS);
  private static final BucketDesired SSE_KMS = new BucketDesired("ns-p-1234abcd", "eu-west-1", "alias/archive", 365, 90,
      false, TAGS);

  /** The bucket as S3 reports it once the operator has configured it for {@code desired}. */
  private static BucketActual inSync(BucketDesired desired) {
    return new BucketActual(desired.name(), desired.arn(), PublicAccessBlock.ALL_ON, "BucketOwnerEnforced",
        desired.encryption(), desired.policy(), List.of(desired.retentionRule()), TAGS, false);
  }

  private static BucketActual with(BucketDesired desired, PublicAccessBlock block, String ownership,
      DefaultEncryption encryption, String policy, List<LifecycleRule> rules, Map<String, String> tags) {
    return new BucketActual(desired.name(), desired.arn(), block, ownership, encryption, policy, rules, tags, false);
  }

  @Test
  void aBucketAsTheOperatorConfiguredItIsInSync() {
    assertThat(BucketDrift.of(SSE_S3, inSync(SSE_S3)).isEmpty()).isTrue();
    assertThat(BucketDrift.of(SSE_KMS, inSync(SSE_KMS)).isEmpty()).isTrue();
  }

  @Test
  void aPublicAccessBlockNotSetOrWithAFlagOffIsDrift() {
    BucketActual a = inSync(SSE_S3);
    Drift unset = BucketDrift.of(SSE_S3, with(SSE_S3, null, a.objectOwnership(), a.encryption(), a.policy(),
        a.lifecycleRules(), TAGS));
    assertThat(unset.described()).singleElement().asString()
        .isEqualTo("publicAccessBlock not set -> BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, "
            + "RestrictPublicBuckets");
    Drift oneOff = BucketDrift.of(SSE_S3, with(SSE_S3, new PublicAccessBlock(true, true, false, true),
        a.objectOwnership(), a.encryption(), a.policy(), a.lifecycleRules(), TAGS));
    assertThat(oneOff.has(BucketDrift.PUBLIC_ACCESS_BLOCK)).isTrue();
    assertThat(oneOff.differences()).hasSize(1);
  }

  @Test
  void objectOwnershipOtherThanBucketOwnerEnforcedIsDrift() {
    BucketActual a = inSync(SSE_S3);
    for (String ownership : new String[] {null, "ObjectWriter", "BucketOwnerPreferred"}) {
      Drift drift = BucketDrift.of(SSE_S3, with(SSE_S3, a.publicAccessBlock(), ownership, a.encryption(), a.policy(),
          a.lifecycleRules(), TAGS));
      assertThat(drift.described()).as("%s", ownership).singleElement().asString()
          .startsWith("objectOwnership").endsWith("-> BucketOwnerEnforced");
    }
  }

  @Test
  void encryptionNotSetOfAnotherTypeOrKeyOrWithoutBucketKeyIsDrift() {
    BucketActual a = inSync(SSE_KMS);
    for (DefaultEncryption actual : new DefaultEncryption[] {null, DefaultEncryption.SSE_S3,
        DefaultEncryption.sseKms("alias/other"), new DefaultEncryption("aws:kms", "alias/archive", false)}) {
      Drift drift = BucketDrift.of(SSE_KMS, with(SSE_KMS, a.publicAccessBlock(), a.objectOwnership(), actual,
          a.policy(), a.lifecycleRules(), TAGS));
      assertThat(drift.described()).as("%s", actual).singleElement().asString()
          .startsWith("encryption").endsWith("-> aws:kms alias/archive with Bucket Key");
    }
    // SSE-S3 wanted, SSE-KMS found
    BucketActual s = inSync(SSE_S3);
    assertThat(BucketDrift.of(SSE_S3, with(SSE_S3, s.publicAccessBlock(), s.objectOwnership(),
        DefaultEncryption.sseKms("alias/archive"), s.policy(), s.lifecycleRules(), TAGS)).described())
        .containsExactly("encryption aws:kms alias/archive with Bucket Key -> AES256");
  }

  @Test
  void aBucketKeyFlagOnSseS3IsNoDrift() {
    BucketActual a = inSync(SSE_S3);
    assertThat(BucketDrift.of(SSE_S3, with(SSE_S3, a.publicAccessBlock(), a.objectOwnership(),
        new DefaultEncryption("AES256", null, true), a.policy(), a.lifecycleRules(), TAGS)).isEmpty()).isTrue();
  }

  @Test
  void thePolicyIsComparedSemantically() {
    BucketActual a = inSync(SSE_S3);
    String arn = SSE_S3.arn();
    // as the AWS documentation writes it: a Sid, "Principal": "*", single values as strings, another order
    String sameInOtherWords = """
        {
          "Statement": [{
            "Sid": "AllowSSLRequestsOnly",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            "Resource": ["%s/*", "%s"],
            "Action": "s3:*",
            "Principal": "*",
            "Effect": "Deny"
          }],
          "Version": "2012-10-17"
        }
        """.formatted(arn, arn);
    assertThat(BucketDrift.of(SSE_S3, with(SSE_S3, a.publicAccessBlock(), a.objectOwnership(), a.encryption(),
        sameInOtherWords, a.lifecycleRules(), TAGS)).isEmpty()).isTrue();

    for (String other : new String[] {null, sameInOtherWords.replace("\"false\"", "\"true\""),
        sameInOtherWords.replace("[\"%s/*\", ".formatted(arn), "["), sameInOtherWords.replace("Deny", "Allow")}) {
      Drift drift = BucketDrift.of(SSE_S3, with(SSE_S3, a.publicAccessBlock(), a.objectOwnership(), a.encryption(),
          other, a.lifecycleRules(), TAGS));
      // a document is named, not quoted, in messages
      assertThat(drift.described()).containsExactly("bucketPolicy");
    }
  }

  @Test
  void aMissingChangedOrAdditionalLifecycleRuleIsDrift() {
    BucketActual a = inSync(SSE_KMS);
    LifecycleRule rule = SSE_KMS.retentionRule();
    List<List<LifecycleRule>> wrong = List.of(
        List.of(),
        List.of(new LifecycleRule(rule.id(), true, "", 30, 90, 7, "")),
        List.of(new LifecycleRule(rule.id(), true, "", 365, 0, 7, "")),
        List.of(new LifecycleRule(rule.id(), true, "", 365, 90, 0, "")),
        List.of(new LifecycleRule(rule.id(), false, "", 365, 90, 7, "")),
        List.of(new LifecycleRule(rule.id(), true, "logs/", 365, 90, 7, "")),
        List.of(new LifecycleRule(rule.id(), true, "", 365, 90, 7, "transition STANDARD_IA 30d")),
        List.of(new LifecycleRule("renamed", true, "", 365, 90, 7, "")),
        List.of(rule, new LifecycleRule("by-hand", true, "", 1, 0, 0, "")));
    for (List<LifecycleRule> rules : wrong) {
      Drift drift = BucketDrift.of(SSE_KMS, with(SSE_KMS, a.publicAccessBlock(), a.objectOwnership(), a.encryption(),
          a.policy(), rules, TAGS));
      assertThat(drift.described()).as("%s", rules).singleElement().asString().startsWith("lifecycleRules")
          .endsWith("-> [uba-retention (expire after 365d, GLACIER_IR after 90d, abort uploads after 7d)]");
    }
  }

  @Test
  void theRuleWithoutExpirationOrTransitionStillAbortsUploads() {
    BucketDesired keepForever = new BucketDesired("b", "us-east-1", null, 0, 0, false, TAGS);
    assertThat(keepForever.retentionRule())
        .isEqualTo(new LifecycleRule("uba-retention", true, "", 0, 0, 7, ""))
        .hasToString("uba-retention (no expiration, no transition, abort uploads after 7d)");
  }

  @Test
  void tagDriftIgnoresAwsTags() {
    Map<String, String> changed = new HashMap<>(TAGS);
    changed.put("team", "search");
    changed.put("extra", "x");
    changed.put("aws:cloudformation:stack-name", "ignored");
    BucketActual a = inSync(SSE_S3);
    Drift drift = BucketDrift.of(SSE_S3, with(SSE_S3, a.publicAccessBlock(), a.objectOwnership(), a.encryption(),
        a.policy(), a.lifecycleRules(), changed));
    assertThat(drift.described()).containsExactlyInAnyOrder("tag team", "tag extra removed");
    assertThat(drift.hasMoreThanTags()).isFalse();
  }

  @Test
  void aBareBucketDiffersInEveryField() {
    Drift drift = BucketDrift.of(SSE_KMS, with(SSE_KMS, null, null, null, null, List.of(), Map.of()));
    assertThat(drift.byField().keySet()).contains(BucketDrift.PUBLIC_ACCESS_BLOCK, BucketDrift.OBJECT_OWNERSHIP,
        BucketDrift.ENCRYPTION, BucketDrift.POLICY, BucketDrift.LIFECYCLE);
    assertThat(drift.differences()).hasSize(5 + TAGS.size());
  }

  @Test
  void aBlankKmsKeyMeansSseS3() {
    assertThat(new BucketDesired("b", "us-east-1", " ", 0, 0, false, TAGS).encryption())
        .isEqualTo(DefaultEncryption.SSE_S3);
    assertThat(new BucketDesired("b", "cn-north-1", null, 0, 0, false, TAGS).arn()).isEqualTo("arn:aws-cn:s3:::b");
  }
}
