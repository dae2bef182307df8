package dev.uba.operator.aws.budget;

import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsErrors;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * Applies the {@link AwsRateBudget} to every attempt of every call on the shared SDK clients, the
 * SDK's own retries included (the SDK calls {@code beforeTransmission} once per attempt): an attempt
 * takes budget, waits at most {@link AwsRateBudget#MAX_WAIT} for it, or is not sent and fails with
 * {@link AwsBudgetExhaustedException}. A call AWS throttles slows its operation down for all objects;
 * the SDK retries it with no delay of its own ({@link RetriesWithinBudget}), each attempt paced here.
 * A request marked {@link #IF_BUDGET_NOW} is sent only if its budget is there at once.
 */
public final class RateBudgetInterceptor implements ExecutionInterceptor {
  /**
   * Marks a request the caller can do without (a read that refreshes what it already knows): it is
   * sent only if its operation's budget is there now, and otherwise fails at once with
   * {@link AwsBudgetExhaustedException}, taking no turn from the calls that wait for budget. Set it
   * with {@link #ifBudgetNow}.
   */
  public static final ExecutionAttribute<Boolean> IF_BUDGET_NOW = new ExecutionAttribute<>("uba.budget.ifNow");

  private static final ExecutionAttribute<AtomicInteger> ATTEMPTS = new ExecutionAttribute<>("uba.budget.attempts");

  /**
   * The operation of the attempt this thread sent last: the SDK's retry strategy learns of a failed
   * attempt without its call's attributes, and a synchronous client runs a call's attempts and its
   * retry decisions on the calling thread.
   */
  private final ThreadLocal<Attempt> attemptOnThisThread = new ThreadLocal<>();
  private final AwsRateBudget budget;

  private record Attempt(String region, String service, String operation) {}

  public RateBudgetInterceptor(AwsRateBudget budget) {
    this.budget = budget;
  }

  /**
   * Puts a synchronous client under the budget: this interceptor on every attempt, and the SDK's
   * standard retries paced by the budget instead of the SDK's backoff when AWS throttles.
   */
  public static ClientOverrideConfiguration.Builder applyTo(ClientOverrideConfiguration.Builder client,
      AwsRateBudget budget) {
    RateBudgetInterceptor interceptor = new RateBudgetInterceptor(budget);
    return client.addExecutionInterceptor(interceptor)
        .retryStrategy(new RetriesWithinBudget(standardRetriesOfEveryThrottling(), interceptor));
  }

  /**
   * The SDK's standard strategy, retrying also the throttling answers it does not know as such
   * (Kinesis' "Rate exceeded" LimitExceededException, for one), without its circuit breaker: that
   * retry quota is one per client, shared by every object, and once a run of failures emptied it
   * no call of any object was retried (under 20 % throttling and 10 % 5xx or lost answers, one
   * pipeline's deletion backed off for minutes). The rate budget bounds every attempt instead.
   */
  static RetryStrategy standardRetriesOfEveryThrottling() {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .retryOnException(AwsErrors::isThrottling)
        .treatAsThrottling(AwsErrors::isThrottling)
        .circuitBreakerEnabled(false)
        .build();
  }

  /** A request's override configuration marked {@link #IF_BUDGET_NOW}. */
  public static void ifBudgetNow(AwsRequestOverrideConfiguration.Builder request) {
    request.putExecutionAttribute(IF_BUDGET_NOW, Boolean.TRUE);
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
    String region = region(attributes);
    attemptOnThisThread.set(new Attempt(region, service, operation));
    if (Boolean.TRUE.equals(attributes.getAttribute(IF_BUDGET_NOW))) {
      if (!budget.takeIfThere(region, service, operation)) {
        throw new AwsBudgetExhaustedException(service, operation, Duration.ZERO);
      }
      return;
    }
    OperationBudget.Decision decision = budget.take(region, service, operation);
    switch (decision.kind()) {
      case REFUSED -> throw new AwsBudgetExhaustedException(service, operation, decision.delay());
      case AFTER_WAIT -> pause(decision);
      default -> { }
    }
  }

  /** The attempt this thread sent last was throttled: its operation slows down for every object. */
  void throttledOnThisThread() {
    Attempt attempt = attemptOnThisThread.get();
    if (attempt != null) {
      budget.throttled(attempt.region(), attempt.service(), attempt.operation());
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    attemptOnThisThread.remove();
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    attemptOnThisThread.remove();
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
