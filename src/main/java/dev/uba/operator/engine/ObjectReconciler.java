package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.CommonSpec;
import dev.uba.operator.api.v1alpha1.CommonStatus;
import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The reconcile and cleanup skeleton every kind shares: validate (no AWS call for an invalid
 * spec), converge, write status once; on deletion honour deletionPolicy, delete until AWS no longer
 * returns anything, and only then let the finalizer go. An unexpected exception becomes status
 * (Degraded, reason ReconcileError), not only a log line. A kind supplies what is its own.
 *
 * @param <R> the custom resource
 * @param <S> its status
 */
public abstract class ObjectReconciler<R extends CustomResource<? extends CommonSpec, S>, S extends CommonStatus>
    implements Reconciler<R>, Cleaner<R> {
  private static final Logger LOG = LoggerFactory.getLogger(ObjectReconciler.class);

  private final Clock clock;
  private StatusWriter statusWriter;
  private final RequeueSchedule requeue;
  private final Duration poll;
  private final RecordedEvents recordedEvents = new RecordedEvents();

  protected ObjectReconciler(Duration poll, Duration resync, Clock clock) {
    this.statusWriter = new StatusWriter(clock, ObjectMetrics.discarded());
    this.clock = clock;
    this.requeue = new RequeueSchedule(poll, resync, clock, () -> ThreadLocalRandom.current().nextDouble());
    this.poll = poll;
  }

  /**
   * Exports each object's state where status is written (uba_object_*); the operator calls this
   * before registering the reconciler, so before any pass runs.
   */
  public ObjectReconciler<R, S> reportingTo(ObjectMetrics metrics) {
    this.statusWriter = new StatusWriter(clock, metrics);
    return this;
  }

  /** A new, empty status for an object that has none yet. */
  protected abstract S newStatus();

  /** What the schema cannot refuse (cross-field rules, immutability); pure, no AWS call. */
  protected abstract Optional<Outcome> validate(R resource);

  /** One pass towards the spec; records what it sees in {@code status}; one outcome per resource. */
  protected abstract List<Outcome> converge(R resource, S status, Context<R> context, EventSink events);

  /**
   * One deletion pass: empty once AWS no longer returns anything the object owned (or nothing was
   * ever created); otherwise the outcomes of what is still being deleted, already in {@code status}.
   */
  protected abstract Optional<List<Outcome>> delete(R resource, S status, Context<R> context, EventSink events);

  /** Where the Events of a pass go: the object's Kubernetes Events (a sink in tests). */
  protected EventSink eventsFor(R resource, Context<R> context) {
    return new KubernetesEvents(context.getClient(), resource, recordedEvents);
  }

  /** Buckets of the resync lag histogram. */
  private static final Duration[] LAG_BUCKETS = {Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(15),
      Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
      Duration.ofMinutes(10), Duration.ofMinutes(30)};

  /**
   * Reports how late each resync ran after its slot as the histogram {@code uba_resync_lag_seconds}
   * (by kind): the framework's queue and waits for the AWS rate budget both show there.
   */
  public void reportResyncLag(MeterRegistry registry) {
    requeue.reportResyncLagTo((resource, lag) -> Timer.builder("uba.resync.lag")
        .description("how late a converged object's check against AWS ran after its resync slot")
        .tag("kind", resource.getKind())
        .serviceLevelObjectives(LAG_BUCKETS)
        .register(registry)
        .record(lag));
  }

  /** When the object is looked at again after a pass; a kind with a timer of its own refines it. */
  protected Optional<Duration> nextPass(R resource, S status, List<Outcome> outcomes) {
    return requeue.after(resource, outcomes);
  }

  @Override
  public UpdateControl<R> reconcile(R resource, Context<R> context) {
    if (resource.getSpec() == null) {
      // An object deleted before its first pass can come back without a spec: nothing to do.
      return UpdateControl.noUpdate();
    }
    EventSink events = eventsFor(resource, context);
    S status = statusOf(resource);
    Optional<Outcome> invalid = validate(resource);
    if (invalid.isPresent()) {
      return statusWriter.write(resource, status, List.of(invalid.get()), Optional.empty(), events);
    }
    boolean converged = converged(resource);
    Optional<Duration> paced = requeue.pacedStart(resource, converged);
    if (paced.isPresent()) {
      // Just started (or just became leader): a converged object waits for its resync slot, so
      // that thousands of them are not all checked against AWS at once; changed ones go first.
      return UpdateControl.<R>noUpdate().rescheduleAfter(paced.get());
    }
    List<Outcome> outcomes;
    try {
      outcomes = converge(resource, status, context, events);
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("resolving the AWS account", e));
    }
    Optional<Duration> next = nextPass(resource, status, outcomes);
    if (converged && waitsOnlyForBudget(outcomes) && next.isPresent()) {
      // A converged object whose check could not get AWS rate budget stays Ready as it was
      // confirmed: only its check is later. Nothing is written.
      return UpdateControl.<R>noUpdate().rescheduleAfter(next.get());
    }
    return statusWriter.write(resource, status, outcomes, next, events);
  }

  /** Ready for its current generation when the operator last looked (its status says so). */
  private static boolean converged(CustomResource<?, ? extends CommonStatus> resource) {
    CommonStatus status = resource.getStatus();
    if (status == null || status.getObservedGeneration() == null
        || !status.getObservedGeneration().equals(resource.getMetadata().getGeneration())) {
      return false;
    }
    return StatusDerivation.find(status.getConditions(), StatusDerivation.READY)
        .map(Condition::getStatus).filter("True"::equals).isPresent();
  }

  /** Every resource in sync but for calls the rate budget deferred. */
  private static boolean waitsOnlyForBudget(List<Outcome> outcomes) {
    return outcomes.stream().anyMatch(Outcome::isDeferred)
        && outcomes.stream().allMatch(o -> o.isReady() || o.isDeferred());
  }

  @Override
  public DeleteControl cleanup(R resource, Context<R> context) {
    return requeue.afterCleanup(resource, deleteFromAws(resource, context));
  }

  private DeleteControl deleteFromAws(R resource, Context<R> context) {
    if (resource.getSpec() == null) {
      return DeleteControl.defaultDelete();
    }
    EventSink events = eventsFor(resource, context);
    if (resource.getSpec().getDeletionPolicy() == DeletionPolicy.Retain) {
      events.normal("Retained", "deletionPolicy Retain: AWS resources are left in place with their ownership tags");
      return DeleteControl.defaultDelete();
    }
    S status = statusOf(resource);
    List<Outcome> outcomes;
    try {
      Optional<List<Outcome>> remaining = delete(resource, status, context, events);
      if (remaining.isEmpty()) {
        return DeleteControl.defaultDelete();
      }
      outcomes = remaining.get();
    } catch (SdkException e) {
      outcomes = List.of(AwsErrors.outcomeOf("resolving the AWS account", e));
    }
    statusWriter.writeDeleting(context.getClient(), resource, status, outcomes, events);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(requeue.after(resource, outcomes).orElse(poll).toMillis());
  }

  /**
   * An exception no pass expected (a bug, the Kubernetes API failing): shown in status with its
   * message; the framework retries the object with its backoff.
   */
  @Override
  public ErrorStatusUpdateControl<R> updateErrorStatus(R resource, Context<R> context, Exception e) {
    var meta = resource.getMetadata();
    LOG.warn("{}/{}: reconcile failed unexpectedly", meta.getNamespace(), meta.getName(), e);
    if (resource.getSpec() == null) {
      return ErrorStatusUpdateControl.noStatusUpdate();
    }
    Outcome failure = Outcome.degraded(Reasons.RECONCILE_ERROR, "the operator failed unexpectedly and retries: "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    return statusWriter.writeError(resource, statusOf(resource), failure, eventsFor(resource, context));
  }

  private S statusOf(R resource) {
    return resource.getStatus() == null ? newStatus() : resource.getStatus();
  }
}
