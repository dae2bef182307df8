package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.ResourceStatus;
import java.util.Optional;

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

  /** True when deletion is finished: AWS no longer returns the resource (or it is not ours). */
  public boolean gone() {
    return actual.isEmpty() && outcome.isReady();
  }
}
