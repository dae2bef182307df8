package dev.uba.operator.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The ownership tags of the contract and the decision whether a resource may be touched. */
public final class Ownership {
  public static final String MANAGED_BY = "uba.dev/managed-by";
  public static final String MANAGED_BY_VALUE = "uba-operator";
  public static final String OWNER = "uba.dev/owner";
  /** Held on every object until AWS confirms its resources are gone (or deletionPolicy is Retain). */
  public static final String FINALIZER = "uba.dev/finalizer";

  private Ownership() {}

  /** The spec's tags plus the two ownership tags, the latter last so they cannot be overridden. */
  public static Map<String, String> tags(Map<String, String> specTags, String ownerId) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (specTags != null) {
      tags.putAll(specTags);
    }
    tags.put(MANAGED_BY, MANAGED_BY_VALUE);
    tags.put(OWNER, ownerId);
    return tags;
  }

  /** Empty when the object owns the resource; otherwise why it must not be touched. */
  public static Optional<Outcome> refusal(String kind, String name, Map<String, String> actualTags, String ownerId) {
    String owner = actualTags.get(OWNER);
    if (ownerId.equals(owner)) {
      return Optional.empty();
    }
    if (owner != null) {
      return Optional.of(Outcome.degraded(Reasons.OWNED_BY_ANOTHER,
          kind + " " + name + " is owned by " + owner + "; it is left untouched"));
    }
    return Optional.of(Outcome.degraded(Reasons.ALREADY_EXISTS,
        kind + " " + name + " already exists and is not managed by this object (no " + OWNER
            + " tag); choose another name or delete it"));
  }

  /** Tag differences as typed drift; tags AWS reserves (aws:*) are ignored. */
  public static Drift tagDrift(Map<String, String> desired, Map<String, String> actual) {
    List<Difference> drift = new ArrayList<>();
    desired.forEach((k, v) -> {
      if (!v.equals(actual.get(k))) {
        drift.add(Difference.tag(k, v, actual.get(k)));
      }
    });
    actual.keySet().stream()
        .filter(k -> !k.startsWith("aws:") && !desired.containsKey(k))
        .forEach(k -> drift.add(Difference.tag(k, null, actual.get(k))));
    return Drift.of(drift);
  }

  /**
   * Brings a resource's tags to the desired set with the service's own untag and tag calls: removed
   * keys first, then added or changed values; no call when nothing differs.
   */
  public static void syncTags(Map<String, String> desired, Map<String, String> actual,
      Consumer<List<String>> untag, Consumer<Map<String, String>> tag) {
    List<String> remove = tagKeysToRemove(desired, actual);
    if (!remove.isEmpty()) {
      untag.accept(remove);
    }
    Map<String, String> set = tagsToSet(desired, actual);
    if (!set.isEmpty()) {
      tag.accept(set);
    }
  }

  /**
   * The same, acting on the tag differences of a drift already computed (see {@link #tagDrift}): the
   * update of a resource type calls the service for exactly the tags that drift names, removed keys
   * first, without comparing the tags again.
   */
  public static void syncTags(Drift drift, Consumer<List<String>> untag, Consumer<Map<String, String>> tag) {
    List<String> remove = new ArrayList<>();
    Map<String, String> set = new LinkedHashMap<>();
    for (Difference d : drift.differences()) {
      if (!d.isTag()) {
        continue;
      }
      String key = d.field().substring(Drift.TAG_PREFIX.length());
      if (d.desired() == null) {
        remove.add(key);
      } else {
        set.put(key, (String) d.desired());
      }
    }
    if (!remove.isEmpty()) {
      untag.accept(remove);
    }
    if (!set.isEmpty()) {
      tag.accept(set);
    }
  }

  /** Keys to remove so that actual matches desired; aws:* tags are never touched. */
  public static List<String> tagKeysToRemove(Map<String, String> desired, Map<String, String> actual) {
    return actual.keySet().stream().filter(k -> !k.startsWith("aws:") && !desired.containsKey(k)).toList();
  }

  /** Tags to add or change so that actual matches desired. */
  public static Map<String, String> tagsToSet(Map<String, String> desired, Map<String, String> actual) {
    Map<String, String> set = new LinkedHashMap<>();
    desired.forEach((k, v) -> {
      if (!v.equals(actual.get(k))) {
        set.put(k, v);
      }
    });
    return set;
  }
}
