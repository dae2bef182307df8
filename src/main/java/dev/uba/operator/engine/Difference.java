package dev.uba.operator.engine;

import java.util.Objects;

/**
 * One field in which the actual resource differs from the desired one: its name and both values,
 * so that an update acts on exactly what differs, and a person reads it in an Event or a condition.
 *
 * @param field the field, named as the spec or AWS names it ("shards", "tag team", "access policy")
 * @param desired what the spec asks for; null where the field is to be removed
 * @param actual what AWS has; null where the field is absent
 * @param shown how the difference reads: with both values, or by its name alone (for documents
 *     too long for a message, and for tags, whose values belong to the spec, not to Events)
 */
public record Difference(String field, Object desired, Object actual, Shown shown) {

  public enum Shown {
    /** "shards 1 -> 2". */
    VALUES,
    /** "access policy": the values are documents too long for a message. */
    NAME,
    /** "tag team", or "tag team removed" when the spec no longer has it. */
    TAG
  }

  public Difference {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(shown, "shown");
  }

  /** A difference read as "field actual -> desired". */
  public static Difference of(String field, Object desired, Object actual) {
    return new Difference(field, desired, actual, Shown.VALUES);
  }

  /** A difference read by its field name alone. */
  public static Difference named(String field, Object desired, Object actual) {
    return new Difference(field, desired, actual, Shown.NAME);
  }

  /** A tag whose value differs, that is missing, or (desired null) that the spec no longer has. */
  public static Difference tag(String key, String desired, String actual) {
    return new Difference(Drift.TAG_PREFIX + key, desired, actual, Shown.TAG);
  }

  /** True when the difference is about the resource's tags. */
  public boolean isTag() {
    return shown == Shown.TAG;
  }

  @Override
  public String toString() {
    return switch (shown) {
      case VALUES -> field + " " + actual + " -> " + desired;
      case NAME -> field;
      case TAG -> desired == null ? field + " removed" : field;
    };
  }
}
