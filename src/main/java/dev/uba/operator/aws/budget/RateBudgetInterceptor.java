package dev.uba.operator.aws.budget;

import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsErrors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Applies the {@link AwsRateBudget} to every attempt of every call on the shared SDK clients, the
 * SDK's own retries included (the SDK calls {@code beforeTransmission} once per attempt): an attempt
 * takes budget, waits at most {@link AwsRateBudget#MAX_WAIT} for it, or is not sent and fails with
 * {@link AwsBudgetExhaustedException}. A call AWS throttles slows its operation down for all objects.
 * The SDK does not retry throttling ({@link NoRetryOnThrottling}), so every throttled attempt ends
 * the call and is seen here.
 */
public final class RateBudgetInterceptor implements ExecutionInterceptor {
  private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("uba.budget.attempts");

  private final AwsRateBudget budget;

  public RateBudgetInterceptor(AwsRateBudget budget) {
    this.budget = budget;
  }

  /**
   * Puts a client under the budget: this interceptor on every attempt, and the SDK's standard retries
   * without retrying throttling.
   */
  public static ClientOverrideConfiguration.Builder applyTo(ClientOverrideConfiguration.Builder client,
      AwsRateBudget budget) {
    return client.addExecutionInterceptor(new RateBudgetInterceptor(budget))
        .retryStrategy(new NoRetryOnThrottling(AwsRetryStrategy.standardRetryStrategy()));
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(ATTEMPTS, new AtomicInteger());
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    AtomicInteger attempts = attributes.getAttribute(ATTEMPTS);
    if (attempts != null && attempts.incrementAndGet() > 1) {
      budget.retried(service, operation);
    }
    OperationBudget.Decision decision = budget.take(region(attributes), service, operation);
    switch (decision.kind()) {
      case REFUSED -> throw new AwsBudgetExhaustedException(service, operation, decision.delay());
      case AFTER_WAIT -> pause(decision);
      default -> { }
    }
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (AwsErrors.isThrottling(context.exception())) {
      budget.throttled(region(attributes), attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
          attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
    }
  }

  private static String region(ExecutionAttributes attributes) {
    Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
    return region == null ? "" : region.id();
  }

  private static void pause(OperationBudget.Decision decision) {
    try {
      Thread.sleep(decision.delay().toMillis(), decision.delay().toNanosPart() % 1_000_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw SdkClientException.create("interrupted while waiting for the AWS rate budget", e);
    }
  }
}
