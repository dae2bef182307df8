package dev.uba.operator.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each object of one kind is looked at again ({@link Requeue}), remembering per object how many
 * passes in a row ended throttled or with AWS unavailable, for the backoff.
 */
public final class RequeueSchedule {
  private final Duration poll;
  private final Duration resync;
  private final Map<ResourceID, Integer> failedAttempts = new ConcurrentHashMap<>();

  public RequeueSchedule(Duration poll, Duration resync) {
    this.poll = poll;
    this.resync = resync;
  }

  public Optional<Duration> after(HasMetadata resource, List<Outcome> outcomes) {
    ResourceID id = ResourceID.fromResource(resource);
    int attempts = 0;
    if (outcomes.stream().anyMatch(o -> o.kind() == Outcome.Kind.RETRYING)) {
      attempts = failedAttempts.merge(id, 1, Integer::sum);
    } else {
      failedAttempts.remove(id);
    }
    return Requeue.after(outcomes, poll, resync, attempts);
  }

  /**
   * A cleanup pass ended: once it lets the finalizer go the object is forgotten; until then the
   * backoff keeps counting across passes, so a throttled deletion backs off as a throttled
   * reconcile does.
   */
  public DeleteControl afterCleanup(HasMetadata resource, DeleteControl control) {
    if (control.isRemoveFinalizer()) {
      failedAttempts.remove(ResourceID.fromResource(resource));
    }
    return control;
  }
}
