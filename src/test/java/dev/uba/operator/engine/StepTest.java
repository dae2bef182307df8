package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.ResourceStatus;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What status records of a resource after a pass, from the pass's step (pure). */
class StepTest {
  private static final ResourceStatus ENTRY = new ResourceStatus("KinesisStream", "ns-s", null, null, false, null);

  private static Step<String> step(Outcome outcome, Optional<String> actual) {
    return new Step<>(outcome, ENTRY, actual);
  }

  @Test
  void anOwnedResourceIsRecordedAsSeen() {
    assertThat(step(Outcome.ready(), Optional.of("s")).record("before", () -> "now")).isEqualTo("now");
    assertThat(step(Outcome.progressing(Reasons.CREATING, "c"), Optional.empty()).record("before", () -> "now"))
        .as("being created").isEqualTo("now");
  }

  @Test
  void aPassThatCouldNotReadTheResourceKeepsTheRecord() {
    assertThat(step(Outcome.retrying(Reasons.THROTTLED, "t"), Optional.empty()).record("before", () -> "now"))
        .isEqualTo("before");
    assertThat(step(Outcome.deferred("waiting for budget", Duration.ofSeconds(1)), Optional.empty())
        .record("before", () -> "now")).isEqualTo("before");
    assertThat(step(Outcome.degraded("AccessDenied", "no"), Optional.empty()).learntNothing()).isTrue();
  }

  @Test
  void aResourceRefusedForOwnershipIsNotRecorded() {
    assertThat(step(Outcome.degraded(Reasons.OWNED_BY_ANOTHER, "theirs"), Optional.of("s"))
        .record("before", () -> "now")).isNull();
    assertThat(step(Outcome.degraded(Reasons.ALREADY_EXISTS, "taken"), Optional.empty())
        .record("before", () -> "now")).isNull();
  }
}
