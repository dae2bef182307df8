package dev.uba.operator.aws.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * The tags of the operator's resources in one account and region, read a hundred at a time (the
 * Resource Groups Tagging API's GetResources, filtered on the managed-by tag) instead of one
 * ListTags call per resource and pass, and shared by every object of the region.
 *
 * <p>Resources are named by a key, {@code service:resource} as in their ARN without partition,
 * region and account ({@code kinesis:stream/clicks}, {@code cloudwatch:alarm:spikes}); see
 * {@link #key}. What the index answers is never older than {@code maxAge} (the resync interval):
 * an entry older than that, or a resource the index does not hold (created moments ago, or not the
 * operator's: no managed-by tag), is read on its own by the caller ({@link #tagsOf}), so the
 * ownership check sees the resource's real tags. A scan starts in the background once the last one
 * is half that age and the index was asked at least twice since (a lone resource keeps its own
 * cheaper read), and while the index was asked within the last interval the next one follows half
 * an interval after: passes that come in bursts a resync apart then still find tags younger than
 * the interval. No reconcile
 * thread waits for a scan. Tags the operator writes are recorded as written
 * ({@link #record}), and a resource it deletes is forgotten ({@link #forget}), so a scan that was
 * already running cannot bring back what came before.
 *
 * <p>With every object resynced once per {@code maxAge}, a change made to a resource's tags behind
 * the operator's back is seen within two intervals: by the first pass that reads a scan started after
 * the change (scans follow each other every half interval) or the resource's own read.
 */
public final class TagIndex {
  private static final Logger LOG = LoggerFactory.getLogger(TagIndex.class);

  /** One page of GetResources: tags by ARN, and the token of the next page (null or empty: the last). */
  public record Page(Map<String, Map<String, String>> tagsByArn, String nextToken) {
    boolean last() {
      return nextToken == null || nextToken.isEmpty();
    }
  }

  /** Reads the page a token names (null: the first). */
  @FunctionalInterface
  public interface Pages {
    Page read(String token);
  }

  /** Runs a task after a delay, on a thread that is not a reconcile thread. */
  @FunctionalInterface
  public interface Scheduler {
    void schedule(Runnable task, Duration delay);
  }

  /** Tags as of {@code at}; null tags: deleted by the operator at {@code at}. */
  private record Entry(Map<String, String> tags, Instant at) {}

  private final Pages pages;
  private final Duration maxAge;
  private final Clock clock;
  private final Scheduler scanner;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicBoolean scanning = new AtomicBoolean();
  private final AtomicInteger askedSinceScan = new AtomicInteger();
  private volatile Instant lastScanStart = Instant.MIN;
  private volatile Instant lastAsked = Instant.MIN;
  private volatile boolean warned;

  /**
   * @param pages reads GetResources' pages
   * @param maxAge the oldest tags the index answers with (the resync interval)
   * @param scanner where scans run (a thread of their own)
   */
  public TagIndex(Pages pages, Duration maxAge, Clock clock, Scheduler scanner) {
    this.pages = pages;
    this.maxAge = maxAge;
    this.clock = clock;
    this.scanner = scanner;
  }

  /** An index that holds nothing and never scans: every resource reads its own tags. */
  public static TagIndex none() {
    return new TagIndex(token -> new Page(Map.of(), null), Duration.ZERO, Clock.systemUTC(), (task, delay) -> { });
  }

  /** The key of an ARN: {@code service:resource}, a log group's trailing ":*" dropped. */
  public static String key(String arn) {
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      throw new IllegalArgumentException("not an ARN: " + arn);
    }
    String resource = parts[5].endsWith(":*") ? parts[5].substring(0, parts[5].length() - 2) : parts[5];
    return parts[2] + ":" + resource;
  }

  /** The key of a resource of {@code service} whose ARN ends with {@code resource}. */
  public static String key(String service, String resource) {
    return service + ":" + resource;
  }

  /**
   * The resource's tags from the index when it holds them fresh enough; otherwise read by
   * {@code ownRead} (ListTagsForStream, ListTagsForResource, ...) and recorded.
   */
  public Map<String, String> tagsOf(String key, Supplier<Map<String, String>> ownRead) {
    Optional<Map<String, String>> indexed = lookup(key);
    if (indexed.isPresent()) {
      return indexed.get();
    }
    Instant readAt = clock.instant();
    Map<String, String> tags = ownRead.get();
    if (!maxAge.isZero()) {
      entries.merge(key, new Entry(Map.copyOf(tags), readAt), TagIndex::newer);
    }
    return tags;
  }

  /** The tags the index holds for the resource, if fresh enough; starts a scan when one is due. */
  public Optional<Map<String, String>> lookup(String key) {
    askedSinceScan.incrementAndGet();
    Instant now = clock.instant();
    lastAsked = now;
    scanIfDue(now);
    Entry e = entries.get(key);
    if (e == null || e.tags() == null || !now.isBefore(e.at().plus(maxAge))) {
      return Optional.empty();
    }
    return Optional.of(e.tags());
  }

  /** The operator has just written these tags (created or tagged the resource): they are its tags now. */
  public void record(String key, Map<String, String> tags) {
    entries.put(key, new Entry(Map.copyOf(tags), clock.instant()));
  }

  /**
   * The tags after the operator changed {@code before} to {@code desired}: the desired ones, and the
   * tags AWS reserves (aws:*), which the operator never changes.
   */
  public void recordChanged(String key, Map<String, String> before, Map<String, String> desired) {
    Map<String, String> after = new LinkedHashMap<>();
    before.forEach((k, v) -> {
      if (k.startsWith("aws:")) {
        after.put(k, v);
      }
    });
    after.putAll(desired);
    record(key, after);
  }

  /** The operator has deleted the resource. */
  public void forget(String key) {
    entries.put(key, new Entry(null, clock.instant()));
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
      Map<String, Map<String, String>> found = new HashMap<>();
      String token = null;
      Page page;
      do {
        page = pages.read(token);
        page.tagsByArn().forEach((arn, tags) -> found.put(key(arn), Map.copyOf(tags)));
        token = page.nextToken();
      } while (!page.last());
      merge(found, start);
      warned = false;
    } catch (RuntimeException e) {
      // Each resource reads its own tags meanwhile; the next scan is due in half an interval.
      if (!warned) {
        LOG.warn("Reading tags with GetResources failed; resources read their own tags until it works: {}",
            e.toString());
        warned = true;
      }
    } finally {
      scanning.set(false);
    }
    scheduleNext(start);
  }

  private void merge(Map<String, Map<String, String>> found, Instant start) {
    entries.entrySet().removeIf(e -> !found.containsKey(e.getKey()) && !e.getValue().at().isAfter(start));
    found.forEach((key, tags) -> entries.merge(key, new Entry(tags, start), TagIndex::newer));
  }

  private static Entry newer(Entry a, Entry b) {
    return b.at().isAfter(a.at()) ? b : a;
  }
}
