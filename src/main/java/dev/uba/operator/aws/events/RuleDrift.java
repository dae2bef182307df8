package dev.uba.operator.aws.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.engine.Drift;
import java.util.List;
import java.util.Objects;

/**
 * Differences between the rule the spec asks for and the one EventBridge reports (pure): its event
 * pattern (compared as JSON), its state (always ENABLED), its description, its one target and its
 * tags.
 */
public final class RuleDrift {
  public static final String EVENT_PATTERN = "event pattern";
  public static final String STATE = "state";
  public static final String DESCRIPTION = "description";
  /** The rule's one target is missing or points elsewhere. */
  public static final String TARGETS = "targets";
  /** Targets besides the rule's one target, to remove; the difference's actual value lists their ids. */
  public static final String EXTRA_TARGETS = "targets not in the spec";
  static final String ENABLED = "ENABLED";

  private static final ObjectMapper JSON = new ObjectMapper();

  private RuleDrift() {}

  public static Drift of(RuleDesired desired, RuleActual actual) {
    return Drift.builder()
        .namedIf(!samePattern(desired.eventPattern(), actual.eventPattern()), EVENT_PATTERN, desired.eventPattern(),
            actual.eventPattern())
        .field(STATE, ENABLED, actual.state())
        .named(DESCRIPTION, desired.description(), actual.description() == null ? "" : actual.description())
        .fieldIf(!desired.targetArn().equals(actual.targets().get(desired.targetId())), TARGETS,
            List.of(desired.targetArn()), List.copyOf(actual.targets().values()))
        .fieldIf(!extraTargets(desired, actual).isEmpty(), EXTRA_TARGETS, List.of(), extraTargets(desired, actual))
        .tags(desired.tags(), actual.tags())
        .build();
  }

  /** Ids of the targets other than the rule's one target. */
  private static List<String> extraTargets(RuleDesired desired, RuleActual actual) {
    return actual.targets().keySet().stream().filter(id -> !id.equals(desired.targetId())).sorted().toList();
  }

  /** Event patterns are JSON: formatting and key order do not matter. */
  static boolean samePattern(String a, String b) {
    if (a == null || b == null) {
      return Objects.equals(a, b);
    }
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (JsonProcessingException e) {
      return a.equals(b);
    }
  }
}
