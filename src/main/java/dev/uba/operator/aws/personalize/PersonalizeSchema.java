package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.AwsFailure;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A Personalize schema. Schemas have no status and take no tags (CreateSchema has no Tags member),
 * so ownership cannot be read from AWS ({@link #taggable()} is false): it follows from the name,
 * derived from the object, and from the dataset group converged before it. A schema of that name
 * with another definition or domain ({@link PersonalizeDrift#schema}) is reported as not managed by
 * this object (AlreadyExists) rather than used. Reads: DescribeSchema.
 */
public final class PersonalizeSchema extends PersonalizeResourceBase<SchemaDesired, SchemaActual> {
  public static final String KIND = "PersonalizeSchema";

  public PersonalizeSchema(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<SchemaActual> observe(SchemaDesired desired) {
    return absentIfNotFound(() -> {
      var s = personalize.describeSchema(r -> r.schemaArn(desired.arn())).schema();
      SchemaActual actual = new SchemaActual(s.name(), s.schemaArn(), s.schema(), s.domainAsString());
      if (!PersonalizeDrift.schema(desired, actual).isEmpty()) {
        throw notOurs(desired);
      }
      return actual;
    });
  }

  private AwsFailure notOurs(SchemaDesired desired) {
    return new AwsFailure(Outcome.degraded(Reasons.ALREADY_EXISTS, kind() + " " + desired.name()
        + " already exists with another definition or domain and is not managed by this object; "
        + "delete it or choose another object name"), null);
  }

  @Override
  public boolean taggable() {
    return false;
  }

  @Override
  public AwsState state(SchemaActual actual) {
    return AwsState.stable("ACTIVE");
  }

  /** Empty for every schema {@link #observe} returns. */
  @Override
  public Drift drift(SchemaDesired desired, SchemaActual actual) {
    return PersonalizeDrift.schema(desired, actual);
  }

  /** A schema cannot be changed; one that differs is not this object's. */
  @Override
  public Applied update(SchemaDesired desired, SchemaActual actual, Drift drift) {
    throw notOurs(desired);
  }

  @Override
  public Applied create(SchemaDesired desired) {
    personalize.createSchema(r -> r.name(desired.name()).schema(desired.definition()).domain(desired.domain()));
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(SchemaActual actual) {
    personalize.deleteSchema(r -> r.schemaArn(actual.arn()));
    return Applied.SETTLED;
  }
}
