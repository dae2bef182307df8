package dev.uba.operator.engine;

import java.time.Duration;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The operator's share of an AWS rate quota ({@code UBA_AWS_QUOTA_SHARE}) is used up for an
 * operation: the call was not sent. Thrown by the rate budget on the SDK clients instead of making a
 * reconcile thread wait; {@link AwsErrors} makes it Progressing, reason Waiting, and the object is
 * looked at again after {@link #retryAfter()}. An {@link SdkClientException}, so every place that
 * handles a failed AWS call handles it too; never retried by the SDK.
 */
public final class AwsBudgetExhaustedException extends SdkClientException {
  private final String service;
  private final String operation;
  private final Duration retryAfter;

  public AwsBudgetExhaustedException(String service, String operation, Duration retryAfter) {
    this(SdkClientException.builder().message("the operator's rate budget of " + service + " " + operation
        + " is used up for now; budget is available again in " + retryAfter.toMillis() + " ms"),
        service, operation, retryAfter);
  }

  private AwsBudgetExhaustedException(SdkClientException.Builder builder, String service, String operation,
      Duration retryAfter) {
    super(builder);
    this.service = service;
    this.operation = operation;
    this.retryAfter = retryAfter;
  }

  /** The SDK rebuilds a failure to add its attempt count: it stays of this type. */
  @Override
  public SdkClientException.Builder toBuilder() {
    return new Rebuilt(this);
  }

  private static final class Rebuilt extends SdkClientException.BuilderImpl {
    private final AwsBudgetExhaustedException original;

    Rebuilt(AwsBudgetExhaustedException original) {
      super(original);
      this.original = original;
    }

    @Override
    public AwsBudgetExhaustedException build() {
      return new AwsBudgetExhaustedException(this, original.service, original.operation, original.retryAfter);
    }
  }

  /** The SDK's name of the service ("Kinesis", "CloudWatch"). */
  public String service() {
    return service;
  }

  /** The API operation ("ListTagsForStream"). */
  public String operation() {
    return operation;
  }

  /** How soon the budget allows the call again. */
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public boolean retryable() {
    return false;
  }
}
