package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

  private static AwsServiceException error(String service, String code, int status, String message) {
    return AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().serviceName(service).errorCode(code).errorMessage(message).build())
        .statusCode(status)
        .message(message)
        .build();
  }

  @Test
  void kinesisLimitExceededIsARateLimitAndRetried() {
    Outcome o = AwsErrors.outcomeOf("DescribeStreamSummary", error("Kinesis", "LimitExceededException", 400,
        "Rate exceeded for stream s under account 123456789012."));
    assertThat(o.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(o.reason()).isEqualTo("Throttled");
    assertThat(o.isProgressing()).isTrue();
    assertThat(o.isDegraded()).isFalse();
  }

  @Test
  void kinesisLimitExceededAboutTheShardLimitIsAQuota() {
    Outcome o = AwsErrors.outcomeOf("CreateStream", error("Kinesis", "LimitExceededException", 400,
        "This request would exceed the shard limit for the account 123456789012 in us-east-1. "
            + "Current shard count for the account: 500. Limit: 500."));
    assertThat(o.kind()).isEqualTo(Outcome.Kind.DEGRADED);
    assertThat(o.reason()).isEqualTo("QuotaExceeded");
  }

  @Test
  void iamLimitExceededIsAQuota() {
    Outcome o = AwsErrors.outcomeOf("CreateRole", error("Iam", "LimitExceeded", 409,
        "Cannot exceed quota for RolesPerAccount: 1000"));
    assertThat(o.kind()).isEqualTo(Outcome.Kind.DEGRADED);
    assertThat(o.reason()).isEqualTo("QuotaExceeded");
  }

  @Test
  void openSearchLimitExceededIsAQuotaNotARateLimit() {
    Outcome o = AwsErrors.outcomeOf("CreateDomain", error("OpenSearch", "LimitExceededException", 409,
        "Domain limit exceeded"));
    assertThat(o.kind()).isEqualTo(Outcome.Kind.DEGRADED);
    assertThat(o.reason()).isEqualTo("QuotaExceeded");
  }

  @Test
  void throttlingIsRetried() {
    Outcome o = AwsErrors.outcomeOf("GetRole", error("Iam", "Throttling", 400, "Rate exceeded"));
    assertThat(o.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(o.reason()).isEqualTo("Throttled");
    Outcome exception = AwsErrors.outcomeOf("DescribeDomain", error("OpenSearch", "ThrottlingException", 429, "slow down"));
    assertThat(exception.reason()).isEqualTo("Throttled");
    assertThat(exception.kind()).isEqualTo(Outcome.Kind.RETRYING);
  }

  @Test
  void accessDeniedIsDegraded() {
    Outcome iam = AwsErrors.outcomeOf("CreateRole", error("Iam", "AccessDenied", 403, "not authorized"));
    assertThat(iam.kind()).isEqualTo(Outcome.Kind.DEGRADED);
    assertThat(iam.reason()).isEqualTo("AccessDenied");
    // Kinesis reports AccessDeniedException with HTTP 400
    Outcome kinesis = AwsErrors.outcomeOf("CreateStream", error("Kinesis", "AccessDeniedException", 400, "denied"));
    assertThat(kinesis.kind()).isEqualTo(Outcome.Kind.DEGRADED);
    assertThat(kinesis.reason()).isEqualTo("AccessDenied");
  }

  @Test
  void serverErrorsAreAwsUnavailableAndRetried() {
    for (int status : new int[] {500, 503}) {
      Outcome o = AwsErrors.outcomeOf("CreateStream", error("Kinesis", "InternalFailure", status, "oops"));
      assertThat(o.kind()).as("HTTP %d", status).isEqualTo(Outcome.Kind.RETRYING);
      assertThat(o.reason()).as("HTTP %d", status).isEqualTo("AwsUnavailable");
    }
    Outcome unknownCode = AwsErrors.outcomeOf("GetRole", error("Iam", "ServiceFailure", 500, "oops"));
    assertThat(unknownCode.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(unknownCode.reason()).isEqualTo("AwsUnavailable");
  }

  @Test
  void validationErrorsAreDegraded() {
    Outcome validation = AwsErrors.outcomeOf("CreateDomain", error("OpenSearch", "ValidationException", 400,
        "Invalid instance type"));
    assertThat(validation.kind()).isEqualTo(Outcome.Kind.DEGRADED);
    assertThat(validation.reason()).isEqualTo("AwsValidationError");
    Outcome malformed = AwsErrors.outcomeOf("PutRolePolicy", error("Iam", "MalformedPolicyDocument", 400,
        "Syntax errors in policy"));
    assertThat(malformed.kind()).isEqualTo(Outcome.Kind.DEGRADED);
    assertThat(malformed.reason()).isEqualTo("AwsValidationError");
  }

  @Test
  void clientErrorsAreAwsUnavailableAndRetried() {
    Outcome o = AwsErrors.outcomeOf("DescribeStreamSummary",
        SdkClientException.create("Unable to execute HTTP request: Connect timed out"));
    assertThat(o.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(o.reason()).isEqualTo("AwsUnavailable");
    assertThat(o.message()).contains("DescribeStreamSummary").contains("Connect timed out");
  }

  @Test
  void theMessageNamesTheActionTheCodeAndAwsFirstLine() {
    Outcome o = AwsErrors.outcomeOf("CreateRole", error("Iam", "AccessDenied", 403,
        "User x is not authorized to perform iam:CreateRole\nsecond line"));
    assertThat(o.message()).contains("CreateRole").contains("AccessDenied")
        .contains("User x is not authorized to perform iam:CreateRole")
        .doesNotContain("second line");
  }

  @Test
  void snsLimitErrorsAreQuotasDespiteTheir403() {
    for (String code : new String[] {"TopicLimitExceeded", "SubscriptionLimitExceeded", "TagLimitExceeded"}) {
      Outcome o = AwsErrors.outcomeOf("CreateTopic", error("Sns", code, 403, "limit"));
      assertThat(o.kind()).as(code).isEqualTo(Outcome.Kind.DEGRADED);
      assertThat(o.reason()).as(code).isEqualTo("QuotaExceeded");
    }
    Outcome denied = AwsErrors.outcomeOf("CreateTopic", error("Sns", "AuthorizationError", 403, "not authorized"));
    assertThat(denied.reason()).isEqualTo("AccessDenied");
  }

  @Test
  void snsThrottlingAndConcurrentLogsUpdatesAreRetried() {
    Outcome sns = AwsErrors.outcomeOf("Subscribe", error("Sns", "Throttled", 429, "rate"));
    assertThat(sns.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(sns.reason()).isEqualTo("Throttled");
    Outcome logs = AwsErrors.outcomeOf("PutMetricFilter",
        error("CloudWatchLogs", "OperationAbortedException", 400, "Multiple concurrent requests"));
    assertThat(logs.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(logs.reason()).isEqualTo("AwsUnavailable");
  }

  @Test
  void cloudWatchValidationAndKmsAccessAreDegraded() {
    Outcome invalid = AwsErrors.outcomeOf("PutMetricAlarm", error("CloudWatch", "InvalidParameterCombination", 400, "x"));
    assertThat(invalid.reason()).isEqualTo("AwsValidationError");
    Outcome kms = AwsErrors.outcomeOf("SetTopicAttributes", error("Sns", "KMSAccessDenied", 400, "key"));
    assertThat(kms.reason()).isEqualTo("AccessDenied");
  }

  @Test
  void anS3BucketNameTakenElsewhereIsAlreadyExists() {
    for (String code : new String[] {"BucketAlreadyExists", "BucketAlreadyOwnedByYou"}) {
      Outcome o = AwsErrors.outcomeOf("creating S3Bucket b", error("S3", code, 409,
          "The requested bucket name is not available."));
      assertThat(o.kind()).as(code).isEqualTo(Outcome.Kind.DEGRADED);
      assertThat(o.reason()).as(code).isEqualTo("AlreadyExists");
      assertThat(o.message()).as(code).contains(code).contains("choose another name");
    }
  }

  @Test
  void s3CodesForAMissingBucketAConflictAndTheBucketQuota() {
    assertThat(AwsErrors.isNotFound(error("S3", "NoSuchBucket", 404, "missing"))).isTrue();
    Outcome aborted = AwsErrors.outcomeOf("CreateBucket", error("S3", "OperationAborted", 409,
        "A conflicting conditional operation is currently in progress against this resource."));
    assertThat(aborted.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(aborted.reason()).isEqualTo("AwsUnavailable");
    Outcome quota = AwsErrors.outcomeOf("CreateBucket", error("S3", "TooManyBuckets", 400, "too many"));
    assertThat(quota.reason()).isEqualTo("QuotaExceeded");
  }
}
