package dev.uba.operator.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects what the operator refuses in a spec, each naming its field path, and turns them into the
 * one outcome the object reports (InvalidSpec or ImmutableField, the first problem's reason).
 */
public final class SpecProblems {
  private static final int TAG_KEY_MAX = 128;
  private static final int TAG_VALUE_MAX = 256;

  private final List<Outcome> problems = new ArrayList<>();

  public void invalid(String path, String message) {
    problems.add(Outcome.invalidSpec(Reasons.INVALID_SPEC, path + ": " + message));
  }

  public void immutable(String path, Object was, Object now) {
    problems.add(Outcome.invalidSpec(Reasons.IMMUTABLE_FIELD,
        path + ": cannot change after creation (was " + was + ", now " + now + ")"));
  }

  /** The contract's rules for spec.tags shared by every kind. */
  public void checkTags(Map<String, String> tags) {
    if (tags == null) {
      return;
    }
    if (tags.size() > 8) {
      invalid("spec.tags", "at most 8 tags, got " + tags.size());
    }
    tags.forEach((key, value) -> {
      String path = "spec.tags[" + key + "]";
      if (key.startsWith("uba.dev/") || key.startsWith("aws:")) {
        invalid(path, "keys starting with uba.dev/ or aws: are reserved");
      } else if (key.isEmpty() || key.length() > TAG_KEY_MAX) {
        invalid(path, "a tag key has 1 to " + TAG_KEY_MAX + " characters");
      } else if (value != null && value.length() > TAG_VALUE_MAX) {
        invalid(path, "a tag value has at most " + TAG_VALUE_MAX + " characters");
      }
    });
  }

  /** The region of the object: spec.region, else the operator's; refused when neither or when changed. */
  public String checkRegion(String specRegion, String operatorRegion, String statusRegion) {
    String region = specRegion != null && !specRegion.isBlank() ? specRegion : operatorRegion;
    if (region == null) {
      invalid("spec.region", "not set, and the operator has no AWS_REGION to default to");
    } else if (statusRegion != null && !statusRegion.equals(region)) {
      immutable("spec.region", statusRegion, region);
    }
    return region;
  }

  /** Empty when the spec is acceptable. */
  public Optional<Outcome> outcome() {
    if (problems.isEmpty()) {
      return Optional.empty();
    }
    String message = String.join("; ", problems.stream().map(Outcome::message).toList());
    return Optional.of(Outcome.invalidSpec(problems.get(0).reason(), message));
  }
}
