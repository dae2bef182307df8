package dev.uba.operator.aws.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A describe call that takes several names (CloudWatch DescribeAlarms: 100, OpenSearch
 * DescribeDomains: 5), shared by the objects of a region. A pass that describes its resource asks
 * for it together with the resources of other objects whose passes are due within {@code ttl}
 * (each name's next pass is expected one of its own intervals after its last, the resync interval
 * at first); what came back for them is kept for those passes, each value used once and only
 * within {@code ttl} of the read. So a value a pass sees is never older than {@code ttl}, and a
 * pass whose value is missing or too old makes the call itself, with the others due then: no
 * thread waits for another's call.
 *
 * <p>Values a type cannot rely on for long (a domain being created or changed, whose next
 * describe must show the change) are not kept ({@code keep}). Anything the operator writes to a
 * resource is forgotten ({@link #forget}), so the pass's next describe reads it afresh.
 *
 * @param <V> what AWS returns for one name (a MetricAlarm, a DomainStatus)
 */
public final class BatchedDescribe<V> {
  private record Kept<V>(V value, Instant readAt) {}

  /** When a name was last asked for, and how long its passes are apart. */
  private record Asked(Instant last, Duration every) {
    Instant expected() {
      return last.plus(every);
    }
  }

  private final int maxNames;
  private final Duration ttl;
  private final Duration firstInterval;
  private final Clock clock;
  private final Function<List<String>, Map<String, V>> describe;
  private final Predicate<V> keep;
  private final Map<String, Kept<V>> kept = new ConcurrentHashMap<>();
  private final Map<String, Asked> asked = new ConcurrentHashMap<>();

  /**
   * @param maxNames how many names one call takes
   * @param ttl how long a value read for another pass may be used
   * @param firstInterval the interval expected of a name asked for once (the resync interval)
   * @param describe one call for the names given; the values found by name (a missing name is absent)
   * @param keep whether a value may be kept for another pass
   */
  public BatchedDescribe(int maxNames, Duration ttl, Duration firstInterval, Clock clock,
      Function<List<String>, Map<String, V>> describe, Predicate<V> keep) {
    this.maxNames = maxNames;
    this.ttl = ttl;
    this.firstInterval = firstInterval;
    this.clock = clock;
    this.describe = describe;
    this.keep = keep;
  }

  /** A describe of one name at a time, as if there were no other objects. */
  public static <V> BatchedDescribe<V> single(Function<List<String>, Map<String, V>> describe) {
    return new BatchedDescribe<>(1, Duration.ZERO, Duration.ZERO, Clock.systemUTC(), describe, v -> false);
  }

  /** The resource's description, empty when AWS has none. */
  public Optional<V> describe(String name) {
    Instant now = clock.instant();
    noteAsked(name, now);
    Kept<V> k = kept.remove(name);
    if (k != null && now.isBefore(k.readAt().plus(ttl))) {
      return Optional.of(k.value());
    }
    List<String> names = new ArrayList<>();
    names.add(name);
    names.addAll(dueSoon(name, now));
    Map<String, V> found = describe.apply(names);
    for (String other : names.subList(1, names.size())) {
      V value = found.get(other);
      if (value != null && keep.test(value)) {
        kept.put(other, new Kept<>(value, now));
      }
    }
    return Optional.ofNullable(found.get(name));
  }

  /** The operator has written to the resource: its next describe reads it afresh. */
  public void forget(String name) {
    kept.remove(name);
  }

  /**
   * Names other than {@code name} whose passes are expected within {@code ttl} of now (or were due
   * as long ago), with no value kept for them, soonest first; names not asked for in two of their
   * intervals are dropped.
   */
  private List<String> dueSoon(String name, Instant now) {
    if (maxNames <= 1) {
      return List.of();
    }
    kept.entrySet().removeIf(e -> !now.isBefore(e.getValue().readAt().plus(ttl)));
    asked.entrySet().removeIf(e -> now.isAfter(
        e.getValue().last().plus(e.getValue().every().multipliedBy(2)).plus(ttl)));
    Instant from = now.minus(ttl);
    Instant to = now.plus(ttl);
    return asked.entrySet().stream()
        .filter(e -> !e.getKey().equals(name) && !kept.containsKey(e.getKey()))
        .filter(e -> !e.getValue().expected().isBefore(from) && !e.getValue().expected().isAfter(to))
        .sorted(Comparator.comparing(e -> e.getValue().expected()))
        .limit(maxNames - 1L)
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * A pass's interval is the time since the name's last ask, once that is longer than {@code ttl}
   * (a pass may describe its resource twice, around a write).
   */
  private void noteAsked(String name, Instant now) {
    if (maxNames <= 1) {
      return;
    }
    asked.compute(name, (n, before) -> {
      if (before == null) {
        return new Asked(now, firstInterval);
      }
      Duration gap = Duration.between(before.last(), now);
      return gap.compareTo(ttl) > 0 ? new Asked(now, gap) : new Asked(now, before.every());
    });
  }
}
