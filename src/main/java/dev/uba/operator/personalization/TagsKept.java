package dev.uba.operator.personalization;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.Drift;
import java.util.Map;
import java.util.Optional;

/**
 * A resource type whose tag differences are left alone: everything else is the type's own. Used for
 * a pass that cannot tell which tags the object inherits, so that it never removes them.
 */
final class TagsKept<D extends Desired, A> implements AwsResource<D, A> {
  private final AwsResource<D, A> type;

  private TagsKept(AwsResource<D, A> type) {
    this.type = type;
  }

  static <D extends Desired, A> AwsResource<D, A> of(AwsResource<D, A> type) {
    return new TagsKept<>(type);
  }

  /** The differences of the type without its tags. */
  @Override
  public Drift drift(D desired, A actual) {
    return Drift.of(type.drift(desired, actual).differences().stream().filter(d -> !d.isTag()).toList());
  }

  @Override
  public String kind() {
    return type.kind();
  }

  @Override
  public Optional<A> observe(D desired) {
    return type.observe(desired);
  }

  @Override
  public Map<String, String> tags(A actual) {
    return type.tags(actual);
  }

  @Override
  public boolean taggable() {
    return type.taggable();
  }

  @Override
  public AwsState state(A actual) {
    return type.state(actual);
  }

  @Override
  public String arn(A actual) {
    return type.arn(actual);
  }

  @Override
  public Applied create(D desired) {
    return type.create(desired);
  }

  @Override
  public Applied update(D desired, A actual, Drift drift) {
    return type.update(desired, actual, drift);
  }

  @Override
  public Applied delete(A actual) {
    return type.delete(actual);
  }

  @Override
  public Applied retry(D desired, A actual) {
    return type.retry(desired, actual);
  }
}
