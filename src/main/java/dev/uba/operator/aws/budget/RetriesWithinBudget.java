package dev.uba.operator.aws.budget;

import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsErrors;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The SDK's retry strategy, except that a call AWS throttled (or the operator's budget refused) is
 * not retried by the SDK: retrying at once would only add load to a quota already spent. The rate
 * budget slows the operation down and the object is looked at again later; 5xx answers and lost
 * connections are still retried, each attempt taking budget.
 */
public final class NoRetryOnThrottling implements RetryStrategy {
  private final RetryStrategy delegate;

  public NoRetryOnThrottling(RetryStrategy delegate) {
    this.delegate = delegate;
  }

  @Override
  public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
    return delegate.acquireInitialToken(request);
  }

  @Override
  public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
    Throwable failure = request.failure();
    if (failure instanceof AwsBudgetExhaustedException || AwsErrors.isThrottling(failure)) {
      throw new TokenAcquisitionFailedException("not retried by the SDK: the operator's rate budget paces "
          + "the operation and the object is looked at again later", request.token(), failure);
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
