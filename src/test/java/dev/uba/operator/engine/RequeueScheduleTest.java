package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequeueScheduleTest {
  private static final Duration POLL = Duration.ofSeconds(15);
  private static final Duration RESYNC = Duration.ofMinutes(10);
  private static final List<Outcome> THROTTLED = List.of(Outcome.retrying(Reasons.THROTTLED, "slow down"));

  private final RequeueSchedule schedule = new RequeueSchedule(POLL, RESYNC);
  private final ConfigMap one = object("one");
  private final ConfigMap two = object("two");

  @Test
  void backoffGrowsWithConsecutiveFailuresOfTheSameObjectOnly() {
    assertThat(schedule.after(one, THROTTLED)).contains(Duration.ofSeconds(2));
    assertThat(schedule.after(one, THROTTLED)).contains(Duration.ofSeconds(4));
    assertThat(schedule.after(two, THROTTLED)).as("another object starts afresh").contains(Duration.ofSeconds(2));
    assertThat(schedule.after(one, THROTTLED)).contains(Duration.ofSeconds(8));
  }

  @Test
  void aPassWithoutRetryingResetsTheBackoff() {
    schedule.after(one, THROTTLED);
    schedule.after(one, THROTTLED);
    assertThat(schedule.after(one, List.of(Outcome.ready()))).contains(RESYNC);
    assertThat(schedule.after(one, THROTTLED)).contains(Duration.ofSeconds(2));
    schedule.afterCleanup(one, DeleteControl.defaultDelete());
    assertThat(schedule.after(one, THROTTLED)).contains(Duration.ofSeconds(2));
  }

  @Test
  void theBackoffKeepsGrowingAcrossCleanupPassesAndIsForgottenWhenTheFinalizerGoes() {
    assertThat(schedule.after(one, THROTTLED)).contains(Duration.ofSeconds(2));
    schedule.afterCleanup(one, DeleteControl.noFinalizerRemoval().rescheduleAfter(2000));
    assertThat(schedule.after(one, THROTTLED)).as("deletion still throttled").contains(Duration.ofSeconds(4));

    assertThat(schedule.afterCleanup(one, DeleteControl.defaultDelete()).isRemoveFinalizer()).isTrue();
    assertThat(schedule.after(one, THROTTLED)).contains(Duration.ofSeconds(2));
  }

  private static ConfigMap object(String name) {
    return new ConfigMapBuilder().withNewMetadata().withNamespace("ns").withName(name).endMetadata().build();
  }
}
