package dev.uba.operator.aws.budget;

import java.time.Duration;

/**
 * The operator's rate budget of one AWS operation in one account and region: a token bucket holding
 * one call (calls are spaced evenly at the allowed rate, never bunched), whose rate follows AWS's
 * answers by additive increase and multiplicative decrease. Time is given by the caller in
 * nanoseconds (a monotonic clock), so the class is deterministic to test.
 *
 * <p>Libraries considered: Guava's RateLimiter and Resilience4j's RateLimiter can neither report when a
 * refused call would get budget without reserving it nor take a test clock; this small class does both.
 */
public final class OperationBudget {
  /**
   * A throttled operation drops to 70 % of its rate (the factor of the AWS SDKs' adaptive retry mode:
   * halving on every throttled answer left an operation throttled at random, as in the fault
   * scenario, at its floor for minutes) ...
   */
  static final double DECREASE = 0.7;
  /** ... but not below this share of its target rate ... */
  static final double FLOOR = 0.25;
  /** ... and regains its target rate over this time after a decrease from it (additive increase). */
  static final Duration RECOVERY = Duration.ofSeconds(20);
  /** Throttling answers closer together than this count as one decrease (they were sent at one rate). */
  static final Duration DECREASE_COOLDOWN = Duration.ofSeconds(1);
  /** The longest a caller waits for one spacing of a slow operation (see {@link #take}). */
  static final Duration MAX_SPACING_WAIT = Duration.ofSeconds(1);
  /** The window over which the utilization is measured. */
  static final Duration WINDOW = Duration.ofSeconds(10);
  private static final double NANOS = 1e9;

  private final double targetRate;

  private double tokens = 1;
  private long refilledAt;
  private double rateAfterDecrease;
  private long decreasedAt;
  private boolean decreased;
  /** The time the callers refused so far are told to come back by: they are spaced one call apart. */
  private long nextAppointment = Long.MIN_VALUE;
  private long windowStart;
  private long callsThisWindow;
  private double lastUtilization;

  /**
   * @param targetRate calls per second the operator may make: the quota times UBA_AWS_QUOTA_SHARE
   * @param now the current time, nanoseconds
   */
  public OperationBudget(double targetRate, long now) {
    if (!(targetRate > 0)) {
      throw new IllegalArgumentException("a rate budget needs a positive rate, not " + targetRate);
    }
    this.targetRate = targetRate;
    this.refilledAt = now;
    this.windowStart = now;
  }

  /** What a caller may do: call now, call after a short wait, or come back later. */
  public record Decision(Kind kind, Duration delay) {
    public enum Kind { NOW, AFTER_WAIT, REFUSED }

    static final Decision NOW = new Decision(Kind.NOW, Duration.ZERO);

    public boolean refused() {
      return kind == Kind.REFUSED;
    }
  }

  /**
   * Takes budget for one call at {@code now}. A call that gets budget within {@code maxWait} takes it
   * (the caller waits {@link Decision#delay()}, then calls); otherwise nothing is taken and the
   * caller is told how soon to come back, each refused caller a call's spacing after the previous
   * one so that they do not all return at once. A caller that may wait at all may wait for one
   * spacing of the operation (at most {@link #MAX_SPACING_WAIT}), so that a pass calling a slow
   * operation twice (observe, create, observe) is not deferred by its own first call.
   */
  public synchronized Decision take(long now, Duration maxWait) {
    double rate = rate(now);
    refill(now, rate);
    if (tokens >= 1) {
      tokens -= 1;
      counted(now);
      return Decision.NOW;
    }
    long wait = (long) Math.ceil((1 - tokens) / rate * NANOS);
    long patience = maxWait.isZero() ? 0
        : Math.max(maxWait.toNanos(), Math.min((long) Math.ceil(NANOS / rate), MAX_SPACING_WAIT.toNanos()));
    if (wait <= patience) {
      tokens -= 1;
      counted(now);
      return new Decision(Decision.Kind.AFTER_WAIT, Duration.ofNanos(wait));
    }
    long appointment = Math.max(now + wait, nextAppointment);
    nextAppointment = appointment + (long) (NANOS / rate);
    return new Decision(Decision.Kind.REFUSED, Duration.ofNanos(appointment - now));
  }

  /**
   * Takes budget for one call only if a whole call's worth is there at {@code now}; otherwise takes
   * nothing and books no time, for a call the caller can do without (see
   * {@link RateBudgetInterceptor#IF_BUDGET_NOW}).
   */
  public synchronized boolean takeIfThere(long now) {
    refill(now, rate(now));
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    counted(now);
    return true;
  }

  /**
   * AWS throttled a call of this operation: other callers in the account use the quota too. The
   * rate is multiplied by {@link #DECREASE} (not below {@link #FLOOR} of the target), once per
   * {@link #DECREASE_COOLDOWN}, and the bucket empties, so that the next call waits a full spacing
   * at the new rate.
   */
  public synchronized void throttled(long now) {
    if (decreased && now - decreasedAt < DECREASE_COOLDOWN.toNanos()) {
      return;
    }
    double rate = rate(now);
    refill(now, rate);
    rateAfterDecrease = Math.max(targetRate * FLOOR, rate * DECREASE);
    decreasedAt = now;
    decreased = true;
    tokens = Math.min(tokens, 0);
  }

  /** The calls per second allowed now: the target, or less while recovering from throttling. */
  public synchronized double rate(long now) {
    if (!decreased) {
      return targetRate;
    }
    double slope = targetRate / (RECOVERY.toNanos() / NANOS);
    double recovered = rateAfterDecrease + slope * ((now - decreasedAt) / NANOS);
    if (recovered >= targetRate) {
      decreased = false;
      return targetRate;
    }
    return recovered;
  }

  /** The calls per second the share of the quota allows (UBA_AWS_QUOTA_SHARE times the quota). */
  public double targetRate() {
    return targetRate;
  }

  /**
   * The share of the allowed rate used over the last complete {@link #WINDOW}: calls that took
   * budget divided by what the target rate allows in that time (1 = all of it).
   */
  public synchronized double utilization(long now) {
    roll(now);
    return lastUtilization;
  }

  private void refill(long now, double rate) {
    if (now > refilledAt) {
      tokens = Math.min(1, tokens + (now - refilledAt) / NANOS * rate);
      refilledAt = now;
    }
  }

  private void counted(long now) {
    roll(now);
    callsThisWindow++;
  }

  private void roll(long now) {
    long window = WINDOW.toNanos();
    if (now - windowStart < window) {
      return;
    }
    long elapsedWindows = (now - windowStart) / window;
    lastUtilization = elapsedWindows == 1 ? callsThisWindow / (targetRate * window / NANOS) : 0;
    windowStart += elapsedWindows * window;
    callsThisWindow = 0;
  }
}
