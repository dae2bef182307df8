package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequeueScheduleTest {
  private static final Duration POLL = Duration.ofSeconds(15);
  private static final Duration RESYNC = Duration.ofMinutes(10);
  private static final List<Outcome> THROTTLED = List.of(Outcome.retrying(Reasons.THROTTLED, "slow down"));

  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final RequeueSchedule schedule = new RequeueSchedule(POLL, RESYNC, clock, () -> 0.0);
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
    assertThat(schedule.after(one, List.of(Outcome.ready())))
        .contains(ResyncSlots.next("ns/one", clock.instant(), RESYNC, 0.0));
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

  @Test
  void aPassThatMovedOnDespiteAThrottledCallDoesNotGrowTheBackoff() {
    // A deletion under random throttling: each pass gets one resource further, one call throttled.
    for (String resource : List.of("DeliveryStream", "LogGroup", "KinesisStream", "IamRole", "IamPolicy")) {
      List<Outcome> pass = List.of(Outcome.progressing(Reasons.DELETING, resource + " x is being deleted"),
          Outcome.retrying(Reasons.THROTTLED, "Rate exceeded"));
      assertThat(schedule.after(one, pass)).as("after deleting %s", resource).contains(Duration.ofSeconds(2));
    }
  }

  @Test
  void aPassThatReachedNothingNewGrowsTheBackoff() {
    List<Outcome> stuck = List.of(Outcome.ready(), Outcome.retrying(Reasons.THROTTLED, "Rate exceeded"));
    assertThat(schedule.after(one, stuck)).contains(Duration.ofSeconds(2));
    assertThat(schedule.after(one, stuck)).as("the same resources ready, the same one throttled")
        .contains(Duration.ofSeconds(4));
    List<Outcome> worse = List.of(Outcome.retrying(Reasons.THROTTLED, "Rate exceeded"),
        Outcome.retrying(Reasons.THROTTLED, "Rate exceeded"));
    assertThat(schedule.after(one, worse)).as("fewer ready than before").contains(Duration.ofSeconds(8));
    List<Outcome> better = List.of(Outcome.ready(), Outcome.progressing(Reasons.CREATING, "LogGroup g is being created"),
        Outcome.retrying(Reasons.THROTTLED, "Rate exceeded"));
    assertThat(schedule.after(one, better)).as("a resource moved on").contains(Duration.ofSeconds(2));
  }

  @Test
  void aPassWithoutBudgetComesBackWhenTheBudgetAllowsNotWithBackoff() {
    List<Outcome> deferred = List.of(Outcome.ready(), Outcome.deferred("waits for Kinesis ListTagsForStream",
        Duration.ofMillis(1200)));
    assertThat(schedule.after(one, deferred)).contains(Duration.ofMillis(1200));
    assertThat(schedule.after(one, deferred)).as("waiting for budget is no failure").contains(Duration.ofMillis(1200));
    List<Outcome> both = List.of(Outcome.deferred("budget", Duration.ofMillis(300)),
        Outcome.deferred("budget", Duration.ofMillis(900)), Outcome.retrying(Reasons.THROTTLED, "Rate exceeded"));
    assertThat(schedule.after(one, both)).as("not before AWS's own backoff").contains(Duration.ofSeconds(2));
    assertThat(schedule.after(two, both.subList(0, 2))).as("the soonest budget").contains(Duration.ofMillis(300));
  }

  @Test
  void convergedObjectsComeBackAtTheirSlotsBetweenHalfAndOneAndAHalfIntervals() {
    for (int i = 0; i < 50; i++) {
      ConfigMap o = object("o" + i);
      assertThat(schedule.after(o, List.of(Outcome.ready()))).hasValueSatisfying(d ->
          assertThat(d).isBetween(RESYNC.dividedBy(2), RESYNC.multipliedBy(3).dividedBy(2)));
    }
  }

  @Test
  void theLagOfAResyncAfterItsSlotIsReported() {
    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    Clock moving = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    RequeueSchedule s = new RequeueSchedule(POLL, RESYNC, moving, () -> 0.0);
    List<Duration> lags = new ArrayList<>();
    s.reportResyncLagTo((resource, lag) -> lags.add(lag));

    Duration slot = s.after(one, List.of(Outcome.ready())).orElseThrow();
    now[0] = now[0].plus(slot).plusSeconds(7);
    s.after(one, List.of(Outcome.deferred("budget", Duration.ofSeconds(2))));
    assertThat(lags).as("a deferred check is not done yet").isEmpty();
    now[0] = now[0].plusSeconds(2);
    s.after(one, List.of(Outcome.ready()));
    assertThat(lags).containsExactly(Duration.ofSeconds(9));
  }

  @Test
  void aConvergedObjectIsPacedOnlyOnItsFirstPass() {
    assertThat(schedule.pacedStart(one, false)).as("not converged: goes first").isEmpty();
    assertThat(schedule.pacedStart(two, true)).hasValueSatisfying(d -> assertThat(d).isLessThanOrEqualTo(RESYNC));
    assertThat(schedule.pacedStart(two, true)).as("its slot's pass goes ahead").isEmpty();
  }

  private static ConfigMap object(String name) {
    return new ConfigMapBuilder().withNewMetadata().withNamespace("ns").withName(name).endMetadata().build();
  }
}
