package dev.uba.operator.aws.kinesis;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS allows 10 UpdateShardCount calls and 2 UpdateStreamMode calls per stream in a rolling 24
 * hours (Kinesis API reference, UpdateShardCount and UpdateStreamMode). The operator keeps the times
 * of its own calls in status so that a correction it cannot make is reported instead of looped.
 */
public final class StreamChangeBudget {
  static final int SHARD_UPDATES_PER_DAY = 10;
  static final int MODE_SWITCHES_PER_DAY = 2;
  private static final Duration WINDOW = Duration.ofHours(24);

  private final Clock clock;
  private final List<Instant> shardUpdates;
  private final List<Instant> modeSwitches;

  public StreamChangeBudget(Clock clock, List<String> shardUpdates, List<String> modeSwitches) {
    this.clock = clock;
    this.shardUpdates = recent(shardUpdates);
    this.modeSwitches = recent(modeSwitches);
  }

  public boolean shardUpdateAllowed() {
    return shardUpdates.size() < SHARD_UPDATES_PER_DAY;
  }

  public boolean modeSwitchAllowed() {
    return modeSwitches.size() < MODE_SWITCHES_PER_DAY;
  }

  public void recordShardUpdate() {
    shardUpdates.add(clock.instant());
  }

  public void recordModeSwitch() {
    modeSwitches.add(clock.instant());
  }

  public List<String> shardUpdates() {
    return shardUpdates.stream().map(Instant::toString).toList();
  }

  public List<String> modeSwitches() {
    return modeSwitches.stream().map(Instant::toString).toList();
  }

  /** When the oldest call in the window leaves it, i.e. when the next call is allowed again. */
  public Instant nextShardUpdateAt() {
    return shardUpdates.isEmpty() ? clock.instant() : shardUpdates.get(0).plus(WINDOW);
  }

  public Instant nextModeSwitchAt() {
    return modeSwitches.isEmpty() ? clock.instant() : modeSwitches.get(0).plus(WINDOW);
  }

  private List<Instant> recent(List<String> times) {
    Instant since = clock.instant().minus(WINDOW);
    List<Instant> kept = new ArrayList<>();
    if (times != null) {
      times.stream().map(Instant::parse).filter(t -> t.isAfter(since)).sorted().forEach(kept::add);
    }
    return kept;
  }
}
