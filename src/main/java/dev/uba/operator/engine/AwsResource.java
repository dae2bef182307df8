package dev.uba.operator.engine;

import java.util.Map;
import java.util.Optional;

/**
 * The one contract of every AWS resource type the operator manages. An implementation holds the AWS
 * calls of one resource type and nothing else (no Kubernetes Events, no status): {@link Converger}
 * decides which of them to make, and reports what they did.
 *
 * <p>The same contract serves a resource the object only uses and does not own (a log group or a
 * topic named in the spec): {@link Converger#lookup} observes it, read-only.
 *
 * @param <D> the desired state, a typed record computed from the spec by a pure function
 * @param <A> the actual state as read from AWS
 */
public interface AwsResource<D extends Desired, A> {

  /** The kind reported in status.resources (KinesisStream, OpenSearchDomain, ...). */
  String kind();

  /** Reads AWS; empty when the resource does not exist (deletion finished). Reads only. */
  Optional<A> observe(D desired);

  /**
   * The resource's tags as AWS reports them, for the ownership check; by default those of an
   * {@link Observed} actual state.
   */
  default Map<String, String> tags(A actual) {
    if (actual instanceof Observed observed) {
      return observed.tags();
    }
    throw new IllegalStateException(kind() + ": its actual state is not Observed; the type must read its tags");
  }

  /**
   * False for resource types AWS cannot tag (an SNS subscription, a CloudWatch Logs metric filter):
   * the {@link Converger} then skips the ownership check, and ownership follows from what the
   * resource belongs to (a topic, a log group) or from its name, derived from the object. The
   * kind's workflow converges (and so checks) that parent first.
   */
  default boolean taggable() {
    return true;
  }

  /** AWS's state word and whether the resource can be changed now. */
  AwsState state(A actual);

  /** The ARN of the existing resource; by default that of an {@link Observed} actual state. */
  default String arn(A actual) {
    if (actual instanceof Observed observed) {
      return observed.arn();
    }
    throw new IllegalStateException(kind() + ": its actual state is not Observed; the type must give its ARN");
  }

  /**
   * The differences between desired and actual, one {@link Difference} per field; empty when in
   * sync. Pure; semantic where AWS reformats what it is given (policy documents).
   */
  Drift drift(D desired, A actual);

  /** Creates the resource with its ownership tags. */
  Applied create(D desired);

  /**
   * Makes the next change towards the desired state, acting on the differences given (computed by
   * {@link #drift} for this very actual state); AWS may need several passes.
   */
  Applied update(D desired, A actual, Drift drift);

  /**
   * Starts deleting the resource (and what must go first, such as policy attachments), or declines
   * to with {@link Applied#notDeleted} where deleting would destroy what the spec says to keep (an
   * archive bucket that still holds objects).
   */
  Applied delete(A actual);

  /**
   * Tries again a resource AWS has put in a FAILED state, once the spec has changed: by default it
   * is deleted, and {@link Converger#converge} creates it anew from the new spec once AWS no
   * longer returns it. A type whose failed change leaves the resource itself working (a campaign
   * whose update failed) makes the change again instead.
   */
  default Applied retry(D desired, A actual) {
    return delete(actual);
  }

  /**
   * What AWS does after a write, and anything the write did besides that a person should learn of
   * (detaching a policy from roles before deleting it): the {@link Converger} records it as an Event.
   *
   * @param async true when AWS carries on asynchronously (look again after the poll interval);
   *     false when the next observe sees the new state
   * @param notice an Event reason and message, or null
   * @param leftInPlace true when {@link #delete} declined to delete the resource: it stays in AWS,
   *     and the {@link Converger} counts it as gone (it does not hold the finalizer), as it does a
   *     resource that is not the object's
   */
  record Applied(boolean async, Notice notice, boolean leftInPlace) {
    /** Done: the next observe sees the new state. */
    public static final Applied SETTLED = new Applied(false, null, false);
    /** AWS carries on asynchronously; look again after the poll interval. */
    public static final Applied ASYNC = new Applied(true, null, false);

    /** The same result, with something the write did that deserves an Event. */
    public Applied noting(String reason, String message) {
      return new Applied(async, new Notice(reason, message), leftInPlace);
    }

    /**
     * The answer of a {@link #delete} that leaves the resource in place on purpose; the reason and
     * message become an Event, and the message the resource's entry while the object goes.
     */
    public static Applied notDeleted(String reason, String message) {
      return new Applied(false, new Notice(reason, message), true);
    }

    public boolean settled() {
      return !async;
    }

    Optional<Notice> noticed() {
      return Optional.ofNullable(notice);
    }
  }

  /** An Event the engine records for a resource type. */
  record Notice(String reason, String message) {}
}
