package dev.uba.operator.engine;

import java.time.Duration;

/** Exponential backoff for throttling and AWS outages: 2 s, 4 s, 8 s, ... up to 5 minutes (pure). */
public final class Backoff {
  static final Duration FIRST = Duration.ofSeconds(2);
  static final Duration MAX = Duration.ofMinutes(5);

  private Backoff() {}

  public static Duration after(int failedAttempts) {
    int exponent = Math.min(Math.max(failedAttempts - 1, 0), 16);
    Duration d = FIRST.multipliedBy(1L << exponent);
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
