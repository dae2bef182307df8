package dev.uba.operator.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When an object is looked at again, from the outcomes of a pass (pure): when the rate budget allows
 * a call the pass could not make, backoff while AWS throttled or was unavailable, the poll interval
 * while AWS converges, and the object's resync slot otherwise. An invalid spec is not retried: only
 * a spec change (or the framework's periodic resync) brings the object back.
 */
public final class Requeue {
  private Requeue() {}

  /**
   * @param failedAttempts passes in a row that ended retrying without progress (see {@link RequeueSchedule})
   * @param resync the delay until the object's resync slot
   */
  public static Optional<Duration> after(List<Outcome> outcomes, Duration poll, Duration resync, int failedAttempts) {
    if (outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.INVALID_SPEC)) {
      return Optional.empty();
    }
    boolean retrying = outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.RETRYING);
    boolean onlyThrottled = outcomes.stream().filter(o -> o.kind() == Outcome.Kind.RETRYING)
        .allMatch(o -> Reasons.THROTTLED.equals(o.reason()));
    Duration backoff = !retrying ? Duration.ZERO
        : onlyThrottled ? Backoff.afterThrottling(failedAttempts) : Backoff.after(failedAttempts);
    Optional<Duration> budget = outcomes.stream().flatMap(o -> o.deferredFor().stream()).min(Duration::compareTo);
    if (budget.isPresent()) {
      // Not before AWS's own backoff when AWS also throttled or failed in the same pass.
      return Optional.of(budget.get().compareTo(backoff) >= 0 ? budget.get() : backoff);
    }
    if (retrying) {
      return Optional.of(backoff);
    }
    if (outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.PROGRESSING)) {
      return Optional.of(poll);
    }
    return Optional.of(resync);
  }
}
