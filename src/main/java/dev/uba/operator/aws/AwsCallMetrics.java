package dev.uba.operator.aws;

import dev.uba.operator.engine.AwsBudgetExhaustedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts every AWS API call the operator makes, by service, operation and outcome, as the metric
 * {@code uba_aws_calls_total}. Registered on every SDK client; one count per API call (after the
 * SDK's own retries), outcome "success" or the AWS error code.
 */
public final class AwsCallMetrics implements ExecutionInterceptor {
  public static final String METRIC = "uba.aws.calls";

  private final MeterRegistry registry;

  public AwsCallMetrics(MeterRegistry registry) {
    this.registry = registry;
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
  }

  private void count(ExecutionAttributes attributes, String outcome) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
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
