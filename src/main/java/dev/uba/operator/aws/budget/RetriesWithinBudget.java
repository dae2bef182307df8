package dev.uba.operator.aws.budget;

import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsErrors;
import java.time.Duration;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The SDK's retry strategy with the rate budget in charge of throttling. Every throttled attempt
 * slows its operation down for all objects ({@link RateBudgetInterceptor#throttledOnThisThread});
 * it is then retried like any other failure, as many times as the SDK's strategy allows, but without
 * the SDK's own backoff sleep: the retry takes budget at the lowered rate, so it is paced, or, if it
 * would wait too long, not sent and the object looked at again later. Without these retries every
 * throttled answer ended the whole pass: under 20 % throttling a pass of ten calls rarely finished.
 * An attempt the budget refused is never retried by the SDK.
 */
final class RetriesWithinBudget implements RetryStrategy {
  private final RetryStrategy delegate;
  private final RateBudgetInterceptor budget;

  RetriesWithinBudget(RetryStrategy delegate, RateBudgetInterceptor budget) {
    this.delegate = delegate;
    this.budget = budget;
  }

  @Override
  public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    return delegate.acquireInitialToken(request);
  }

  @Override
  public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    Throwable failure = request.failure();
    if (failure instanceof AwsBudgetExhaustedException) {
      throw new TokenAcquisitionFailedException("not retried by the SDK: the operator's rate budget has "
          + "no room for the operation now and the object is looked at again later", request.token(), failure);
    }
    if (AwsErrors.isThrottling(failure)) {
      budget.throttledOnThisThread();
      RefreshRetryTokenResponse retry = delegate.refreshRetryToken(request);
      return RefreshRetryTokenResponse.create(retry.token(), Duration.ZERO);
    }
    return delegate.refreshRetryToken(request);
  }

  @Override
  public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
    return delegate.recordSuccess(request);
  }

  @Override
  public int maxAttempts() {
    return delegate.maxAttempts();
  }

  @Override
  public Builder<?, ?> toBuilder() {
    return delegate.toBuilder();
  }
}
