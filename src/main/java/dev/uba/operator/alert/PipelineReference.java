package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.util.Optional;

/**
 * Resolves an alert's pipelineRef against the pipeline as the informer last saw it (pure). A pipeline
 * that does not exist yet or is not Ready makes the alert wait (Progressing, PipelineNotReady) without
 * touching AWS; once resolved, the alert records what it uses in status.pipeline and follows the
 * pipeline's stream from then on, also while the pipeline is busy with a change of its own; if the
 * pipeline it used disappears, the alert turns Degraded (PipelineNotFound) and leaves AWS as it is.
 */
public final class PipelineReference {
  private PipelineReference() {}

  /**
   * The outcome is present when the alert must not touch AWS now; otherwise {@code use} is what the
   * alert uses of its pipeline (null without a pipelineRef).
   */
  public record Resolution(Optional<Outcome> outcome, AnomalyAlertStatus.PipelineUse use) {
    static Resolution waiting(Outcome outcome) {
      return new Resolution(Optional.of(outcome), null);
    }

    static Resolution resolved(AnomalyAlertStatus.PipelineUse use) {
      return new Resolution(Optional.empty(), use);
    }

    public String stream() {
      return use == null ? null : use.getStream();
    }
  }

  public static Resolution resolve(AnomalyAlert alert, Optional<UbaPipeline> found, String alertRegion) {
    var ref = alert.getSpec().getPipelineRef();
    if (ref == null) {
      return Resolution.resolved(null);
    }
    String name = ref.getName();
    String ns = alert.getMetadata().getNamespace();
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    boolean usedBefore = status.getPipeline() != null && name.equals(status.getPipeline().getName());
    if (found.isEmpty()) {
      if (usedBefore) {
        return Resolution.waiting(Outcome.degraded(Reasons.PIPELINE_NOT_FOUND, "spec.pipelineRef: UbaPipeline " + name
            + " no longer exists in namespace " + ns + "; the alert's AWS resources are left as they are until the "
            + "reference is fixed or the alert is deleted"));
      }
      return Resolution.waiting(Outcome.progressing(Reasons.PIPELINE_NOT_READY,
          "waiting for UbaPipeline " + name + " to exist in namespace " + ns));
    }
    UbaPipeline pipeline = found.get();
    if (pipeline.getMetadata().getDeletionTimestamp() != null) {
      return Resolution.waiting(Outcome.progressing(Reasons.PIPELINE_NOT_READY,
          "UbaPipeline " + name + " is being deleted; the alert's AWS resources are left as they are"));
    }
    String stream = pipeline.getStatus() == null || pipeline.getStatus().getStream() == null ? null
        : pipeline.getStatus().getStream().getName();
    if (stream == null || (!ready(pipeline) && !usedBefore)) {
      String phase = pipeline.getStatus() == null || pipeline.getStatus().getPhase() == null ? "Pending"
          : pipeline.getStatus().getPhase().name();
      return Resolution.waiting(Outcome.progressing(Reasons.PIPELINE_NOT_READY,
          "waiting for UbaPipeline " + name + " to be Ready (it is " + phase + ")"));
    }
    String pipelineRegion = pipeline.getStatus().getRegion();
    if (AlertDesiredState.usesPipelineStream(alert.getSpec()) && pipelineRegion != null && alertRegion != null
        && !pipelineRegion.equals(alertRegion)) {
      return Resolution.waiting(Outcome.invalidSpec(Reasons.INVALID_SPEC, "spec.region: the alert is in " + alertRegion
          + " but the stream of UbaPipeline " + name + " is in " + pipelineRegion
          + "; a CloudWatch alarm watches metrics of its own region"));
    }
    return Resolution.resolved(new AnomalyAlertStatus.PipelineUse(name, stream, pipelineRegion));
  }

  static boolean ready(UbaPipeline pipeline) {
    return pipeline.getStatus() != null && pipeline.getStatus().getConditions() != null
        && pipeline.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
