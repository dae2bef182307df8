package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.AwsFailure;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.DatasetSchema;

/**
 * A Personalize schema. Schemas have no status and take no tags (CreateSchema has no Tags member),
 * so ownership cannot be read from AWS ({@link #taggable()} is false): it follows from the name,
 * derived from the object, and from the dataset group converged before it. A schema of that name
 * with another definition or domain is reported as not managed by this object (AlreadyExists)
 * rather than used. Params: schema, domain. Reads: DescribeSchema.
 */
public final class PersonalizeSchema extends PersonalizeResourceBase {
  private static final ObjectMapper JSON = new ObjectMapper();

  public PersonalizeSchema(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return "PersonalizeSchema";
  }

  @Override
  public Optional<PersonalizeActual> observe(PersonalizeDesired desired) {
    return absentIfNotFound(() -> {
      DatasetSchema s = personalize.describeSchema(r -> r.schemaArn(desired.arn())).schema();
      boolean same = sameDefinition(desired.param("schema"), s.schema())
          && Objects.equals(desired.param("domain"), s.domainAsString());
      if (!same) {
        throw new AwsFailure(Outcome.degraded(Reasons.ALREADY_EXISTS, kind() + " " + desired.name()
            + " already exists with another definition or domain and is not managed by this object; "
            + "delete it or choose another object name"), null);
      }
      return new PersonalizeActual(s.name(), s.schemaArn(), "ACTIVE", null, Map.of(), Map.of());
    });
  }

  /** Avro schemas compared as JSON, so formatting never counts. */
  static boolean sameDefinition(String a, String b) {
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (Exception e) {
      return Objects.equals(a, b);
    }
  }

  @Override
  public boolean taggable() {
    return false;
  }

  @Override
  public AwsState state(PersonalizeActual actual) {
    return AwsState.stable("ACTIVE");
  }

  @Override
  public Drift drift(PersonalizeDesired desired, PersonalizeActual actual) {
    return Drift.NONE;
  }

  @Override
  public Applied create(PersonalizeDesired desired) {
    personalize.createSchema(r -> r.name(desired.name()).schema(desired.param("schema")).domain(desired.param("domain")));
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(PersonalizeActual actual) {
    personalize.deleteSchema(r -> r.schemaArn(actual.arn()));
    return Applied.SETTLED;
  }
}
