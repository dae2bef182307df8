package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResyncSlotsTest {
  private static final Duration INTERVAL = Duration.ofMinutes(10);
  private static final Instant NOW = Instant.parse("2026-01-01T12:34:56.789Z");

  @Test
  void tenThousandObjectsAppliedAtOnceSpreadEvenlyOverTheInterval() {
    Random random = new Random(12);
    int[] perMinute = new int[10];
    for (int i = 0; i < 10_000; i++) {
      String uid = new UUID(random.nextLong(), random.nextLong()).toString();
      Instant next = NOW.plus(ResyncSlots.first(uid, NOW, INTERVAL, random.nextDouble()));
      long offsetInInterval = Math.floorMod(next.toEpochMilli(), INTERVAL.toMillis());
      perMinute[(int) (offsetInInterval / 60_000)]++;
    }
    // 1,000 per minute expected; a uniform spread stays within a few percent of it.
    for (int minute = 0; minute < 10; minute++) {
      assertThat(perMinute[minute]).as("objects due in minute %d of the interval", minute).isBetween(900, 1100);
    }
  }

  @Test
  void namesThatDifferInOneCharacterStillSpread() {
    int[] perMinute = new int[10];
    for (int i = 0; i < 1000; i++) {
      perMinute[(int) (ResyncSlots.offset("tenant/pipeline-" + i, INTERVAL).toMillis() / 60_000)]++;
    }
    for (int count : perMinute) {
      assertThat(count).isBetween(60, 140);
    }
  }

  @Test
  void theNextCheckIsBetweenHalfAndOneAndAHalfIntervalsAwayAndAtTheSameSlotEveryInterval() {
    String uid = UUID.randomUUID().toString();
    Duration first = ResyncSlots.next(uid, NOW, INTERVAL, 0);
    assertThat(first).isBetween(INTERVAL.dividedBy(2), INTERVAL.multipliedBy(3).dividedBy(2));
    Instant slot = NOW.plus(first);
    assertThat(ResyncSlots.next(uid, slot, INTERVAL, 0)).as("steady state: one interval").isEqualTo(INTERVAL);
    assertThat(Math.floorMod(slot.toEpochMilli(), INTERVAL.toMillis()))
        .isEqualTo(ResyncSlots.offset(uid, INTERVAL).toMillis());
  }

  @Test
  void everyObjectIsCheckedAtLeastOncePerTwoIntervalsWhateverTheJitter() {
    Random random = new Random(3);
    for (int i = 0; i < 1000; i++) {
      String uid = UUID.randomUUID().toString();
      Instant at = NOW.plusMillis(random.nextInt(1_000_000));
      assertThat(ResyncSlots.next(uid, at, INTERVAL, random.nextDouble())).isLessThan(INTERVAL.multipliedBy(2));
      assertThat(ResyncSlots.first(uid, at, INTERVAL, random.nextDouble()))
          .isLessThanOrEqualTo(INTERVAL.plus(ResyncSlots.MAX_JITTER));
    }
  }

  @Test
  void theJitterIsSmall() {
    String uid = "a";
    Duration without = ResyncSlots.next(uid, NOW, INTERVAL, 0);
    Duration with = ResyncSlots.next(uid, NOW, INTERVAL, 0.999);
    assertThat(with.minus(without)).isBetween(Duration.ZERO, Duration.ofSeconds(6));
    assertThat(ResyncSlots.next(uid, NOW, Duration.ofHours(10), 0.999).minus(ResyncSlots.next(uid, NOW,
        Duration.ofHours(10), 0))).isLessThanOrEqualTo(ResyncSlots.MAX_JITTER);
  }
}
