package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrainingTest {
  private static final Instant TRAINED = Instant.parse("2026-11-01T00:00:00Z");

  private static PersonalizationModel served(Integer intervalHours, String annotation, String handled) {
    PersonalizationModel m = ModelValidationTest.model();
    if (intervalHours != null) {
      PersonalizationModelSpec.Retraining r = new PersonalizationModelSpec.Retraining();
      r.setIntervalHours(intervalHours);
      m.getSpec().setRetraining(r);
    }
    if (annotation != null) {
      m.getMetadata().setAnnotations(Map.of(PersonalizationModel.RETRAIN_ANNOTATION, annotation));
    }
    PersonalizationModelStatus s = new PersonalizationModelStatus();
    s.setSolutionVersionArn("arn:v1");
    s.setLastTrainedTime(TRAINED.toString());
    s.setRetrainAnnotation(handled);
    m.setStatus(s);
    return m;
  }

  @Test
  void nothingIsDueWithoutTimerOrAnnotation() {
    assertThat(Retraining.due(served(null, null, null), TRAINED.plusSeconds(1_000_000))).isEmpty();
    assertThat(Retraining.due(served(0, null, null), TRAINED.plusSeconds(1_000_000))).isEmpty();
  }

  @Test
  void theTimerIsDueOnceTheIntervalHasElapsed() {
    PersonalizationModel m = served(168, null, null);
    assertThat(Retraining.due(m, TRAINED.plusSeconds(168 * 3600 - 1))).isEmpty();
    assertThat(Retraining.due(m, TRAINED.plusSeconds(168 * 3600))).get().asString().contains("intervalHours 168");
    assertThat(Retraining.nextByTimer(m.getSpec(), m.getStatus())).contains(TRAINED.plusSeconds(168 * 3600));
  }

  @Test
  void aChangedAnnotationIsDueOnceAndTheHandledValueIsNot() {
    assertThat(Retraining.due(served(null, "1", null), TRAINED)).get().asString().contains("uba.dev/retrain=1");
    assertThat(Retraining.due(served(null, "1", "1"), TRAINED)).isEmpty();
    assertThat(Retraining.due(served(null, "2", "1"), TRAINED)).isPresent();
  }

  @Test
  void nothingIsRetrainedBeforeTheFirstVersionServes() {
    PersonalizationModel m = served(1, "x", null);
    m.getStatus().setSolutionVersionArn(null);
    assertThat(Retraining.due(m, TRAINED.plusSeconds(10_000_000))).isEmpty();
  }
}
