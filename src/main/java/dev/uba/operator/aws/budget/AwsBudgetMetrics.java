package dev.uba.operator.aws.budget;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import java.util.function.LongSupplier;

/**
 * The rate budget's metrics, by service and operation (Prometheus names in the README):
 * {@code uba_aws_budget_limit}, {@code uba_aws_budget_rate} and {@code uba_aws_budget_utilization}
 * (gauges per service, operation and region), {@code uba_aws_budget_waits_total} (calls that waited a
 * moment for budget), {@code uba_aws_budget_deferred_total} (calls not sent for want of budget: their
 * object is looked at again when the budget allows), {@code uba_aws_throttled_total} (calls AWS
 * refused for exceeding a rate quota) and {@code uba_aws_sdk_retries_total} (attempts the SDK retried).
 */
public final class AwsBudgetMetrics {
  public static final String LIMIT = "uba.aws.budget.limit";
  public static final String RATE = "uba.aws.budget.rate";
  public static final String UTILIZATION = "uba.aws.budget.utilization";
  public static final String WAITS = "uba.aws.budget.waits";
  public static final String DEFERRED = "uba.aws.budget.deferred";
  public static final String THROTTLED = "uba.aws.throttled";
  public static final String SDK_RETRIES = "uba.aws.sdk.retries";

  private final MeterRegistry registry;

  public AwsBudgetMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void register(String region, String service, String operation, OperationBudget budget, LongSupplier clock) {
    Gauge.builder(LIMIT, budget, OperationBudget::targetRate)
        .description("calls per second the operator allows itself: UBA_AWS_QUOTA_SHARE of the AWS quota")
        .tags("service", service, "operation", operation, "region", region).register(registry);
    Gauge.builder(RATE, budget, b -> b.rate(clock.getAsLong()))
        .description("calls per second allowed now: the limit, or less while AWS throttles the operation")
        .tags("service", service, "operation", operation, "region", region).register(registry);
    Gauge.builder(UTILIZATION, budget, b -> b.utilization(clock.getAsLong()))
        .description("share of the limit used over the last 10 seconds (1 = all of it)")
        .tags("service", service, "operation", operation, "region", region).register(registry);
  }

  void waited(String service, String operation) {
    counter(WAITS, "AWS calls that waited a moment for the operator's rate budget", service, operation);
  }

  void deferred(String service, String operation) {
    counter(DEFERRED, "AWS calls not sent for want of rate budget; their object is looked at again later",
        service, operation);
  }

  void throttled(String service, String operation) {
    counter(THROTTLED, "AWS calls AWS refused for exceeding a rate quota", service, operation);
  }

  void retried(String service, String operation) {
    counter(SDK_RETRIES, "attempts of AWS calls the SDK retried", service, operation);
  }

  /** Counted so far, of every operation ({@code operation} null) or of one. */
  public long count(String metric, String service, String operation) {
    Search search = Search.in(registry).name(metric);
    if (service != null) {
      search = search.tag("service", service);
    }
    if (operation != null) {
      search = search.tag("operation", operation);
    }
    return (long) search.counters().stream().mapToDouble(Counter::count).sum();
  }

  private void counter(String name, String description, String service, String operation) {
    Counter.builder(name).description(description).tag("service", service).tag("operation", operation)
        .register(registry).increment();
  }
}
