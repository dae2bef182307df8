package dev.uba.operator.aws.s3;

import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.PolicyDocuments;
import java.util.List;

/**
 * The differences between a desired and an actual archive bucket (pure). Each field stands for one
 * S3 configuration, replaced whole by one Put call; the policy is compared semantically.
 */
public final class BucketDrift {
  public static final String PUBLIC_ACCESS_BLOCK = "publicAccessBlock";
  public static final String OBJECT_OWNERSHIP = "objectOwnership";
  public static final String ENCRYPTION = "encryption";
  public static final String POLICY = "bucketPolicy";
  public static final String LIFECYCLE = "lifecycleRules";
  /** ACLs off: the bucket owner owns every object, whoever wrote it. */
  public static final String BUCKET_OWNER_ENFORCED = "BucketOwnerEnforced";

  private static final String NOT_SET = "not set";

  private BucketDrift() {}

  public static Drift of(BucketDesired desired, BucketActual actual) {
    return Drift.builder()
        .field(PUBLIC_ACCESS_BLOCK, PublicAccessBlock.ALL_ON, orNotSet(actual.publicAccessBlock()))
        .field(OBJECT_OWNERSHIP, BUCKET_OWNER_ENFORCED, orNotSet(actual.objectOwnership()))
        .field(ENCRYPTION, desired.encryption(), orNotSet(actual.encryption()))
        .namedIf(!PolicyDocuments.equivalent(desired.policy(), actual.policy()), POLICY, desired.policy(),
            actual.policy())
        // the whole configuration: a rule added by hand could expire the archive sooner than the spec says
        .field(LIFECYCLE, List.of(desired.retentionRule()), actual.lifecycleRules())
        .tags(desired.tags(), actual.tags())
        .build();
  }

  private static Object orNotSet(Object value) {
    return value == null ? NOT_SET : value;
  }
}
