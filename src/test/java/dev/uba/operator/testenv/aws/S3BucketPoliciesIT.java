package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Bucket policies kept by the proxy ({@link S3BucketPolicies}): answered as S3 does, and a
 * TLS-only policy no longer makes the emulator refuse object requests.
 */
class S3BucketPoliciesIT {

  private static final String TLS_ONLY = """
      {"Version":"2012-10-17","Statement":[{"Sid":"DenyWithoutTls","Effect":"Deny","Principal":"*",
      "Action":"s3:*","Resource":["arn:aws:s3:::it-tls-only","arn:aws:s3:::it-tls-only/*"],
      "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";

  private static LocalAws aws;
  private static S3Client s3;
  private static S3Client direct;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    s3 = TestClients.s3(aws.endpoint(), false);
    direct = TestClients.s3(aws.motoEndpoint(), false);
  }

  @AfterAll
  static void stop() {
    s3.close();
    direct.close();
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
  }

  @Test
  void aTlsOnlyPolicyIsAnsweredBackAndObjectRequestsStillWork() {
    s3.createBucket(r -> r.bucket("it-tls-only"));

    s3.putBucketPolicy(r -> r.bucket("it-tls-only").policy(TLS_ONLY));

    assertThat(s3.getBucketPolicy(r -> r.bucket("it-tls-only")).policy()).isEqualTo(TLS_ONLY);
    // through the proxy and directly (as the local Firehose writes): the emulator holds no policy
    s3.putObject(r -> r.bucket("it-tls-only").key("a.json"), RequestBody.fromString("{}"));
    direct.putObject(r -> r.bucket("it-tls-only").key("backup/b.json"), RequestBody.fromString("{}"));
    assertThat(s3.getObjectAsBytes(r -> r.bucket("it-tls-only").key("backup/b.json")).asUtf8String())
        .isEqualTo("{}");
    s3.deleteObject(r -> r.bucket("it-tls-only").key("a.json"));
    s3.deleteObject(r -> r.bucket("it-tls-only").key("backup/b.json"));
    assertThat(s3.listObjectsV2(r -> r.bucket("it-tls-only")).keyCount()).isZero();
    assertThatThrownBy(() -> direct.getBucketPolicy(r -> r.bucket("it-tls-only")))
        .isInstanceOfSatisfying(S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    s3.deleteBucket(r -> r.bucket("it-tls-only"));
  }

  @Test
  void aReplacedPolicyIsTheOneReadAndADeletedOneIsNoSuchBucketPolicy() {
    s3.createBucket(r -> r.bucket("it-policy-cycle"));
    s3.putBucketPolicy(r -> r.bucket("it-policy-cycle").policy(TLS_ONLY));
    String other = TLS_ONLY.replace("\"false\"", "\"true\"");

    s3.putBucketPolicy(r -> r.bucket("it-policy-cycle").policy(other));
    assertThat(s3.getBucketPolicy(r -> r.bucket("it-policy-cycle")).policy()).isEqualTo(other);

    s3.deleteBucketPolicy(r -> r.bucket("it-policy-cycle"));
    assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket("it-policy-cycle")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy");
        });
    // deleting a policy that is not there is no error, as in S3
    s3.deleteBucketPolicy(r -> r.bucket("it-policy-cycle"));
  }

  @Test
  void aDeletedBucketTakesItsPolicyAlongAndAResetForgetsThem() {
    s3.createBucket(r -> r.bucket("it-policy-gone"));
    s3.putBucketPolicy(r -> r.bucket("it-policy-gone").policy(TLS_ONLY));

    s3.deleteBucket(r -> r.bucket("it-policy-gone"));
    s3.createBucket(r -> r.bucket("it-policy-gone"));

    assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket("it-policy-gone")))
        .isInstanceOfSatisfying(S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
    s3.putBucketPolicy(r -> r.bucket("it-policy-gone").policy(TLS_ONLY));
    aws.reset();
    s3.createBucket(r -> r.bucket("it-policy-gone"));
    assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket("it-policy-gone")))
        .isInstanceOfSatisfying(S3Exception.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucketPolicy"));
  }

  @Test
  void aMissingBucketAndAMalformedPolicyAreRefusedAsS3RefusesThem() {
    assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket("it-no-such-bucket").policy(TLS_ONLY)))
        .isInstanceOf(NoSuchBucketException.class);
    assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket("it-no-such-bucket")))
        .isInstanceOf(NoSuchBucketException.class);
    s3.createBucket(r -> r.bucket("it-malformed"));

    assertThatThrownBy(() -> s3.putBucketPolicy(r -> r.bucket("it-malformed").policy("not json")))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicy");
        });
  }
}
