package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A solution version: one training of a solution. It has no name to be found by: its identity is
 * the ARN CreateSolutionVersion returns, which status records. A desired version with that ARN is
 * read with DescribeSolutionVersion (and GetSolutionMetrics once ACTIVE); one without is a training
 * still to start: a training of the solution that is already running (ListSolutionVersions: one
 * started by a pass whose status write was lost) is taken up instead of a second one started.
 *
 * <p>A version is never changed, and it is not deleted on its own (AWS has no such action): it goes
 * with its solution. Its tags are given when it is created; ownership follows from the solution, so
 * it is not {@link #taggable()}.
 */
public final class PersonalizeSolutionVersion extends PersonalizeResourceBase<SolutionVersionDesired,
    SolutionVersionActual> {
  public static final String KIND = "PersonalizeSolutionVersion";
  private static final List<String> RUNNING = List.of("CREATE PENDING", "CREATE IN_PROGRESS");

  /** The version each solution's {@link #create} just started, until the next observe takes it up. */
  private final Map<String, String> started = new ConcurrentHashMap<>();

  public PersonalizeSolutionVersion(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public boolean taggable() {
    return false;
  }

  @Override
  public Optional<SolutionVersionActual> observe(SolutionVersionDesired desired) {
    String arn = desired.arn() != null ? desired.arn() : started.remove(desired.solutionArn());
    if (arn == null) {
      arn = running(desired.solutionArn()).orElse(null);
      if (arn == null) {
        return Optional.empty();
      }
    }
    String found = arn;
    return absentIfNotFound(() -> describe(found));
  }

  private SolutionVersionActual describe(String arn) {
    var v = personalize.describeSolutionVersion(r -> r.solutionVersionArn(arn)).solutionVersion();
    Map<String, Double> metrics = new LinkedHashMap<>();
    if ("ACTIVE".equals(v.status())) {
      personalize.getSolutionMetrics(r -> r.solutionVersionArn(arn)).metrics().forEach(metrics::put);
    }
    return new SolutionVersionActual(v.solutionVersionArn(), v.solutionArn(), v.status(), v.failureReason(), metrics);
  }

  /** A training of the solution still running (CREATE PENDING or IN_PROGRESS), if any. */
  private Optional<String> running(String solutionArn) {
    return personalize.listSolutionVersionsPaginator(r -> r.solutionArn(solutionArn)).solutionVersions().stream()
        .filter(v -> RUNNING.contains(String.valueOf(v.status())))
        .map(v -> v.solutionVersionArn()).findFirst();
  }

  @Override
  public Drift drift(SolutionVersionDesired desired, SolutionVersionActual actual) {
    return PersonalizeDrift.solutionVersion(desired, actual);
  }

  /**
   * CreateSolutionVersion (trainingMode FULL) with the ownership tags; the next observe reads the
   * version it started.
   */
  @Override
  public Applied create(SolutionVersionDesired desired) {
    String arn = personalize.createSolutionVersion(r -> r.solutionArn(desired.solutionArn()).trainingMode("FULL")
        .tags(tagList(desired.tags()))).solutionVersionArn();
    started.put(desired.solutionArn(), arn);
    return Applied.SETTLED.noting("TrainingStarted", "solution version " + arn + " is training"
        + (desired.reason() == null ? "" : " (" + desired.reason() + ")"));
  }

  /** A training that failed is not repeated in place: another training is another version. */
  @Override
  public Applied retry(SolutionVersionDesired desired, SolutionVersionActual actual) {
    return create(new SolutionVersionDesired(desired.solutionName(), null, desired.solutionArn(), desired.reason(),
        desired.tags()));
  }

  /** Stops a running training; a finished version goes with its solution. */
  @Override
  public Applied delete(SolutionVersionActual actual) {
    if (stateOf(actual.status(), null).phase() == AwsState.Phase.CREATING) {
      personalize.stopSolutionVersionCreation(r -> r.solutionVersionArn(actual.arn()));
    }
    return Applied.ASYNC;
  }
}
