package dev.uba.operator.aws.shared;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tags of the operator's resources in one account and region, read a hundred at a time (the
 * Resource Groups Tagging API's GetResources, filtered on the managed-by tag) instead of one
 * ListTags call per resource and pass, and shared by every object of the region: a
 * {@link ScannedIndex} of tags, whose freshness rules it follows (never older than the resync
 * interval; a change behind the operator's back seen within two intervals).
 *
 * <p>Resources are named by a key, {@code service:resource} as in their ARN without partition,
 * region and account ({@code kinesis:stream/clicks}, {@code cloudwatch:alarm:spikes}); see
 * {@link #key}. A resource the index does not hold (created moments ago, or not the operator's: no
 * managed-by tag) is read on its own by the caller ({@link #tagsOf}), so the ownership check sees the
 * resource's real tags.
 */
public final class TagIndex {
  /** One page of GetResources: tags by ARN, and the token of the next page (null or empty: the last). */
  public record Page(Map<String, Map<String, String>> tagsByArn, String nextToken) {}

  /** Reads the page a token names (null: the first). */
  @FunctionalInterface
  public interface Pages {
    Page read(String token);
  }

  private final ScannedIndex<Map<String, String>> index;

  /**
   * @param pages reads GetResources' pages
   * @param maxAge the oldest tags the index answers with (the resync interval)
   * @param scanner where scans run (a thread of their own)
   */
  public TagIndex(Pages pages, Duration maxAge, Clock clock, ScannedIndex.Scheduler scanner) {
    this(new ScannedIndex<>("GetResources", token -> byKey(pages.read(token)), maxAge, clock, scanner));
  }

  private TagIndex(ScannedIndex<Map<String, String>> index) {
    this.index = index;
  }

  /** An index that holds nothing and never scans: every resource reads its own tags. */
  public static TagIndex none() {
    return new TagIndex(ScannedIndex.none("GetResources"));
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
    return index.valueOf(key, () -> Map.copyOf(ownRead.get()));
  }

  /** The tags the index holds for the resource, if fresh enough; starts a scan when one is due. */
  public Optional<Map<String, String>> lookup(String key) {
    return index.lookup(key);
  }

  /** The operator has just written these tags (created or tagged the resource): they are its tags now. */
  public void record(String key, Map<String, String> tags) {
    index.record(key, Map.copyOf(tags));
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
    index.forget(key);
  }

  private static ScannedIndex.Page<Map<String, String>> byKey(Page page) {
    Map<String, Map<String, String>> byKey = new LinkedHashMap<>();
    page.tagsByArn().forEach((arn, tags) -> byKey.put(key(arn), Map.copyOf(tags)));
    return new ScannedIndex.Page<>(byKey, page.nextToken());
  }
}
