package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.ResourceStatus;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The result of converging (or deleting) one resource in one pass.
 *
 * @param outcome what the conditions make of it
 * @param status the entry for status.resources
 * @param actual the resource as last read from AWS, when it exists
 */
public record Step<A>(Outcome outcome, ResourceStatus status, Optional<A> actual) {

  /**
   * True when the object owns the resource: not refused for ownership, and it exists or is being
   * created. Status records a name only then, so that choosing another name after AlreadyExists is
   * not refused as a change of an immutable field.
   */
  public boolean owned() {
    String reason = outcome.reason();
    return !Reasons.OWNED_BY_ANOTHER.equals(reason) && !Reasons.ALREADY_EXISTS.equals(reason)
        && (actual.isPresent() || Reasons.CREATING.equals(reason));
  }

  /**
   * True when the pass learnt nothing of the resource: it could not be read (throttled, deferred by
   * the rate budget, failed), or it was absent and could not be created. Status then keeps what it
   * recorded before: dropping the record would leak the resource on delete and read as a change of
   * an immutable field on the next pass.
   */
  public boolean learntNothing() {
    String reason = outcome.reason();
    return actual.isEmpty() && !outcome.isReady() && !Reasons.CREATING.equals(reason)
        && !Reasons.OWNED_BY_ANOTHER.equals(reason) && !Reasons.ALREADY_EXISTS.equals(reason);
  }

  /**
   * What status records of the resource after this pass: {@code ifOwned} when the object owns it,
   * {@code before} when the pass learnt nothing ({@link #learntNothing}), otherwise nothing.
   */
  public <T> T record(T before, Supplier<T> ifOwned) {
    if (owned()) {
      return ifOwned.get();
    }
    return learntNothing() ? before : null;
  }

  /** True when deletion is finished: AWS no longer returns the resource (or it is not ours). */
  public boolean gone() {
    return actual.isEmpty() && outcome.isReady();
  }
}
