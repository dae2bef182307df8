package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * When a served model is trained again (pure): a uba.dev/retrain annotation value other than the
 * one status recorded as handled, or spec.retraining.intervalHours elapsed since lastTrainedTime.
 */
public final class Retraining {
  private Retraining() {}

  /** Why a retraining is due now, or empty. */
  public static Optional<String> due(PersonalizationModel model, Instant now) {
    PersonalizationModelStatus status = model.getStatus() == null ? new PersonalizationModelStatus() : model.getStatus();
    if (status.getSolutionVersionArn() == null) {
      return Optional.empty();
    }
    String annotation = annotation(model);
    if (annotation != null && !annotation.equals(status.getRetrainAnnotation())) {
      return Optional.of("annotation " + PersonalizationModel.RETRAIN_ANNOTATION + "=" + annotation);
    }
    return nextByTimer(model.getSpec(), status).filter(at -> !at.isAfter(now))
        .map(at -> "retraining.intervalHours " + model.getSpec().getRetraining().getIntervalHours() + " elapsed");
  }

  /** When the timer asks for the next training, if it does. */
  public static Optional<Instant> nextByTimer(PersonalizationModelSpec spec, PersonalizationModelStatus status) {
    Integer hours = spec.getRetraining() == null ? null : spec.getRetraining().getIntervalHours();
    if (hours == null || hours <= 0 || status.getLastTrainedTime() == null) {
      return Optional.empty();
    }
    return Optional.of(Instant.parse(status.getLastTrainedTime()).plus(Duration.ofHours(hours)));
  }

  public static String annotation(PersonalizationModel model) {
    Map<String, String> annotations = model.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(PersonalizationModel.RETRAIN_ANNOTATION);
  }
}
