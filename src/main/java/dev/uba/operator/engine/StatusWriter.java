package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.CommonStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one place where status is written: conditions and phase derived from the pass's outcomes, a
 * Degraded Event on each transition into Degraded, the object's metrics ({@link ObjectMetrics}), and
 * the requeue decision.
 */
public final class StatusWriter {
  private final Clock clock;
  private final ObjectMetrics metrics;

  public StatusWriter(Clock clock, ObjectMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Status for a reconcile pass, written by the framework (server-side apply of the status). */
  public <S extends CommonStatus, R extends CustomResource<?, S>> UpdateControl<R> write(
      R resource, S status, List<Outcome> outcomes, Optional<Duration> requeue, EventSink events) {
    finish(resource, status, outcomes, false, events);
    UpdateControl<R> control = UpdateControl.patchStatus(resource);
    requeue.ifPresent(d -> control.rescheduleAfter(d));
    return control;
  }

  /** Status while deletion runs; the framework writes no status from cleanup, so it is patched here. */
  public <S extends CommonStatus, R extends CustomResource<?, S>> void writeDeleting(
      KubernetesClient client, R resource, S status, List<Outcome> outcomes, EventSink events) {
    finish(resource, status, outcomes, true, events);
    client.resource(resource).patchStatus();
  }

  /**
   * Status after an unexpected exception (Flink's and Keycloak's updateErrorStatus): the pass's
   * conditions say what failed, the resources keep what the last pass recorded. The framework writes
   * it and retries the object with its backoff.
   */
  public <S extends CommonStatus, R extends CustomResource<?, S>> ErrorStatusUpdateControl<R> writeError(
      R resource, S status, Outcome failure, EventSink events) {
    finish(resource, status, List.of(failure), resource.isMarkedForDeletion(), events);
    return ErrorStatusUpdateControl.patchStatus(resource);
  }

  private <S extends CommonStatus, R extends CustomResource<?, S>> void finish(
      R resource, S status, List<Outcome> outcomes, boolean deleting, EventSink events) {
    List<Condition> before = resource.getStatus() == null ? List.of() : resource.getStatus().getConditions();
    StatusDerivation.apply(status, resource.getMetadata().getGeneration(), outcomes, deleting, clock.instant());
    if (StatusDerivation.becameDegraded(before, status.getConditions())) {
      StatusDerivation.find(status.getConditions(), StatusDerivation.DEGRADED)
          .ifPresent(c -> events.warning("Degraded", c.getReason() + ": " + c.getMessage()));
    }
    resource.setStatus(status);
    metrics.record(resource, status);
  }
}
