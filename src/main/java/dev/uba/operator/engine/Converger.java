package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.ResourceStatus;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Decides, for any {@link AwsResource}, whether to create, update, wait or do nothing, and
 * performs it: observe, check ownership, respect AWS's state, compare, act. Nothing here blocks on
 * AWS: an asynchronous change ends the pass as Progressing and the object is looked at again.
 */
public final class Converger {

  /** The state word of a resource the object only uses: it exists, and that is all it must do. */
  public static final String AVAILABLE = "Available";

  private Converger() {}

  public static <D extends Desired, A> Step<A> converge(
      AwsResource<D, A> resource, D desired, String ownerId, EventSink events) {
    String kind = resource.kind();
    String name = desired.name();
    Optional<A> actual = Optional.empty();
    try {
      actual = resource.observe(desired);
      if (actual.isEmpty()) {
        AwsResource.Applied applied = resource.create(desired);
        events.normal("Created", kind + " " + name + " created");
        report(applied, events);
        actual = applied.settled() ? resource.observe(desired) : Optional.empty();
        if (actual.isEmpty()) {
          return step(resource, name, actual, Outcome.progressing(Reasons.CREATING, kind + " " + name + " is being created"));
        }
        return evaluate(resource, desired, actual.get(), ownerId, events, false);
      }
      return evaluate(resource, desired, actual.get(), ownerId, events, true);
    } catch (SdkException e) {
      return step(resource, name, actual, AwsErrors.outcomeOf(kind + " " + name, e));
    } catch (AwsFailure e) {
      return step(resource, name, actual, e.outcome());
    }
  }

  private static <D extends Desired, A> Step<A> evaluate(
      AwsResource<D, A> resource, D desired, A actual, String ownerId, EventSink events, boolean mayUpdate) {
    String kind = resource.kind();
    String name = desired.name();
    Optional<Outcome> refusal = refusal(resource, name, actual, ownerId);
    if (refusal.isPresent()) {
      return step(resource, name, Optional.of(actual), refusal.get());
    }
    Optional<Outcome> busy = busy(kind, name, resource.state(actual));
    if (busy.isPresent()) {
      return step(resource, name, Optional.of(actual), busy.get());
    }
    Drift drift = resource.drift(desired, actual);
    if (drift.isEmpty()) {
      return step(resource, name, Optional.of(actual), Outcome.ready());
    }
    if (!mayUpdate) {
      return step(resource, name, Optional.of(actual),
          Outcome.progressing(Reasons.CREATING, kind + " " + name + " is being created"));
    }
    AwsResource.Applied applied = resource.update(desired, actual, drift);
    events.normal("Updated", kind + " " + name + ": " + drift);
    report(applied, events);
    if (applied.async()) {
      return step(resource, name, Optional.of(actual),
          Outcome.progressing(Reasons.UPDATING, kind + " " + name + " is being updated: " + drift));
    }
    if (!drift.hasMoreThanTags()) {
      // Tagging takes effect at once and the rest was in sync: nothing to read back.
      return step(resource, name, Optional.of(actual), Outcome.ready());
    }
    Optional<A> after = resource.observe(desired);
    if (after.isPresent() && resource.drift(desired, after.get()).isEmpty()) {
      return step(resource, name, after, Outcome.ready());
    }
    return step(resource, name, after,
        Outcome.progressing(Reasons.UPDATING, kind + " " + name + " is being updated"));
  }

  /** Why the object must not touch the resource; never for a resource type AWS cannot tag. */
  private static <A> Optional<Outcome> refusal(AwsResource<?, A> resource, String name, A actual, String ownerId) {
    return resource.taggable()
        ? Ownership.refusal(resource.kind(), name, resource.tags(actual), ownerId)
        : Optional.empty();
  }

  /** Progressing or Degraded while AWS is busy with the resource or has failed it; empty when stable. */
  private static Optional<Outcome> busy(String kind, String name, AwsState state) {
    String what = kind + " " + name + " is " + state.word();
    return switch (state.phase()) {
      case STABLE -> Optional.empty();
      case CREATING -> Optional.of(Outcome.progressing(Reasons.CREATING, what));
      case UPDATING -> Optional.of(Outcome.progressing(Reasons.UPDATING, what));
      case DELETING -> Optional.of(Outcome.progressing(Reasons.WAITING,
          what + "; it is created again once AWS has deleted it"));
      case FAILED -> Optional.of(Outcome.degraded(Reasons.AWS_RESOURCE_FAILED,
          what + (state.message().isEmpty() ? "" : ": " + state.message())));
    };
  }

  /**
   * Tries again a resource that {@link #converge} found FAILED (see {@link AwsResource#retry}); the
   * caller decides when, typically once the spec has changed since the failure. Progressing until
   * the next pass sees the resource again.
   */
  public static <D extends Desired, A> Step<A> retryFailed(
      AwsResource<D, A> resource, D desired, A actual, EventSink events) {
    String kind = resource.kind();
    String name = desired.name();
    String was = resource.state(actual).word();
    try {
      report(resource.retry(desired, actual), events);
      events.normal("Retrying", kind + " " + name + " was " + was + "; tried again after the spec changed");
      return step(resource, name, Optional.of(actual), Outcome.progressing(Reasons.CREATING,
          kind + " " + name + " was " + was + " and is tried again after the spec changed"));
    } catch (SdkException e) {
      if (AwsErrors.isNotFound(e)) {
        return step(resource, name, Optional.empty(), Outcome.progressing(Reasons.CREATING,
            kind + " " + name + " is gone and is created again"));
      }
      return step(resource, name, Optional.of(actual), AwsErrors.outcomeOf("retrying " + kind + " " + name, e));
    }
  }

  /**
   * Deletes the resource if this object owns it; finished (gone) once AWS no longer returns it.
   * A resource owned by someone else, or by no one, is left in place and counts as gone; so is one
   * whose type declines to delete it ({@link AwsResource.Applied#notDeleted}).
   */
  public static <D extends Desired, A> Step<A> delete(
      AwsResource<D, A> resource, D desired, String ownerId, EventSink events) {
    String kind = resource.kind();
    String name = desired.name();
    Optional<A> actual = Optional.empty();
    try {
      actual = resource.observe(desired);
      if (actual.isEmpty()) {
        return step(resource, name, actual, Outcome.ready());
      }
      Optional<Outcome> refusal = refusal(resource, name, actual.get(), ownerId);
      if (refusal.isPresent()) {
        return new Step<>(Outcome.ready(), statusOf(resource, name, actual,
            Outcome.progressing(Reasons.DELETING, "not owned by this object; left in place")), Optional.empty());
      }
      if (resource.state(actual.get()).phase() != AwsState.Phase.DELETING) {
        AwsResource.Applied applied = resource.delete(actual.get());
        report(applied, events);
        if (applied.leftInPlace()) {
          return new Step<>(Outcome.ready(), statusOf(resource, name, actual,
              Outcome.progressing(Reasons.DELETING, applied.notice().message())), Optional.empty());
        }
        events.normal("Deleted", kind + " " + name + " deletion started");
        if (applied.settled()) {
          actual = resource.observe(desired);
          if (actual.isEmpty()) {
            return step(resource, name, actual, Outcome.ready());
          }
        }
      }
      return step(resource, name, actual,
          Outcome.progressing(Reasons.DELETING, kind + " " + name + " is being deleted"));
    } catch (SdkException e) {
      if (AwsErrors.isNotFound(e)) {
        // Gone between two reads, or before the delete call: that is what deletion waits for.
        return step(resource, name, Optional.empty(), Outcome.ready());
      }
      return step(resource, name, actual, AwsErrors.outcomeOf("deleting " + kind + " " + name, e));
    } catch (AwsFailure e) {
      return step(resource, name, actual, e.outcome());
    }
  }

  /**
   * Reads a resource the object uses but does not own (a log group or a topic named in the spec):
   * no ownership check, no write. Ready with AWS's state "Available" when it exists; otherwise the
   * outcome {@code whenAbsent} gives (typically Waiting: its owner must create it).
   */
  public static <D extends Desired, A> Step<A> lookup(AwsResource<D, A> resource, D identity, Outcome whenAbsent) {
    String name = identity.name();
    try {
      Optional<A> actual = resource.observe(identity);
      if (actual.isEmpty()) {
        return new Step<>(whenAbsent, new ResourceStatus(resource.kind(), name, null, null, false,
            StatusDerivation.absentIfEmpty(whenAbsent.message())), actual);
      }
      return new Step<>(Outcome.ready(),
          new ResourceStatus(resource.kind(), name, resource.arn(actual.get()), AVAILABLE, true, null), actual);
    } catch (SdkException e) {
      Outcome failed = AwsErrors.outcomeOf("reading " + resource.kind() + " " + name, e);
      return new Step<>(failed, new ResourceStatus(resource.kind(), name, null, null, false,
          StatusDerivation.absentIfEmpty(failed.message())), Optional.empty());
    }
  }

  private static void report(AwsResource.Applied applied, EventSink events) {
    applied.noticed().ifPresent(n -> events.normal(n.reason(), n.message()));
  }

  private static <A> Step<A> step(AwsResource<?, A> resource, String name, Optional<A> actual, Outcome outcome) {
    return new Step<>(outcome, statusOf(resource, name, actual, outcome), actual);
  }

  private static <A> ResourceStatus statusOf(
      AwsResource<?, A> resource, String name, Optional<A> actual, Outcome outcome) {
    String arn = actual.map(resource::arn).orElse(null);
    String word = actual.map(a -> resource.state(a).word()).orElse(
        outcome.reason().equals(Reasons.CREATING) ? "CREATING" : null);
    return new ResourceStatus(resource.kind(), name, arn, word, outcome.isReady(),
        StatusDerivation.absentIfEmpty(outcome.message()));
  }
}
