package dev.uba.operator.engine;

import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Classifies AWS errors by what the user must do (the contract's error table): throttling, 5xx and
 * timeouts are retried with backoff; access, quota and validation errors make the object Degraded.
 * Codes follow each service's API reference ("Common Errors" and the per-action error lists).
 */
public final class AwsErrors {
  private static final Set<String> ACCESS = Set.of(
      "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "UnrecognizedClientException",
      "InvalidClientTokenId", "ExpiredToken", "ExpiredTokenException", "SignatureDoesNotMatch",
      "NotAuthorized", "AuthorizationError", "KMSAccessDeniedException", "OptInRequired", "KMSAccessDenied",
      "KMSOptInRequired");
  private static final Set<String> THROTTLING = Set.of(
      "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
      "RequestLimitExceeded", "ProvisionedThroughputExceededException", "SlowDown",
      "RequestThrottled", "RequestThrottledException", "Throttled", "KMSThrottling", "KMSThrottlingException");
  private static final Set<String> RETRYABLE_CONFLICTS = Set.of(
      "ConcurrentModification", "ConcurrentModificationException", "ResourceInUseException",
      "ConflictException", "ServiceUnavailable", "ServiceUnavailableException", "InternalFailure",
      "InternalServiceError", "InternalError", "BaseException", "OperationAbortedException", "ConcurrentAccess",
      "ConcurrentAccessException", "OperationAborted");
  private static final Set<String> NOT_FOUND = Set.of(
      "ResourceNotFoundException", "ResourceNotFound", "NoSuchEntity", "NoSuchEntityException", "NotFound",
      "NotFoundException", "NoSuchBucket");
  private static final Set<String> QUOTA = Set.of(
      "LimitExceeded", "LimitExceededException", "ServiceQuotaExceededException", "QuotaExceeded",
      "TopicLimitExceeded", "SubscriptionLimitExceeded", "TagLimitExceeded", "FilterPolicyLimitExceeded",
      "TooManyBuckets");
  /**
   * S3 bucket names are global: BucketAlreadyExists (409) means another account holds the name;
   * BucketAlreadyOwnedByYou (409) that this account does, outside what the object owns.
   */
  private static final Set<String> NAME_TAKEN = Set.of("BucketAlreadyExists", "BucketAlreadyOwnedByYou");
  private static final Set<String> VALIDATION = Set.of(
      "ValidationException", "ValidationError", "InvalidArgumentException", "InvalidInput",
      "InvalidParameterValue", "InvalidParameterValueException", "InvalidParameterCombination",
      "InvalidParameterException", "MalformedPolicyDocument", "MalformedPolicyDocumentException",
      "InvalidTypeException", "InvalidAction", "KMSInvalidStateException", "KMSNotFoundException",
      "KMSDisabledException", "BadRequest", "DisabledOperationException");

  private AwsErrors() {}

  /** True when AWS says the resource does not exist (any service's not-found code, or HTTP 404). */
  public static boolean isNotFound(SdkException e) {
    if (!(e instanceof AwsServiceException ase)) {
      return false;
    }
    String code = ase.awsErrorDetails() == null ? "" : nullToEmpty(ase.awsErrorDetails().errorCode());
    return NOT_FOUND.contains(code) || ase.statusCode() == 404;
  }

  /**
   * True when AWS refused the call for exceeding a rate quota: each service's throttling codes, the
   * SDK's own notion of throttling, and Kinesis's LimitExceededException about a rate.
   */
  public static boolean isThrottling(Throwable t) {
    if (!(t instanceof AwsServiceException e)) {
      return false;
    }
    String code = e.awsErrorDetails() == null ? "" : nullToEmpty(e.awsErrorDetails().errorCode());
    String service = e.awsErrorDetails() == null ? "" : nullToEmpty(e.awsErrorDetails().serviceName());
    return THROTTLING.contains(code) || e.isThrottlingException() || isKinesisRateLimit(service, code, e);
  }

  public static Outcome outcomeOf(String action, SdkException e) {
    if (e instanceof AwsBudgetExhaustedException budget) {
      // Not Throttled: AWS refused nothing; the operator keeps within its share of the quota.
      return Outcome.deferred(action + " waits for the operator's share of the AWS rate quota of "
          + budget.service() + " " + budget.operation(), budget.retryAfter());
    }
    if (e instanceof AwsServiceException ase) {
      return serviceOutcome(action, ase);
    }
    if (e instanceof SdkClientException) {
      return Outcome.retrying(Reasons.AWS_UNAVAILABLE, action + " could not reach AWS: " + firstLine(e.getMessage()));
    }
    return Outcome.retrying(Reasons.AWS_UNAVAILABLE, action + " failed: " + firstLine(e.getMessage()));
  }

  private static Outcome serviceOutcome(String action, AwsServiceException e) {
    String code = e.awsErrorDetails() == null ? "" : nullToEmpty(e.awsErrorDetails().errorCode());
    String text = action + " failed: " + code + ": " + firstLine(messageOf(e));
    if (isThrottling(e)) {
      return Outcome.retrying(Reasons.THROTTLED, text);
    }
    if (ACCESS.contains(code)) {
      return Outcome.degraded(Reasons.ACCESS_DENIED, text);
    }
    // Before the status check: SNS answers TopicLimitExceeded and SubscriptionLimitExceeded with 403.
    if (QUOTA.contains(code)) {
      return Outcome.degraded(Reasons.QUOTA_EXCEEDED, text);
    }
    if (NAME_TAKEN.contains(code)) {
      return Outcome.degraded(Reasons.ALREADY_EXISTS, text + " (S3 bucket names are global; choose another name)");
    }
    if (e.statusCode() == 401 || e.statusCode() == 403) {
      return Outcome.degraded(Reasons.ACCESS_DENIED, text);
    }
    if (e.statusCode() >= 500 || RETRYABLE_CONFLICTS.contains(code)) {
      return Outcome.retrying(Reasons.AWS_UNAVAILABLE, text);
    }
    if (VALIDATION.contains(code) || e.statusCode() == 400 || e.statusCode() == 409 || e.statusCode() == 404) {
      return Outcome.degraded(Reasons.AWS_VALIDATION_ERROR, text);
    }
    return Outcome.retrying(Reasons.AWS_UNAVAILABLE, text);
  }

  /**
   * Kinesis reports control-plane rate limits (e.g. more than 5 DescribeStream calls a second) as
   * LimitExceededException; the same code with a message about shards is the account's shard quota.
   */
  private static boolean isKinesisRateLimit(String service, String code, AwsServiceException e) {
    if (!"LimitExceededException".equals(code) || !service.toLowerCase(Locale.ROOT).contains("kinesis")) {
      return false;
    }
    String message = messageOf(e).toLowerCase(Locale.ROOT);
    return !(message.contains("shard limit") || message.contains("quota") || message.contains("exceed the limit of"));
  }

  private static String messageOf(AwsServiceException e) {
    if (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null) {
      return e.awsErrorDetails().errorMessage();
    }
    return nullToEmpty(e.getMessage());
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
