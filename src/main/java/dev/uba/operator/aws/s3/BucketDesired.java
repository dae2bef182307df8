package dev.uba.operator.aws.s3;

import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * The archive bucket the spec asks for (spec.archive), defaults applied.
 *
 * @param name the bucket name: spec.archive.bucketName, or {@link dev.uba.operator.engine.Names#s3Bucket}
 * @param region the region the bucket is created in
 * @param kmsKeyId SSE-KMS with this key and an S3 Bucket Key; null (or blank) for SSE-S3 (AES256)
 * @param expireAfterDays objects expire this many days after creation; 0 = never
 * @param glacierAfterDays objects move to GLACIER_IR this many days after creation; 0 = never
 * @param forceDestroy on deletion, a bucket that still holds objects is emptied (every version and
 *     delete marker) and deleted; false leaves such a bucket in place
 * @param tags all tags, the ownership tags included
 */
public record BucketDesired(String name, String region, String kmsKeyId, int expireAfterDays, int glacierAfterDays,
    boolean forceDestroy, Map<String, String> tags) implements Desired {

  public BucketDesired {
    kmsKeyId = kmsKeyId == null || kmsKeyId.isBlank() ? null : kmsKeyId;
    tags = Map.copyOf(tags);
  }

  public String arn() {
    return "arn:" + AwsClients.partition(region) + ":s3:::" + name;
  }

  public DefaultEncryption encryption() {
    return kmsKeyId == null ? DefaultEncryption.SSE_S3 : DefaultEncryption.sseKms(kmsKeyId);
  }

  /** The bucket policy: every request without TLS denied, nothing granted. */
  public String policy() {
    return BucketPolicies.denyWithoutTls(arn());
  }

  /** The one lifecycle rule the bucket carries. */
  public LifecycleRule retentionRule() {
    return LifecycleRule.retention(expireAfterDays, glacierAfterDays);
  }
}
