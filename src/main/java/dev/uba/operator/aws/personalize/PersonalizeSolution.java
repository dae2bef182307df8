package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.Drift;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.SolutionVersionSummary;

/**
 * A solution (the recipe applied to a dataset group). AWS refuses to delete a solution while one of
 * its versions trains, so deletion first stops such a training (StopSolutionVersionCreation) and
 * waits; its versions go with it. Reads: DescribeSolution, ListTagsForResource.
 */
public final class PersonalizeSolution extends PersonalizeResourceBase<SolutionDesired, SolutionActual> {
  public static final String KIND = "PersonalizeSolution";

  public PersonalizeSolution(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<SolutionActual> observe(SolutionDesired desired) {
    return absentIfNotFound(() -> {
      var s = personalize.describeSolution(r -> r.solutionArn(desired.arn())).solution();
      return new SolutionActual(s.name(), s.solutionArn(), s.status(), s.recipeArn(), readTags(s.solutionArn()));
    });
  }

  @Override
  public Drift drift(SolutionDesired desired, SolutionActual actual) {
    return PersonalizeDrift.solution(desired, actual);
  }

  @Override
  public Applied create(SolutionDesired desired) {
    personalize.createSolution(r -> r.name(desired.name()).datasetGroupArn(desired.datasetGroupArn())
        .recipeArn(desired.recipeArn()).tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(SolutionActual actual) {
    boolean training = false;
    for (SolutionVersionSummary v : personalize.listSolutionVersionsPaginator(r -> r.solutionArn(actual.arn()))
        .solutionVersions()) {
      String status = String.valueOf(v.status());
      if (status.equals("CREATE PENDING") || status.equals("CREATE IN_PROGRESS")) {
        personalize.stopSolutionVersionCreation(r -> r.solutionVersionArn(v.solutionVersionArn()));
        training = true;
      } else if (status.equals("CREATE STOPPING")) {
        training = true;
      }
    }
    if (!training) {
      personalize.deleteSolution(r -> r.solutionArn(actual.arn()));
    }
    return Applied.ASYNC;
  }
}
