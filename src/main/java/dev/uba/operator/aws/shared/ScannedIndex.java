package dev.uba.operator.aws.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value of each of the operator's resources (their tags, a policy's default version), read many at
 * a time by a paged listing instead of one call per resource and pass, and shared by every object.
 *
 * <p>What the index answers is never older than {@code maxAge} (the resync interval): an entry older
 * than that, or a resource the listing does not hold (created moments ago, or not the operator's),
 * is read on its own by the caller ({@link #valueOf}). A scan starts in the background once the last
 * one is half that age and the index was asked at least twice since (a lone resource keeps its own
 * cheaper read), and while the index was asked within the last interval the next one follows half an
 * interval after: passes that come in bursts a resync apart then still find values younger than the
 * interval. No reconcile thread waits for a scan. Values the operator writes are recorded as written
 * ({@link #record}), and a resource it deletes is forgotten ({@link #forget}), so a scan that was
 * already running cannot bring back what came before.
 *
 * <p>With every object resynced once per {@code maxAge}, a change made behind the operator's back is
 * seen within two intervals: by the first pass that reads a scan started after the change (scans
 * follow each other every half interval) or the resource's own read.
 *
 * @param <V> the value the listing reports for each resource
 */
public final class ScannedIndex<V> {
  private static final Logger LOG = LoggerFactory.getLogger(ScannedIndex.class);

  /** One page of the listing: values by key, and the token of the next page (null or empty: the last). */
  public record Page<V>(Map<String, V> byKey, String nextToken) {
    boolean last() {
      return nextToken == null || nextToken.isEmpty();
    }
  }

  /** Reads the page a token names (null: the first). */
  @FunctionalInterface
  public interface Pages<V> {
    Page<V> read(String token);
  }

  /** Runs a task after a delay, on a thread that is not a reconcile thread. */
  @FunctionalInterface
  public interface Scheduler {
    void schedule(Runnable task, Duration delay);
  }

  /** The value as of {@code at}; null: deleted by the operator at {@code at}. */
  private record Entry<V>(V value, Instant at) {}

  private final String listing;
  private final Pages<V> pages;
  private final Duration maxAge;
  private final Clock clock;
  private final Scheduler scanner;
  private final Map<String, Entry<V>> entries = new ConcurrentHashMap<>();
  private final AtomicBoolean scanning = new AtomicBoolean();
  private final AtomicInteger askedSinceScan = new AtomicInteger();
  private volatile Instant lastScanStart = Instant.MIN;
  private volatile Instant lastAsked = Instant.MIN;
  private volatile boolean warned;

  /**
   * @param listing the listing call, as the warning of a failed scan names it
   * @param pages reads the listing's pages
   * @param maxAge the oldest value the index answers with (the resync interval); zero: never scans
   * @param scanner where scans run (a thread of their own)
   */
  public ScannedIndex(String listing, Pages<V> pages, Duration maxAge, Clock clock, Scheduler scanner) {
    this.listing = listing;
    this.pages = pages;
    this.maxAge = maxAge;
    this.clock = clock;
    this.scanner = scanner;
  }

  /** An index that holds nothing and never scans: every resource is read on its own. */
  public static <V> ScannedIndex<V> none(String listing) {
    return new ScannedIndex<>(listing, token -> new Page<>(Map.of(), null), Duration.ZERO, Clock.systemUTC(),
        (task, delay) -> { });
  }

  /** The resource's value from the index when fresh enough; otherwise read by {@code ownRead} and recorded. */
  public V valueOf(String key, Supplier<V> ownRead) {
    Optional<V> indexed = lookup(key);
    if (indexed.isPresent()) {
      return indexed.get();
    }
    Instant readAt = clock.instant();
    V value = ownRead.get();
    if (!maxAge.isZero()) {
      entries.merge(key, new Entry<>(value, readAt), ScannedIndex::newer);
    }
    return value;
  }

  /** The value the index holds for the resource, if fresh enough; starts a scan when one is due. */
  public Optional<V> lookup(String key) {
    askedSinceScan.incrementAndGet();
    Instant now = clock.instant();
    lastAsked = now;
    scanIfDue(now);
    Entry<V> e = entries.get(key);
    if (e == null || e.value() == null || !now.isBefore(e.at().plus(maxAge))) {
      return Optional.empty();
    }
    return Optional.of(e.value());
  }

  /** The operator has just written this value: it is the resource's value now. */
  public void record(String key, V value) {
    entries.put(key, new Entry<>(value, clock.instant()));
  }

  /** The operator has deleted the resource. */
  public void forget(String key) {
    entries.put(key, new Entry<>(null, clock.instant()));
  }

  /** The oldest value the index answers with. */
  public Duration maxAge() {
    return maxAge;
  }

  private void scanIfDue(Instant now) {
    if (!maxAge.isZero() && askedSinceScan.get() >= 2 && !now.isBefore(lastScanStart.plus(maxAge.dividedBy(2)))) {
      startScan(now);
    }
  }

  private void startScan(Instant now) {
    if (!scanning.compareAndSet(false, true)) {
      return;
    }
    lastScanStart = now;
    askedSinceScan.set(0);
    try {
      scanner.schedule(() -> scan(now), Duration.ZERO);
    } catch (RejectedExecutionException shuttingDown) {
      scanning.set(false);
    }
  }

  /**
   * Half an interval after the scan that started at {@code start}, while the index was asked within
   * the last interval (passes may take longer than half an interval to come round again).
   */
  private void scheduleNext(Instant start) {
    if (!clock.instant().isBefore(lastAsked.plus(maxAge))) {
      return; // not in use: the next lookups start a scan
    }
    Instant due = start.plus(maxAge.dividedBy(2));
    Duration delay = Duration.between(clock.instant(), due);
    try {
      scanner.schedule(() -> {
        Instant now = clock.instant();
        if (!now.isBefore(lastScanStart.plus(maxAge.dividedBy(2)))) {
          startScan(now);
        }
      }, delay.isNegative() ? Duration.ZERO : delay);
    } catch (RejectedExecutionException shuttingDown) {
      // the operator stops
    }
  }

  /** All pages, then one merge: what was recorded since the scan started stays. */
  private void scan(Instant start) {
    try {
      Map<String, V> found = new HashMap<>();
      String token = null;
      Page<V> page;
      do {
        page = pages.read(token);
        found.putAll(page.byKey());
        token = page.nextToken();
      } while (!page.last());
      merge(found, start);
      warned = false;
    } catch (RuntimeException e) {
      // Each resource reads its own value meanwhile; the next scan is due in half an interval.
      if (!warned) {
        LOG.warn("Reading with {} failed; resources are read one by one until it works: {}", listing, e.toString());
        warned = true;
      }
    } finally {
      scanning.set(false);
    }
    scheduleNext(start);
  }

  private void merge(Map<String, V> found, Instant start) {
    entries.entrySet().removeIf(e -> !found.containsKey(e.getKey()) && !e.getValue().at().isAfter(start));
    found.forEach((key, value) -> entries.merge(key, new Entry<>(value, start), ScannedIndex::newer));
  }

  private static <V> Entry<V> newer(Entry<V> a, Entry<V> b) {
    return b.at().isAfter(a.at()) ? b : a;
  }
}
