package dev.uba.operator.aws.budget;

import dev.uba.operator.aws.AwsClients;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The operator's rate budget for the AWS account of its credentials: one {@link OperationBudget} per
 * region, service and operation ({@link AwsQuotas}' figure times UBA_AWS_QUOTA_SHARE), and one per
 * partition for IAM, whose control plane serves every region. Shared by every client, object and
 * thread, so the calls of all objects together stay within the share.
 */
public final class AwsRateBudget {
  /**
   * The longest a reconcile thread waits for budget before its call is deferred instead (or one
   * spacing of a slow operation, see {@link OperationBudget#take}).
   */
  public static final Duration MAX_WAIT = Duration.ofMillis(250);

  private final double share;
  private final Duration maxWait;
  private final LongSupplier clock;
  private final AwsBudgetMetrics metrics;
  private final Map<String, OperationBudget> budgets = new ConcurrentHashMap<>();

  public AwsRateBudget(double share, MeterRegistry registry) {
    this(share, MAX_WAIT, System::nanoTime, new AwsBudgetMetrics(registry));
  }

  public AwsRateBudget(double share, Duration maxWait, LongSupplier clock, AwsBudgetMetrics metrics) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("the share of the AWS rate quotas must be in (0, 1], not " + share);
    }
    this.share = share;
    this.maxWait = maxWait;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Budget for one attempt of a call: now, after a short wait, or refused (see {@link OperationBudget#take}). */
  public OperationBudget.Decision take(String region, String service, String operation) {
    OperationBudget.Decision decision = budget(region, service, operation).take(clock.getAsLong(), maxWait);
    switch (decision.kind()) {
      case AFTER_WAIT -> metrics.waited(service, operation);
      case REFUSED -> metrics.deferred(service, operation);
      default -> { }
    }
    return decision;
  }

  /** Budget for one attempt of a call the caller can do without: now, or not at all (nothing booked). */
  public boolean takeIfThere(String region, String service, String operation) {
    return budget(region, service, operation).takeIfThere(clock.getAsLong());
  }

  /** AWS throttled a call: the operation slows down for every object (see {@link OperationBudget#throttled}). */
  public void throttled(String region, String service, String operation) {
    metrics.throttled(service, operation);
    budget(region, service, operation).throttled(clock.getAsLong());
  }

  /** The SDK sent another attempt of a call. */
  public void retried(String service, String operation) {
    metrics.retried(service, operation);
  }

  /** The budget of an operation (created on first use); IAM's is one per partition. */
  public OperationBudget budget(String region, String service, String operation) {
    AwsQuota quota = AwsQuotas.of(service, operation);
    String scope = quota.global() ? "global-" + AwsClients.partition(region == null ? "" : region)
        : String.valueOf(region);
    return budgets.computeIfAbsent(scope + "/" + service + "/" + operation, k -> {
      OperationBudget b = new OperationBudget(quota.callsPerSecond() * share, clock.getAsLong());
      metrics.register(scope, service, operation, b, clock);
      return b;
    });
  }

  public double share() {
    return share;
  }

  public AwsBudgetMetrics metrics() {
    return metrics;
  }
}
