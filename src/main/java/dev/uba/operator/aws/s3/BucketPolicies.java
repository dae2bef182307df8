package dev.uba.operator.aws.s3;

import dev.uba.operator.engine.PolicyDocuments;
import java.util.List;
import java.util.Map;

/** The archive's bucket policy (pure). */
public final class BucketPolicies {
  private BucketPolicies() {}

  /**
   * Denies every request made without TLS ({@code aws:SecureTransport} false), by anyone, on the
   * bucket and its objects, and grants nothing: access comes from identity policies (the ingestion
   * role), never from the bucket. A Deny-only policy is not "public", so BlockPublicPolicy allows it.
   */
  public static String denyWithoutTls(String bucketArn) {
    return PolicyDocuments.document(List.of(
        new PolicyDocuments.Statement("Deny", Map.of("AWS", List.of("*")), List.of("s3:*"),
            List.of(bucketArn, bucketArn + "/*"))
            .when(Map.of("Bool", Map.of("aws:SecureTransport", List.of("false"))))));
  }
}
