package dev.uba.operator.engine.fake;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.Difference;
import dev.uba.operator.engine.Drift;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * A resource type kept in memory, standing for any real one in a kind's workflow: it holds, per
 * name, the desired state it was last created or updated from and AWS's state word, and builds the
 * real type's actual state from them, so the kind's status code reads it as it reads AWS.
 *
 * <p>Creation is asynchronous by default (CREATING until {@link #settle}), like most AWS types; a
 * test can make a creation settle at once, fail a resource (FAILED with a reason), throw an AWS
 * error on the next call of an operation, or place a resource someone else owns.
 *
 * @param <D> the real type's desired state
 * @param <A> the real type's actual state
 */
public final class FakeResource<D extends Desired, A> implements AwsResource<D, A> {

  /** What the fake holds of one resource. */
  public record Held<D>(D desired, String state, String reason, Map<String, String> tags) {}

  private final FakeAws aws;
  private final String kind;
  private final BiFunction<String, Held<D>, A> actualOf;
  private final java.util.function.Function<A, String> nameOf;
  private final Map<String, Held<D>> held = new LinkedHashMap<>();
  private final Map<String, Deque<RuntimeException>> failures = new LinkedHashMap<>();
  private boolean createSettles;
  private boolean taggable = true;
  private BiFunction<D, A, Drift> driftOf;

  /**
   * @param kind the kind reported in status.resources
   * @param actualOf the real actual state of the resource named, from what the fake holds
   * @param nameOf the name of a real actual state (what delete is given)
   */
  public FakeResource(FakeAws aws, String kind, BiFunction<String, Held<D>, A> actualOf,
      java.util.function.Function<A, String> nameOf) {
    this.aws = aws;
    this.kind = kind;
    this.actualOf = actualOf;
    this.nameOf = nameOf;
    aws.register(this);
  }

  /** AWS creates this type at once (an IAM role, a policy): the next observe sees it ACTIVE. */
  public FakeResource<D, A> settlesOnCreate() {
    createSettles = true;
    return this;
  }

  /** A type AWS cannot tag: ownership follows from the parent. */
  public FakeResource<D, A> untaggable() {
    taggable = false;
    return this;
  }

  /**
   * Drift computed by the real type's pure function instead of "the desired state last applied",
   * for a type whose desired state carries what is not compared (a subscription set's record of
   * what was subscribed before).
   */
  public FakeResource<D, A> drifting(BiFunction<D, A, Drift> drift) {
    this.driftOf = drift;
    return this;
  }

  /** The next call of {@code operation} (observe, create, update, delete) throws this AWS error code. */
  public FakeResource<D, A> failNext(String operation, String errorCode, int httpStatus) {
    failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(AwsServiceException.builder()
        .statusCode(httpStatus).message(errorCode + " (fake)")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(errorCode + " (fake)")
            .serviceName(kind).build())
        .build());
    return this;
  }

  /** AWS puts the named resource in a FAILED state with this reason. */
  public void fail(String name, String reason) {
    Held<D> h = held.get(name);
    held.put(name, new Held<>(h.desired(), "FAILED", reason, h.tags()));
  }

  /** A resource of this name that the object did not create, carrying these tags. */
  public void place(String name, D desired, Map<String, String> tags) {
    held.put(name, new Held<>(desired, "ACTIVE", null, tags));
  }

  /** AWS finishes: CREATING and UPDATING become ACTIVE, DELETING ones are gone. */
  public void settle() {
    held.replaceAll((name, h) -> h.state().equals("CREATING") || h.state().equals("UPDATING")
        ? new Held<>(h.desired(), "ACTIVE", null, h.tags()) : h);
    held.values().removeIf(h -> h.state().equals("DELETING"));
  }

  public boolean exists(String name) {
    return held.containsKey(name);
  }

  public Optional<Held<D>> held(String name) {
    return Optional.ofNullable(held.get(name));
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public boolean taggable() {
    return taggable;
  }

  @Override
  public Optional<A> observe(D desired) {
    call("observe", desired.name());
    Held<D> h = held.get(desired.name());
    return h == null ? Optional.empty() : Optional.of(actualOf.apply(desired.name(), h));
  }

  @Override
  public Map<String, String> tags(A actual) {
    return held.get(nameOf.apply(actual)).tags();
  }

  @Override
  public AwsState state(A actual) {
    Held<D> h = held.get(nameOf.apply(actual));
    return switch (h.state()) {
      case "CREATING" -> AwsState.of("CREATING", AwsState.Phase.CREATING);
      case "UPDATING" -> AwsState.of("UPDATING", AwsState.Phase.UPDATING);
      case "DELETING" -> AwsState.of("DELETING", AwsState.Phase.DELETING);
      case "FAILED" -> new AwsState("FAILED", AwsState.Phase.FAILED, h.reason());
      default -> AwsState.stable(h.state());
    };
  }

  /** The ARN the fake's actual state carries (as AWS would report it), else one made up from the name. */
  @Override
  public String arn(A actual) {
    if (actual instanceof dev.uba.operator.engine.Observed observed && observed.arn() != null) {
      return observed.arn();
    }
    return "arn:fake:" + kind + ":" + nameOf.apply(actual);
  }

  /** In sync when the desired state is the one last applied (tags included, as they are part of it). */
  @Override
  public Drift drift(D desired, A actual) {
    if (driftOf != null) {
      return driftOf.apply(desired, actual);
    }
    Held<D> h = held.get(desired.name());
    return Objects.equals(desired, h.desired()) ? Drift.NONE
        : Drift.of(java.util.List.of(Difference.named("spec", desired, h.desired())));
  }

  @Override
  public Applied create(D desired) {
    call("create", desired.name());
    held.put(desired.name(), new Held<>(desired, createSettles ? "ACTIVE" : "CREATING", null, desired.tags()));
    return createSettles ? Applied.SETTLED : Applied.ASYNC;
  }

  @Override
  public Applied update(D desired, A actual, Drift drift) {
    call("update", desired.name());
    Held<D> h = held.get(desired.name());
    held.put(desired.name(), new Held<>(desired, h.state(), null, desired.tags()));
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(A actual) {
    String name = nameOf.apply(actual);
    call("delete", name);
    Held<D> h = held.get(name);
    held.put(name, new Held<>(h.desired(), "DELETING", null, h.tags()));
    return Applied.ASYNC;
  }

  @Override
  public Applied retry(D desired, A actual) {
    call("retry", desired.name());
    return delete(actual);
  }

  private void call(String operation, String name) {
    aws.record(operation + " " + kind + " " + name);
    Deque<RuntimeException> pending = failures.get(operation);
    if (pending != null && !pending.isEmpty()) {
      throw pending.poll();
    }
  }
}
