package dev.uba.operator.aws.s3;

import dev.uba.operator.engine.Drift;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/** The Put calls of the archive's configurations; each replaces one configuration whole. */
final class BucketWrites {
  private final S3Client s3;

  BucketWrites(S3Client s3) {
    this.s3 = s3;
  }

  /** Every configuration but the tags, as a new bucket needs them. */
  void settings(BucketDesired desired) {
    publicAccessBlock(desired.name());
    objectOwnership(desired.name());
    encryption(desired);
    policy(desired);
    lifecycle(desired);
  }

  /** Exactly the calls for what the drift names. */
  void differing(BucketDesired desired, Drift drift) {
    if (drift.has(BucketDrift.PUBLIC_ACCESS_BLOCK)) {
      publicAccessBlock(desired.name());
    }
    if (drift.has(BucketDrift.OBJECT_OWNERSHIP)) {
      objectOwnership(desired.name());
    }
    if (drift.has(BucketDrift.ENCRYPTION)) {
      encryption(desired);
    }
    if (drift.has(BucketDrift.POLICY)) {
      policy(desired);
    }
    if (drift.has(BucketDrift.LIFECYCLE)) {
      lifecycle(desired);
    }
    if (drift.hasTags()) {
      tags(desired);
    }
  }

  /** S3 replaces the whole tag set, so the desired set is sent as it is. */
  void tags(BucketDesired desired) {
    s3.putBucketTagging(r -> r.bucket(desired.name()).tagging(t -> t.tagSet(S3Shapes.tags(desired.tags()))));
  }

  private void publicAccessBlock(String name) {
    s3.putPublicAccessBlock(r -> r.bucket(name)
        .publicAccessBlockConfiguration(S3Shapes.publicAccessBlock(PublicAccessBlock.ALL_ON)));
  }

  private void objectOwnership(String name) {
    s3.putBucketOwnershipControls(r -> r.bucket(name)
        .ownershipControls(c -> c.rules(o -> o.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
  }

  private void encryption(BucketDesired desired) {
    s3.putBucketEncryption(r -> r.bucket(desired.name())
        .serverSideEncryptionConfiguration(S3Shapes.encryption(desired.encryption())));
  }

  private void policy(BucketDesired desired) {
    s3.putBucketPolicy(r -> r.bucket(desired.name()).policy(desired.policy()));
  }

  /** The one rule replaces the whole lifecycle configuration. */
  private void lifecycle(BucketDesired desired) {
    s3.putBucketLifecycleConfiguration(r -> r.bucket(desired.name())
        .lifecycleConfiguration(c -> c.rules(S3Shapes.lifecycleRule(desired.retentionRule()))));
  }
}
