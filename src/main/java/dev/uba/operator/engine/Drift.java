package dev.uba.operator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The differences between the desired and the actual state of one resource, computed once by a
 * pure function of the resource type and handed to its update, which makes exactly the calls they
 * need (ACK's {@code Delta}: {@code DifferentAt("Spec.Tags")} is {@link #has} here).
 */
public record Drift(List<Difference> differences) {
  static final String TAG_PREFIX = "tag ";

  public static final Drift NONE = new Drift(List.of());

  public Drift {
    differences = List.copyOf(differences);
  }

  public static Drift of(List<Difference> differences) {
    return new Drift(differences);
  }

  public boolean isEmpty() {
    return differences.isEmpty();
  }

  /** Whether the named field differs. */
  public boolean has(String field) {
    return differences.stream().anyMatch(d -> d.field().equals(field));
  }

  /** Whether any of the named fields differs. */
  public boolean hasAny(String... fields) {
    for (String field : fields) {
      if (has(field)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any tag differs. */
  public boolean hasTags() {
    return differences.stream().anyMatch(Difference::isTag);
  }

  /** Whether anything but the tags differs. */
  public boolean hasMoreThanTags() {
    return differences.stream().anyMatch(d -> !d.isTag());
  }

  /** The differences in readable form, one entry per field ("shards 1 -> 2", "tag team removed"). */
  public List<String> described() {
    return differences.stream().map(Difference::toString).toList();
  }

  @Override
  public String toString() {
    return String.join(", ", described());
  }

  /**
   * Collects the differences of one resource: each {@code field} call compares one field and
   * records a {@link Difference} only when the values are not equal.
   */
  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final List<Difference> differences = new ArrayList<>();

    /** Records "field actual -> desired" when the two differ. */
    public Builder field(String field, Object desired, Object actual) {
      if (!Objects.equals(desired, actual)) {
        differences.add(Difference.of(field, desired, actual));
      }
      return this;
    }

    /** Records the field by its name alone when the two differ (documents, long values). */
    public Builder named(String field, Object desired, Object actual) {
      if (!Objects.equals(desired, actual)) {
        differences.add(Difference.named(field, desired, actual));
      }
      return this;
    }

    /** Records the field when {@code differs} says so, whatever equality of the values says. */
    public Builder fieldIf(boolean differs, String field, Object desired, Object actual) {
      if (differs) {
        differences.add(Difference.of(field, desired, actual));
      }
      return this;
    }

    /** Records the field by name when {@code differs} says so (semantic comparisons). */
    public Builder namedIf(boolean differs, String field, Object desired, Object actual) {
      if (differs) {
        differences.add(Difference.named(field, desired, actual));
      }
      return this;
    }

    /** Tag differences; tags AWS reserves (aws:*) are ignored. */
    public Builder tags(Map<String, String> desired, Map<String, String> actual) {
      differences.addAll(Ownership.tagDrift(desired, actual).differences());
      return this;
    }

    public Builder add(Difference difference) {
      differences.add(difference);
      return this;
    }

    public Builder addAll(Drift drift) {
      differences.addAll(drift.differences());
      return this;
    }

    public Drift build() {
      return new Drift(differences);
    }
  }

  /** The differences by field, for tests and for types whose update looks values up by field. */
  public Map<String, Difference> byField() {
    return differences.stream().collect(Collectors.toMap(Difference::field, Function.identity(), (a, b) -> a));
  }
}
