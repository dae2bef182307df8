package dev.uba.operator.aws.s3;

/**
 * A bucket's default encryption. SSE-S3 carries no key and no Bucket Key (S3 ignores a Bucket Key
 * for AES256), so two SSE-S3 settings are always equal.
 *
 * @param algorithm AES256 or aws:kms (or whatever else S3 reports)
 * @param kmsKeyId the KMS key as configured (id, ARN or alias); null for AES256
 * @param bucketKey whether an S3 Bucket Key is used, which cuts KMS requests
 */
public record DefaultEncryption(String algorithm, String kmsKeyId, boolean bucketKey) {
  public static final String AES256 = "AES256";
  public static final String KMS = "aws:kms";

  /** SSE-S3. */
  public static final DefaultEncryption SSE_S3 = new DefaultEncryption(AES256, null, false);

  public DefaultEncryption {
    if (AES256.equals(algorithm)) {
      kmsKeyId = null;
      bucketKey = false;
    }
  }

  /** SSE-KMS with the key and a Bucket Key. */
  public static DefaultEncryption sseKms(String kmsKeyId) {
    return new DefaultEncryption(KMS, kmsKeyId, true);
  }

  @Override
  public String toString() {
    return kmsKeyId == null ? algorithm : algorithm + " " + kmsKeyId + (bucketKey ? " with" : " without") + " Bucket Key";
  }
}
