package dev.uba.operator.testenv.aws;

import java.time.Duration;
import java.util.Optional;

/**
 * How long one service's simulated intermediate states (CREATING, UPDATING, DELETING, Processing)
 * last: for a number of describes of the resource, and optionally at most for a duration,
 * whichever ends first. Zero describes (or a zero duration) means the emulator's own behaviour:
 * every change is final at once. Thread-safe.
 */
public final class TransitionSettings {

  private final int defaultDescribes;
  private volatile int describes;
  private volatile Duration maxDuration;

  TransitionSettings(int defaultDescribes) {
    this.defaultDescribes = defaultDescribes;
    this.describes = defaultDescribes;
  }

  /** The intermediate state is reported by the next {@code n} describes of the resource. */
  public TransitionSettings transitionalDescribes(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("describes must be >= 0");
    }
    this.describes = n;
    return this;
  }

  /**
   * The intermediate state also ends once {@code d} has passed since the change, even if fewer
   * describes were made; null removes the time limit. For a purely time-based state, combine with
   * {@code transitionalDescribes(Integer.MAX_VALUE)}.
   */
  public TransitionSettings maxDuration(Duration d) {
    if (d != null && d.isNegative()) {
      throw new IllegalArgumentException("duration must not be negative");
    }
    this.maxDuration = d;
    return this;
  }

  /** No intermediate states (what the emulator does by itself). */
  public TransitionSettings instant() {
    return transitionalDescribes(0).maxDuration(null);
  }

  /** Back to the default number of describes and no time limit. */
  public TransitionSettings defaults() {
    return transitionalDescribes(defaultDescribes).maxDuration(null);
  }

  public int transitionalDescribes() {
    return describes;
  }

  public Optional<Duration> maxDuration() {
    return Optional.ofNullable(maxDuration);
  }

  /** True when changes are final at once. */
  public boolean isInstant() {
    Duration d = maxDuration;
    return describes == 0 || (d != null && d.isZero());
  }

  /** A new intermediate state named {@code state} under the current settings. */
  Transition start(String state, Object detail) {
    Duration d = maxDuration;
    long deadline = d == null ? Long.MAX_VALUE : System.nanoTime() + d.toNanos();
    return new Transition(state, describes, deadline, detail);
  }

  @Override
  public String toString() {
    return describes + " describes" + (maxDuration == null ? "" : " or " + maxDuration);
  }
}
