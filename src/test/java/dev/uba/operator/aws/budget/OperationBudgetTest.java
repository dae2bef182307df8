package dev.uba.operator.aws.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token bucket with AIMD, on a test clock: counts of calls per second, not timings. */
class OperationBudgetTest {
  private static final long SECOND = 1_000_000_000L;
  private static final Duration NO_WAIT = Duration.ZERO;

  @Test
  void callsAreSpacedAtTheRateAndNeverMoreThanItAllowsInAnySecond() {
    OperationBudget budget = new OperationBudget(2.5, 0);
    List<Long> sent = new ArrayList<>();
    // Ten callers asking every 10 ms for 20 s, more than ten times the rate.
    for (long t = 0; t < 20 * SECOND; t += SECOND / 100) {
      if (!budget.take(t, NO_WAIT).refused()) {
        sent.add(t);
      }
    }
    assertThat(sent).hasSizeBetween(49, 51);
    for (long second = 0; second < 20; second++) {
      long from = second * SECOND;
      assertThat(sent.stream().filter(t -> t >= from && t < from + SECOND).count())
          .as("calls in second %d", second).isLessThanOrEqualTo(3);
    }
  }

  @Test
  void aShortWaitTakesBudgetAheadAndALongOneIsRefusedWithoutTakingAny() {
    OperationBudget budget = new OperationBudget(10, 0);
    assertThat(budget.take(0, Duration.ofMillis(250)).kind()).isEqualTo(OperationBudget.Decision.Kind.NOW);
    OperationBudget.Decision second = budget.take(0, Duration.ofMillis(250));
    assertThat(second.kind()).isEqualTo(OperationBudget.Decision.Kind.AFTER_WAIT);
    assertThat(second.delay()).isEqualTo(Duration.ofMillis(100));
    OperationBudget.Decision third = budget.take(0, Duration.ofMillis(250));
    assertThat(third.delay()).isEqualTo(Duration.ofMillis(200));
    OperationBudget.Decision fourth = budget.take(0, Duration.ofMillis(250));
    assertThat(fourth.refused()).isTrue();
    assertThat(fourth.delay()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void aCallerMayWaitOneSpacingOfASlowOperationButNoMore() {
    OperationBudget budget = new OperationBudget(2.5, 0);
    budget.take(0, Duration.ofMillis(250));
    OperationBudget.Decision second = budget.take(0, Duration.ofMillis(250));
    assertThat(second.kind()).as("the same pass's second call").isEqualTo(OperationBudget.Decision.Kind.AFTER_WAIT);
    assertThat(second.delay()).isEqualTo(Duration.ofMillis(400));
    assertThat(budget.take(0, Duration.ofMillis(250)).refused()).as("a third caller in the same instant").isTrue();
    OperationBudget slow = new OperationBudget(0.1, 0);
    slow.take(0, Duration.ofMillis(250));
    assertThat(slow.take(0, Duration.ofMillis(250)).refused()).as("never more than a second's wait").isTrue();
  }

  @Test
  void refusedCallersAreToldToComeBackOneSpacingApartNotAllAtOnce() {
    OperationBudget budget = new OperationBudget(2, 0);
    budget.take(0, NO_WAIT);
    List<Duration> comeBack = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      comeBack.add(budget.take(0, NO_WAIT).delay());
    }
    assertThat(comeBack).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(1500),
        Duration.ofMillis(2000));
  }

  @Test
  void aCallThatCanDoWithoutBudgetTakesItOnlyWhenThereAndBooksNoTurnOtherwise() {
    OperationBudget budget = new OperationBudget(2, 0);
    assertThat(budget.takeIfThere(0)).isTrue();
    for (int i = 0; i < 3; i++) {
      assertThat(budget.takeIfThere(0)).as("no budget left in the same instant").isFalse();
    }
    assertThat(budget.take(0, NO_WAIT).delay()).as("the first caller refused after them comes back first")
        .isEqualTo(Duration.ofMillis(500));
    assertThat(budget.takeIfThere(Duration.ofMillis(500).toNanos())).as("a spacing later").isTrue();
  }

  @Test
  void throttlingCutsTheRateOncePerBurstDownToAFloorAndTheRateRecoversSlowly() {
    OperationBudget budget = new OperationBudget(10, 0);
    budget.throttled(0);
    assertThat(budget.rate(0)).isEqualTo(7.0);
    budget.throttled(SECOND / 2);
    assertThat(budget.rate(SECOND / 2)).as("answers to calls sent at one rate count once").isCloseTo(7.0 + 10.0 / 40, within());
    for (int i = 1; i <= 10; i++) {
      budget.throttled(i * 1100 * SECOND / 1000);
    }
    assertThat(budget.rate(11 * SECOND)).as("the floor").isEqualTo(2.5);
    // Additive increase: the target (10/s) comes back over 20 s, half of it every 10 s.
    assertThat(budget.rate(21 * SECOND)).isCloseTo(2.5 + 5.0, within());
    assertThat(budget.rate(26 * SECOND)).isCloseTo(10.0, within());
    assertThat(budget.rate(200 * SECOND)).isEqualTo(10.0);
  }

  @Test
  void afterThrottlingFewerCallsGetThrough() {
    OperationBudget budget = new OperationBudget(4, 0);
    budget.throttled(0);
    int sent = 0;
    for (long t = 0; t < SECOND; t += SECOND / 100) {
      sent += budget.take(t, NO_WAIT).refused() ? 0 : 1;
    }
    assertThat(sent).as("about 2.8/s instead of 4/s, the bucket emptied at the throttle").isBetween(2, 3);
  }

  @Test
  void utilizationIsTheShareOfTheRateUsedOverTheLastWindow() {
    OperationBudget budget = new OperationBudget(2, 0);
    for (long t = 0; t < 10 * SECOND; t += SECOND) {
      budget.take(t, NO_WAIT);
    }
    assertThat(budget.utilization(10 * SECOND)).as("10 calls of the 20 allowed in 10 s").isEqualTo(0.5);
    assertThat(budget.utilization(25 * SECOND)).as("an idle window").isZero();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }
}
