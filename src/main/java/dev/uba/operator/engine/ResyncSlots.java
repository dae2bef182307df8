package dev.uba.operator.engine;

import java.time.Duration;
import java.time.Instant;

/**
 * When a converged object is checked against AWS again (pure): at its own slot within the resync
 * interval, derived from its identity, so that many objects spread evenly over the interval instead
 * of bunching where they were applied (a GitOps sync of thousands at once) or where the operator
 * started. Slots are aligned on the wall clock, so an object keeps its slot across restarts and
 * leader changes. A small jitter keeps objects whose slots collide apart.
 */
public final class ResyncSlots {
  /** The jitter is at most this share of the interval ... */
  static final double JITTER_SHARE = 0.01;
  /** ... and at most this long. */
  static final Duration MAX_JITTER = Duration.ofSeconds(10);

  private ResyncSlots() {}

  /**
   * The delay until the object's next slot at least half an interval away, plus jitter: between
   * half and one and a half intervals (so an object is checked at least once per two intervals), and
   * in steady state exactly one interval after the previous slot.
   *
   * @param identity what the slot derives from (the object's uid)
   * @param random a number in [0, 1) for the jitter
   */
  public static Duration next(String identity, Instant now, Duration interval, double random) {
    return slotAfter(identity, now, interval, interval.dividedBy(2)).plus(jitter(interval, random));
  }

  /**
   * The delay until the object's next slot, however near: the first pass of a converged object
   * after a start waits for its slot instead of all objects being checked at once.
   */
  public static Duration first(String identity, Instant now, Duration interval, double random) {
    return slotAfter(identity, now, interval, Duration.ZERO).plus(jitter(interval, random));
  }

  /** Where in the interval an object's slot lies, from 0 (inclusive) to the interval (exclusive). */
  public static Duration offset(String identity, Duration interval) {
    long millis = Math.max(interval.toMillis(), 1);
    return Duration.ofMillis(Math.floorMod(hash(identity), millis));
  }

  private static Duration slotAfter(String identity, Instant now, Duration interval, Duration atLeast) {
    long period = Math.max(interval.toMillis(), 1);
    long earliest = now.toEpochMilli() + atLeast.toMillis();
    long offset = offset(identity, interval).toMillis();
    long slot = earliest - Math.floorMod(earliest, period) + offset;
    if (slot < earliest) {
      slot += period;
    }
    return Duration.ofMillis(slot - now.toEpochMilli());
  }

  private static Duration jitter(Duration interval, double random) {
    long bound = Math.min((long) (interval.toMillis() * JITTER_SHARE), MAX_JITTER.toMillis());
    return Duration.ofMillis((long) (bound * Math.min(Math.max(random, 0), 1)));
  }

  /** A 64-bit hash of the identity, its bits mixed (MurmurHash3's finalizer) so that slots are uniform. */
  static long hash(String identity) {
    long h = 1125899906842597L;
    for (int i = 0; i < identity.length(); i++) {
      h = 31 * h + identity.charAt(i);
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
