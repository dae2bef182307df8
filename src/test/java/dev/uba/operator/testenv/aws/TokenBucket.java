package dev.uba.operator.testenv.aws;

/**
 * A token bucket as AWS describes its API rate limiting ("request token bucket": a bucket holds up
 * to {@code capacity} tokens, refills at {@code perSecond}, each call takes one, a call that finds
 * the bucket empty is throttled). Time is given by the caller in nanoseconds, so the bucket is a
 * pure function of the calls and their times. Thread-safe.
 */
final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final double perSecond;
  private final double capacity;
  private double tokens;
  private long refilledAt;

  /** A full bucket at {@code nowNanos}. */
  TokenBucket(double perSecond, double capacity, long nowNanos) {
    if (perSecond <= 0 || capacity < 1) {
      throw new IllegalArgumentException("a bucket needs a positive rate and room for one call");
    }
    this.perSecond = perSecond;
    this.capacity = capacity;
    this.tokens = capacity;
    this.refilledAt = nowNanos;
  }

  /** Takes one token if there is one at {@code nowNanos}; false means the call is throttled. */
  synchronized boolean tryTake(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whole tokens available at {@code nowNanos}, for tests and reports. */
  synchronized int available(long nowNanos) {
    refill(nowNanos);
    return (int) Math.floor(tokens);
  }

  private void refill(long nowNanos) {
    long elapsed = nowNanos - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed / NANOS_PER_SECOND * perSecond);
      refilledAt = nowNanos;
    }
  }
}
