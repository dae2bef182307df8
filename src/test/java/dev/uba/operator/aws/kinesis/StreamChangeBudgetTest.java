package dev.uba.operator.aws.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamChangeBudgetTest {
  private static final Instant NOW = Instant.parse("2024-05-02T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static List<String> times(Instant... instants) {
    List<String> out = new ArrayList<>();
    for (Instant i : instants) {
      out.add(i.toString());
    }
    return out;
  }

  private static List<String> hoursAgo(int... hours) {
    List<String> out = new ArrayList<>();
    for (int h : hours) {
      out.add(NOW.minus(Duration.ofHours(h)).toString());
    }
    return out;
  }

  @Test
  void aFreshStreamMayScaleAndSwitchMode() {
    StreamChangeBudget budget = new StreamChangeBudget(CLOCK, null, List.of());
    assertThat(budget.shardUpdateAllowed()).isTrue();
    assertThat(budget.modeSwitchAllowed()).isTrue();
  }

  @Test
  void tenShardUpdatesPerRolling24Hours() {
    StreamChangeBudget budget = new StreamChangeBudget(CLOCK, List.of(), List.of());
    for (int i = 0; i < 10; i++) {
      assertThat(budget.shardUpdateAllowed()).as("call %d", i + 1).isTrue();
      budget.recordShardUpdate();
    }
    assertThat(budget.shardUpdateAllowed()).isFalse();
    assertThat(budget.shardUpdates()).hasSize(10).allMatch(t -> t.equals(NOW.toString()));
    assertThat(budget.nextShardUpdateAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
  }

  @Test
  void twoModeSwitchesPerRolling24Hours() {
    StreamChangeBudget budget = new StreamChangeBudget(CLOCK, List.of(), hoursAgo(3));
    assertThat(budget.modeSwitchAllowed()).isTrue();
    budget.recordModeSwitch();
    assertThat(budget.modeSwitchAllowed()).isFalse();
    assertThat(budget.nextModeSwitchAt()).isEqualTo(NOW.minus(Duration.ofHours(3)).plus(Duration.ofHours(24)));
    assertThat(budget.modeSwitches()).hasSize(2);
  }

  @Test
  void callsRecordedInStatusCount() {
    StreamChangeBudget budget = new StreamChangeBudget(CLOCK, hoursAgo(1, 2, 3, 4, 5, 6, 7, 8, 9, 23), hoursAgo(1, 20));
    assertThat(budget.shardUpdateAllowed()).isFalse();
    assertThat(budget.modeSwitchAllowed()).isFalse();
    // the oldest call (23 h ago) leaves the window in an hour
    assertThat(budget.nextShardUpdateAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    assertThat(budget.nextModeSwitchAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
  }

  @Test
  void callsOlderThan24HoursDropOutOfTheWindow() {
    StreamChangeBudget budget = new StreamChangeBudget(CLOCK,
        hoursAgo(1, 2, 3, 4, 5, 6, 7, 8, 9, 25, 30, 48), hoursAgo(25, 26));
    assertThat(budget.shardUpdates()).hasSize(9);
    assertThat(budget.shardUpdateAllowed()).isTrue();
    assertThat(budget.modeSwitches()).isEmpty();
    assertThat(budget.modeSwitchAllowed()).isTrue();
  }

  @Test
  void theWindowRollsWithTheClock() {
    List<String> recorded = times(NOW.minus(Duration.ofHours(23)), NOW.minus(Duration.ofHours(22)));
    assertThat(new StreamChangeBudget(CLOCK, List.of(), recorded).modeSwitchAllowed()).isFalse();
    Clock later = Clock.fixed(NOW.plus(Duration.ofMinutes(61)), ZoneOffset.UTC);
    assertThat(new StreamChangeBudget(later, List.of(), recorded).modeSwitchAllowed()).isTrue();
  }

  @Test
  void recordedTimesAreReportedOldestFirst() {
    StreamChangeBudget budget = new StreamChangeBudget(CLOCK, hoursAgo(2, 5, 1), List.of());
    budget.recordShardUpdate();
    assertThat(budget.shardUpdates()).containsExactly(
        NOW.minus(Duration.ofHours(5)).toString(), NOW.minus(Duration.ofHours(2)).toString(),
        NOW.minus(Duration.ofHours(1)).toString(), NOW.toString());
  }
}
