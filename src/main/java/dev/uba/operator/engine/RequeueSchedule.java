package dev.uba.operator.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;

/**
 * When each object of one kind is looked at again ({@link Requeue}), remembering per object what its
 * last pass reached: the backoff grows only over passes that ended retrying and made no progress (no
 * resource reached a state the previous pass had not), so an object whose deletion or creation moves
 * on despite a throttled call now and then is not held back. A converged object's next pass is at its
 * resync slot ({@link ResyncSlots}); the first pass after a start of an object that was already
 * converged waits for its slot too ({@link #pacedStart}), and how late resyncs run is reported.
 */
public final class RequeueSchedule {
  /** A pass this much before its planned resync is not that resync (an event brought the object). */
  private static final Duration EARLY = Duration.ofSeconds(1);

  private final Duration poll;
  private final Duration resync;
  private final Clock clock;
  private final DoubleSupplier random;
  private final Map<ResourceID, Pass> passes = new ConcurrentHashMap<>();
  private volatile BiConsumer<HasMetadata, Duration> resyncLag = (resource, lag) -> { };

  /** What the last pass of an object reached. */
  private record Pass(int failedAttempts, Set<String> reached, Instant plannedResync) {}

  public RequeueSchedule(Duration poll, Duration resync) {
    this(poll, resync, Clock.systemUTC(), () -> ThreadLocalRandom.current().nextDouble());
  }

  public RequeueSchedule(Duration poll, Duration resync, Clock clock, DoubleSupplier random) {
    this.poll = poll;
    this.resync = resync;
    this.clock = clock;
    this.random = random;
  }

  /** Where the lateness of each resync (its pass after the planned slot) is reported. */
  public void reportResyncLagTo(BiConsumer<HasMetadata, Duration> lag) {
    this.resyncLag = lag;
  }

  public Optional<Duration> after(HasMetadata resource, List<Outcome> outcomes) {
    ResourceID id = ResourceID.fromResource(resource);
    Instant now = clock.instant();
    Pass previous = passes.get(id);
    boolean retrying = outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.RETRYING);
    boolean deferred = outcomes.stream().anyMatch(Outcome::isDeferred);
    Set<String> reached = reached(outcomes);
    int attempts = 0;
    if (retrying) {
      boolean progress = previous == null ? !reached.isEmpty() : !previous.reached().containsAll(reached);
      attempts = progress || previous == null ? 1 : previous.failedAttempts() + 1;
    }
    Instant planned = previous == null ? null : previous.plannedResync();
    if (planned != null && !deferred) {
      if (!now.isBefore(planned.minus(EARLY))) {
        resyncLag.accept(resource, now.isAfter(planned) ? Duration.between(planned, now) : Duration.ZERO);
      }
      planned = null;
    }
    Duration slot = ResyncSlots.next(slotIdentity(resource), now, resync, random.getAsDouble());
    Optional<Duration> next = Requeue.after(outcomes, poll, slot, attempts);
    boolean settled = outcomes.stream().noneMatch(o -> o.kind() == Outcome.Kind.INVALID_SPEC
        || o.kind() == Outcome.Kind.RETRYING || o.kind() == Outcome.Kind.PROGRESSING);
    if (planned == null && settled) {
      planned = now.plus(slot);
    }
    passes.put(id, new Pass(attempts, reached, planned));
    return next;
  }

  /**
   * The first pass of this process (after a start or a leader change) for an object that was
   * converged when the operator last looked (Ready for its current generation): instead of checking
   * every such object at once, it waits for its resync slot. Empty for any other object and pass:
   * a changed or unconverged object goes first.
   */
  public Optional<Duration> pacedStart(HasMetadata resource, boolean converged) {
    ResourceID id = ResourceID.fromResource(resource);
    if (!converged || passes.containsKey(id)) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Duration slot = ResyncSlots.first(slotIdentity(resource), now, resync, random.getAsDouble());
    passes.put(id, new Pass(0, Set.of(), now.plus(slot)));
    return Optional.of(slot);
  }

  /**
   * A cleanup pass ended: once it lets the finalizer go the object is forgotten; until then the
   * backoff keeps counting across passes, so a throttled deletion backs off as a throttled
   * reconcile does.
   */
  public DeleteControl afterCleanup(HasMetadata resource, DeleteControl control) {
    if (control.isRemoveFinalizer()) {
      passes.remove(ResourceID.fromResource(resource));
    }
    return control;
  }

  /** What a pass reached: the outcomes that are neither a retry nor a wait for budget. */
  private static Set<String> reached(List<Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.kind() != Outcome.Kind.RETRYING && !o.isDeferred())
        .map(o -> o.kind() + "/" + o.reason() + "/" + o.message()).collect(Collectors.toUnmodifiableSet());
  }

  private static String slotIdentity(HasMetadata resource) {
    var meta = resource.getMetadata();
    return meta.getUid() != null ? meta.getUid() : meta.getNamespace() + "/" + meta.getName();
  }
}
