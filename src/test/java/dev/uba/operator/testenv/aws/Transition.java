package dev.uba.operator.testenv.aws;

/**
 * One simulated intermediate state of one resource (e.g. a stream in CREATING): it is reported by
 * a number of describes and ends after them, or at its deadline, whichever comes first.
 */
final class Transition {

  final String state;
  /** What finishing the state needs (e.g. the deferred delete request), or null. */
  final Object detail;
  private final long deadlineNanos;
  private int remaining;

  Transition(String state, int describes, long deadlineNanos, Object detail) {
    this.state = state;
    this.remaining = describes;
    this.deadlineNanos = deadlineNanos;
    this.detail = detail;
  }

  /** True once the describes are used up or the deadline has passed. */
  synchronized boolean isOver() {
    return remaining <= 0 || (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos >= 0);
  }

  /**
   * Called for a describe of the resource: true (using up one describe) when this describe must
   * still report the state, false when the state is over.
   */
  synchronized boolean reportOnce() {
    if (isOver()) {
      return false;
    }
    remaining--;
    return true;
  }

  @Override
  public synchronized String toString() {
    return state + " (" + remaining + " describes left)";
  }
}
