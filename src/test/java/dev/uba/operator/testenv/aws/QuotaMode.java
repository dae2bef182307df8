package dev.uba.operator.testenv.aws;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The local AWS's quota mode: AWS's per-account API rate quotas ({@link AwsQuotaTable}) enforced
 * with one token bucket per account (the access key of the request's credential scope, as the
 * emulator maps keys to accounts), region, operation and, for per-stream quotas, stream. A call
 * beyond its quota is answered with the service's own throttling error ({@link
 * ErrorShapes#throttle}), is not forwarded, and is counted here per operation and marked in the
 * {@link CallLog} ({@link CallLog.Call#refusedByQuota()}).
 *
 * <p>Off by default, and off again after {@link LocalAws#reset()}: tests and benchmarks that want
 * it call {@link #enable()}.
 */
public final class QuotaMode {

  private final LongSupplier nanoClock;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();
  private volatile boolean enabled;

  QuotaMode() {
    this(System::nanoTime);
  }

  /** With a clock of one's own (nanoseconds), for tests. */
  QuotaMode(LongSupplier nanoClock) {
    this.nanoClock = nanoClock;
  }

  /** Starts enforcing the quotas, every bucket full. */
  public QuotaMode enable() {
    buckets.clear();
    enabled = true;
    return this;
  }

  /** Stops enforcing; the counts of refused calls are kept. */
  public QuotaMode disable() {
    enabled = false;
    return this;
  }

  public boolean isEnabled() {
    return enabled;
  }

  /** Calls refused for exceeding a quota, by {@code service.operation}, in name order. */
  public Map<String, Long> refused() {
    Map<String, Long> out = new TreeMap<>();
    refused.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /** Calls of {@code operation} on {@code service} refused for exceeding its quota. */
  public long refused(String service, String operation) {
    LongAdder n = refused.get(service + "." + operation);
    return n == null ? 0 : n.sum();
  }

  /** All calls refused for exceeding a quota. */
  public long refusedTotal() {
    return refused.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** The quota the local AWS enforces for an operation (see {@link AwsQuotaTable#of}). */
  public Optional<AwsQuotaTable.Quota> quotaOf(String service, String operation) {
    return AwsQuotaTable.of(service, operation);
  }

  /** Turns the mode off, refills every bucket and forgets the counts. */
  void clear() {
    enabled = false;
    buckets.clear();
    refused.clear();
  }

  /**
   * True when {@code req} is within its quota (or the mode is off, or the operation has none);
   * false when it must be throttled, which is counted. A refused call takes no token, as AWS's
   * buckets do not charge for throttled calls.
   */
  boolean admit(AwsRequest req) {
    if (!enabled) {
      return true;
    }
    Optional<AwsQuotaTable.Quota> quota = AwsQuotaTable.of(req.service, req.operation);
    if (quota.isEmpty()) {
      return true;
    }
    long now = nanoClock.getAsLong();
    for (AwsQuotaTable.Limit limit : quota.get().limits()) {
      if (!bucket(req, limit).tryTake(now)) {
        refused.computeIfAbsent(req.service + "." + req.operation, k -> new LongAdder())
            .increment();
        return false;
      }
    }
    return true;
  }

  private TokenBucket bucket(AwsRequest req, AwsQuotaTable.Limit limit) {
    String key = req.accessKeyId + "/" + req.region + "/" + req.service + "." + req.operation + "/"
        + limit.scope() + (limit.scope() == AwsQuotaTable.Scope.STREAM ? ":" + streamOf(req) : "");
    return buckets.computeIfAbsent(key,
        k -> new TokenBucket(limit.perSecond(), limit.burst(), nanoClock.getAsLong()));
  }

  private static String streamOf(AwsRequest req) {
    String name = KinesisLifecycle.streamName(req);
    return name == null ? "" : name;
  }
}
