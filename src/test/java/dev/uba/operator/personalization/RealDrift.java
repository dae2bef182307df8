package dev.uba.operator.personalization;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.Drift;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A fake resource type that compares with the real type's drift function instead of the fake's
 * "anything differs": the fakes build the real actual states, so tag differences are told apart
 * from the rest, as they are against AWS.
 */
final class RealDrift<D extends Desired, A> implements AwsResource<D, A> {
  private final AwsResource<D, A> fake;
  private final BiFunction<D, A, Drift> drift;

  private RealDrift(AwsResource<D, A> fake, BiFunction<D, A, Drift> drift) {
    this.fake = fake;
    this.drift = drift;
  }

  static <D extends Desired, A> AwsResource<D, A> of(AwsResource<D, A> fake, BiFunction<D, A, Drift> drift) {
    return new RealDrift<>(fake, drift);
  }

  @Override
  public Drift drift(D desired, A actual) {
    return drift.apply(desired, actual);
  }

  @Override
  public String kind() {
    return fake.kind();
  }

  @Override
  public Optional<A> observe(D desired) {
    return fake.observe(desired);
  }

  @Override
  public Map<String, String> tags(A actual) {
    return fake.tags(actual);
  }

  @Override
  public boolean taggable() {
    return fake.taggable();
  }

  @Override
  public AwsState state(A actual) {
    return fake.state(actual);
  }

  @Override
  public String arn(A actual) {
    return fake.arn(actual);
  }

  @Override
  public Applied create(D desired) {
    return fake.create(desired);
  }

  @Override
  public Applied update(D desired, A actual, Drift differences) {
    return fake.update(desired, actual, differences);
  }

  @Override
  public Applied delete(A actual) {
    return fake.delete(actual);
  }

  @Override
  public Applied retry(D desired, A actual) {
    return fake.retry(desired, actual);
  }
}
