package dev.uba.operator.aws.events;

import dev.uba.operator.aws.shared.TagIndex;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ListTargetsByRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Tag;

/**
 * An EventBridge rule on the default bus and its one target. Reads: DescribeRule, ListTargetsByRule,
 * and its tags from the region's {@link TagIndex} (ListTagsForResource when the index does not hold
 * them; a created rule's tags are read back, since PutRule also answers for an existing rule).
 * PutRule creates and replaces the rule (its tags only on creation, so tag changes use
 * TagResource/UntagResource); PutTargets and RemoveTargets keep the targets to exactly
 * the desired one. Deletion removes the targets first: EventBridge refuses to delete a rule that has
 * targets. The state word is the rule's State (ENABLED, DISABLED); a disabled rule is re-enabled.
 */
public final class EventRule implements AwsResource<RuleDesired, RuleActual> {
  private final EventBridgeClient events;
  private final TagIndex tagIndex;

  /** Reading its own tags on every observe. */
  public EventRule(EventBridgeClient events) {
    this(events, TagIndex.none());
  }

  public EventRule(EventBridgeClient events, TagIndex tagIndex) {
    this.events = events;
    this.tagIndex = tagIndex;
  }

  @Override
  public String kind() {
    return "EventRule";
  }

  @Override
  public Optional<RuleActual> observe(RuleDesired desired) {
    try {
      DescribeRuleResponse rule = events.describeRule(r -> r.name(desired.name()));
      Map<String, String> targets = new LinkedHashMap<>();
      String next = null;
      do {
        String token = next;
        ListTargetsByRuleResponse page = events.listTargetsByRule(r -> r.rule(desired.name()).nextToken(token));
        page.targets().forEach(t -> targets.put(t.id(), t.arn()));
        next = page.nextToken();
      } while (next != null && !next.isEmpty());
      Map<String, String> tags = tagIndex.tagsOf(TagIndex.key(rule.arn()), () -> readTags(rule.arn()));
      return Optional.of(new RuleActual(rule.name(), rule.arn(), rule.eventPattern(), rule.stateAsString(),
          rule.description(), targets, tags));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }


  private Map<String, String> readTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    events.listTagsForResource(r -> r.resourceARN(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  @Override
  public AwsState state(RuleActual actual) {
    return AwsState.stable(actual.state());
  }


  @Override
  public Drift drift(RuleDesired desired, RuleActual actual) {
    return RuleDrift.of(desired, actual);
  }

  @Override
  public Applied create(RuleDesired desired) {
    events.putRule(r -> r.name(desired.name()).eventPattern(desired.eventPattern()).state(RuleState.ENABLED)
        .description(desired.description()).tags(toTags(desired.tags())));
    events.putTargets(r -> r.rule(desired.name()).targets(t -> t.id(desired.targetId()).arn(desired.targetArn())));
    return Applied.SETTLED;
  }

  @Override
  public Applied update(RuleDesired desired, RuleActual actual, Drift drift) {
    if (drift.hasAny(RuleDrift.EVENT_PATTERN, RuleDrift.STATE, RuleDrift.DESCRIPTION)) {
      events.putRule(r -> r.name(desired.name()).eventPattern(desired.eventPattern()).state(RuleState.ENABLED)
          .description(desired.description()));
    }
    if (drift.has(RuleDrift.EXTRA_TARGETS)) {
      @SuppressWarnings("unchecked")
      List<String> extra = (List<String>) drift.byField().get(RuleDrift.EXTRA_TARGETS).actual();
      events.removeTargets(r -> r.rule(desired.name()).ids(extra));
    }
    if (drift.has(RuleDrift.TARGETS)) {
      events.putTargets(r -> r.rule(desired.name()).targets(t -> t.id(desired.targetId()).arn(desired.targetArn())));
    }
    Ownership.syncTags(drift,
        remove -> events.untagResource(r -> r.resourceARN(actual.arn()).tagKeys(remove)),
        set -> events.tagResource(r -> r.resourceARN(actual.arn()).tags(toTags(set))));
    if (drift.hasTags()) {
      tagIndex.recordChanged(TagIndex.key(actual.arn()), actual.tags(), desired.tags());
    }
    return Applied.SETTLED;
  }

  /** The targets first, then the rule. */
  @Override
  public Applied delete(RuleActual actual) {
    if (!actual.targets().isEmpty()) {
      events.removeTargets(r -> r.rule(actual.name()).ids(List.copyOf(actual.targets().keySet())));
    }
    events.deleteRule(r -> r.name(actual.name()));
    tagIndex.forget(TagIndex.key(actual.arn()));
    return Applied.SETTLED;
  }

  private static List<Tag> toTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
