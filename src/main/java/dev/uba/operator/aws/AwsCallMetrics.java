package dev.uba.operator.aws;

import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.Reasons;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Measures every AWS API call the operator makes. Registered on every SDK client; one measurement per
 * API call, after the SDK's own retries:
 *
 * <ul>
 *   <li>{@code uba_aws_calls_total{service,operation,kind,outcome}}: outcome "success" or the AWS
 *       error code;
 *   <li>{@code uba_aws_call_duration_seconds{service,operation}}: a histogram of the time from the
 *       call's start to its answer, SDK retries and their backoff included (what a reconcile waits);
 *   <li>{@code uba_aws_throttled_calls_total{service,operation}}: calls that still ended throttled
 *       after those retries (classified as {@link AwsErrors} does for the Throttled reason).
 * </ul>
 */
public final class AwsCallMetrics implements ExecutionInterceptor {
  public static final String METRIC = "uba.aws.calls";
  public static final String DURATION = "uba.aws.call.duration";
  public static final String THROTTLED = "uba.aws.throttled.calls";
  /** Bucket bounds: a fast read takes milliseconds, a throttled call with retries seconds. */
  private static final Duration[] BUCKETS = {
      Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
      Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
      Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60)};
  private static final ExecutionAttribute<Timer.Sample> STARTED = new ExecutionAttribute<>("uba.aws.call.started");

  private final MeterRegistry registry;

  public AwsCallMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    attributes.putAttribute(STARTED, Timer.start(registry));
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    count(attributes, "success");
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    if (context.exception() instanceof AwsBudgetExhaustedException) {
      return; // not sent: counted by the rate budget's uba_aws_budget_deferred_total
    }
    String outcome = context.exception() instanceof AwsServiceException e && e.awsErrorDetails() != null
        && e.awsErrorDetails().errorCode() != null
        ? e.awsErrorDetails().errorCode()
        : context.exception().getClass().getSimpleName();
    count(attributes, outcome);
    if (context.exception() instanceof SdkException e
        && Reasons.THROTTLED.equals(AwsErrors.outcomeOf("", e).reason())) {
      Counter.builder(THROTTLED)
          .description("AWS API calls that ended throttled after the SDK's retries")
          .tag("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
          .tag("operation", attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))
          .register(registry)
          .increment();
    }
  }

  private void count(ExecutionAttributes attributes, String outcome) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    Timer.Sample started = attributes.getAttribute(STARTED);
    if (started != null) {
      started.stop(Timer.builder(DURATION)
          .description("Time of an AWS API call, the SDK's retries included")
          .tag("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
          .tag("operation", operation)
          .serviceLevelObjectives(BUCKETS)
          .register(registry));
    }
    Counter.builder(METRIC)
        .description("AWS API calls made by the operator")
        .tag("service", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME))
        .tag("operation", operation)
        .tag("kind", isRead(operation) ? "read" : "write")
        .tag("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** Describe, List, Get and Head (S3's HeadBucket, HeadObject) calls read; everything else writes. */
  public static boolean isRead(String operation) {
    return operation.startsWith("Describe") || operation.startsWith("List") || operation.startsWith("Get")
        || operation.startsWith("Head");
  }

  /** Calls counted so far, optionally of one service ("Kinesis", "OpenSearch", "Iam", "Sts"). */
  public long writes() {
    return (long) Search.in(registry).name(METRIC).tag("kind", "write").counters().stream()
        .mapToDouble(Counter::count).sum();
  }

  public long calls(String service, String operation) {
    return (long) Search.in(registry).name(METRIC).tag("service", service).tag("operation", operation)
        .counters().stream().mapToDouble(Counter::count).sum();
  }

  public long total() {
    return (long) Search.in(registry).name(METRIC).counters().stream().mapToDouble(Counter::count).sum();
  }
}
