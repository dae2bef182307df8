package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.AwsState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;

/**
 * A solution version: one training of a solution. Unlike the other resources it has no name to be
 * found by; its identity is the ARN CreateSolutionVersion returns, which the reconciler records in
 * status before anything else. So it does not go through the generic converger: the reconciler
 * asks for its state, starts a training, and reads its metrics. Versions go with their solution.
 */
public final class PersonalizeSolutionVersion {
  private final PersonalizeClient personalize;

  public PersonalizeSolutionVersion(PersonalizeClient personalize) {
    this.personalize = personalize;
  }

  public static final String KIND = "PersonalizeSolutionVersion";

  /** DescribeSolutionVersion; empty when AWS no longer knows it. */
  public Optional<PersonalizeActual> observe(String arn) {
    try {
      var v = personalize.describeSolutionVersion(r -> r.solutionVersionArn(arn)).solutionVersion();
      String updated = v.lastUpdatedDateTime() == null ? "" : v.lastUpdatedDateTime().toString();
      return Optional.of(new PersonalizeActual(v.name(), v.solutionVersionArn(), v.status(), v.failureReason(),
          Map.of(), Map.of("lastUpdatedDateTime", updated)));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  public static AwsState state(PersonalizeActual actual) {
    return PersonalizeResourceBase.stateOf(actual.status(), actual.failureReason());
  }

  /**
   * A training of the solution that is still running (CREATE PENDING or IN_PROGRESS), found with
   * ListSolutionVersions: one started by a pass whose status write was lost is taken up, never
   * duplicated.
   */
  public Optional<String> running(String solutionArn) {
    return personalize.listSolutionVersionsPaginator(r -> r.solutionArn(solutionArn)).solutionVersions().stream()
        .filter(v -> List.of("CREATE PENDING", "CREATE IN_PROGRESS").contains(String.valueOf(v.status())))
        .map(v -> v.solutionVersionArn()).findFirst();
  }

  /** CreateSolutionVersion (trainingMode FULL) with the ownership tags; the new version's ARN. */
  public String create(String solutionArn, Map<String, String> tags) {
    return personalize.createSolutionVersion(r -> r.solutionArn(solutionArn).trainingMode("FULL")
        .tags(PersonalizeResourceBase.tagList(tags))).solutionVersionArn();
  }

  /** GetSolutionMetrics of an ACTIVE version. */
  public Map<String, Double> metrics(String arn) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    personalize.getSolutionMetrics(r -> r.solutionVersionArn(arn)).metrics().forEach(metrics::put);
    return metrics;
  }
}
