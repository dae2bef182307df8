package dev.uba.operator.engine;

import java.time.Duration;

/**
 * Exponential backoff for AWS failures and outages: 2 s, 4 s, 8 s, ... up to 5 minutes, and up to
 * 30 s when AWS only throttled (pure). Throttling is an account's quota in use, which the rate budget
 * already answers by slowing the operation down for every object; an object held back for minutes
 * on top would only make its own deletion or creation late (one pipeline of 50 under 20 %
 * throttling stayed Deleting for over 5 minutes with nothing left in AWS).
 */
public final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(2);
  static final Duration MAX = Duration.ofMinutes(5);
  static final Duration MAX_WHEN_THROTTLED = Duration.ofSeconds(30);

  private Backoff() {}

  public static Duration after(int failedAttempts) {
    return after(failedAttempts, MAX);
  }

  /** The backoff after a pass in which AWS throttled but did not fail otherwise. */
  public static Duration afterThrottling(int failedAttempts) {
    return after(failedAttempts, MAX_WHEN_THROTTLED);
  }

  private static Duration after(int failedAttempts, Duration max) {
    int exponent = Math.min(Math.max(failedAttempts - 1, 0), 16);
    Duration d = FIRST.multipliedBy(1L << exponent);
    return d.compareTo(max) > 0 ? max : d;
  }
}
