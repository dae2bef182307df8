package dev.uba.operator.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When an object is looked at again, from the outcomes of a pass (pure): soonest of backoff while
 * retrying, the poll interval while AWS converges, and the resync interval otherwise. An invalid spec
 * is not retried: only a spec change (or the framework's periodic resync) brings the object back.
 */
public final class Requeue {
  private Requeue() {}

  public static Optional<Duration> after(List<Outcome> outcomes, Duration poll, Duration resync, int failedAttempts) {
    if (outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.INVALID_SPEC)) {
      return Optional.empty();
    }
    if (outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.RETRYING)) {
      return Optional.of(Backoff.after(failedAttempts));
    }
    if (outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.PROGRESSING)) {
      return Optional.of(poll);
    }
    return Optional.of(resync);
  }
}
