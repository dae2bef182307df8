package dev.uba.operator.personalization;

import dev.uba.operator.engine.PolicyDocuments;
import dev.uba.operator.engine.PolicyDocuments.Statement;
import java.util.List;
import java.util.Map;

/**
 * The IAM documents of the data-access role (pure): trusted by personalize.amazonaws.com of this
 * account only, allowed to list the bucket under the training prefix and to read the objects
 * there; nothing else.
 */
public final class ModelPolicies {
  public static final String POLICY_NAME = "uba-personalize-read";

  private ModelPolicies() {}

  /** An s3:// URI split into bucket and key prefix ("" for the whole bucket). */
  public record S3Location(String bucket, String prefix) {
    public static S3Location parse(String uri) {
      if (uri == null || !uri.startsWith("s3://")) {
        throw new IllegalArgumentException("not an s3:// URI: " + uri);
      }
      String rest = uri.substring("s3://".length());
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      if (bucket.isEmpty()) {
        throw new IllegalArgumentException("no bucket in " + uri);
      }
      return new S3Location(bucket, slash < 0 ? "" : rest.substring(slash + 1));
    }
  }

  /**
   * Trusted by Personalize acting for a Personalize resource of this account and region only: AWS's
   * confused-deputy guidance for Personalize ("Cross-service confused deputy prevention") gives both
   * aws:SourceAccount and aws:SourceArn {@code arn:PARTITION:personalize:REGION:ACCOUNT:*}.
   */
  public static String trust(String partition, String region, String accountId) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":[\"personalize.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"],"
        + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":[\"" + accountId + "\"]},"
        + "\"ArnLike\":{\"aws:SourceArn\":[\"arn:" + partition + ":personalize:" + region + ":" + accountId
        + ":*\"]}}}]}";
  }

  /** s3:ListBucket on the bucket limited to the prefix, s3:GetObject on the objects under it. */
  public static String read(String partition, String s3Uri) {
    S3Location where = S3Location.parse(s3Uri);
    String bucketArn = "arn:" + partition + ":s3:::" + where.bucket();
    Statement list = PolicyDocuments.allow(List.of("s3:ListBucket"), List.of(bucketArn));
    if (!where.prefix().isEmpty()) {
      list = list.when(Map.of("StringLike", Map.of("s3:prefix", List.of(where.prefix() + "*"))));
    }
    Statement get = PolicyDocuments.allow(List.of("s3:GetObject"), List.of(bucketArn + "/" + where.prefix() + "*"));
    return PolicyDocuments.document(List.of(list, get));
  }
}
