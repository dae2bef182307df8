package dev.uba.operator.aws.personalize;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.engine.Drift;
import java.util.Objects;

/**
 * The differences between desired and actual Personalize resources (pure), one function per type.
 * Personalize changes little in place: most types differ only in their tags (TagResource and
 * UntagResource); a campaign also in the version it deploys and its TPS (UpdateCampaign). What AWS
 * cannot change (a dataset group's domain, a solution's recipe) is not drift: the spec refuses such
 * changes (ImmutableField) before any AWS call.
 */
public final class PersonalizeDrift {
  /** A campaign's deployed solution version. */
  public static final String SOLUTION_VERSION = "solution version";
  /** A campaign's minimum provisioned TPS. */
  public static final String MIN_PROVISIONED_TPS = "minProvisionedTPS";
  /** A schema's Avro definition. */
  public static final String SCHEMA = "schema";
  /** A schema's domain. */
  public static final String DOMAIN = "domain";

  private static final ObjectMapper JSON = new ObjectMapper();

  private PersonalizeDrift() {}

  public static Drift datasetGroup(DatasetGroupDesired desired, DatasetGroupActual actual) {
    return Drift.builder().tags(desired.tags(), actual.tags()).build();
  }

  /**
   * A schema is never changed: one of the same name that differs in definition (compared as JSON)
   * or domain is not the object's (see {@link PersonalizeSchema#observe}).
   */
  public static Drift schema(SchemaDesired desired, SchemaActual actual) {
    return Drift.builder()
        .namedIf(!sameDefinition(desired.definition(), actual.definition()), SCHEMA, desired.definition(),
            actual.definition())
        .field(DOMAIN, desired.domain(), actual.domain())
        .build();
  }

  public static Drift dataset(DatasetDesired desired, DatasetActual actual) {
    return Drift.builder().tags(desired.tags(), actual.tags()).build();
  }

  /** A job is never changed: a new source is a new job (with the next number). */
  public static Drift importJob(ImportJobDesired desired, ImportJobActual actual) {
    return Drift.builder().tags(desired.tags(), actual.tags()).build();
  }

  public static Drift eventTracker(EventTrackerDesired desired, EventTrackerActual actual) {
    return Drift.builder().tags(desired.tags(), actual.tags()).build();
  }

  public static Drift solution(SolutionDesired desired, SolutionActual actual) {
    return Drift.builder().tags(desired.tags(), actual.tags()).build();
  }

  /** A version is one training and never changes; another training is another version. */
  public static Drift solutionVersion(SolutionVersionDesired desired, SolutionVersionActual actual) {
    return Drift.NONE;
  }

  /** The deployed version, the TPS and the tags. */
  public static Drift campaign(CampaignDesired desired, CampaignActual actual) {
    return Drift.builder()
        .field(SOLUTION_VERSION, desired.solutionVersionArn(), actual.solutionVersionArn())
        .field(MIN_PROVISIONED_TPS, desired.minProvisionedTps(), actual.minProvisionedTps())
        .tags(desired.tags(), actual.tags())
        .build();
  }

  /** Avro schemas compared as JSON, so formatting never counts. */
  static boolean sameDefinition(String a, String b) {
    try {
      return JSON.readTree(a).equals(JSON.readTree(b));
    } catch (Exception e) {
      return Objects.equals(a, b);
    }
  }
}
