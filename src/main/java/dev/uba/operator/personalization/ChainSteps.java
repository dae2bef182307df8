package dev.uba.operator.personalization;

import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.personalize.DatasetDesired;
import dev.uba.operator.aws.personalize.DatasetGroupDesired;
import dev.uba.operator.aws.personalize.EventTrackerActual;
import dev.uba.operator.aws.personalize.EventTrackerDesired;
import dev.uba.operator.aws.personalize.SchemaDesired;
import dev.uba.operator.aws.personalize.SolutionDesired;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Step;

/**
 * The steps of the chain that create a resource once and then keep its tags in sync: the
 * data-access role, dataset group, schema, interactions dataset and solution, and the event
 * tracker beside the chain. Each converges its resource, records it in status and says whether the
 * chain may go on; a FAILED dataset group, dataset, solution or tracker is tried again after a spec
 * change ({@link ModelPass#convergeOrRetry}).
 */
final class ChainSteps {
  private ChainSteps() {}

  /** The role Personalize reads the training data with; its messages belong to the DatasetGroup step. */
  static NodeResult role(ModelPass p) {
    RoleDesired desired = p.desired().role();
    var s = Converger.converge(p.aws().role(), desired, p.ownerId(), p.events());
    ModelStatusUpdate.role(p.status(), desired, s);
    return p.chainStep("DatasetGroup", s);
  }

  static NodeResult deleteRole(ModelPass p) {
    return NodeResult.deleted(Converger.delete(p.aws().role(), p.desired().role(), p.ownerId(), p.events()));
  }

  static NodeResult datasetGroup(ModelPass p) {
    DatasetGroupDesired desired = p.desired().datasetGroup();
    var s = p.convergeOrRetry(p.aws().datasetGroup(), desired);
    ModelStatusUpdate.datasetGroup(p.status(), desired, s);
    return p.chainStep("DatasetGroup", s);
  }

  static NodeResult deleteDatasetGroup(ModelPass p) {
    return NodeResult.deleted(Converger.delete(p.aws().datasetGroup(), p.desired().datasetGroup(), p.ownerId(),
        p.events()));
  }

  static NodeResult schema(ModelPass p) {
    SchemaDesired desired = p.desired().schema();
    var s = Converger.converge(p.aws().schema(), desired, p.ownerId(), p.events());
    ModelStatusUpdate.schema(p.status(), desired, s);
    return p.chainStep("Schema", s);
  }

  static NodeResult deleteSchema(ModelPass p) {
    return NodeResult.deleted(Converger.delete(p.aws().schema(), p.desired().schema(), p.ownerId(), p.events()));
  }

  static NodeResult dataset(ModelPass p) {
    DatasetDesired desired = p.desired().dataset();
    var s = p.convergeOrRetry(p.aws().dataset(), desired);
    ModelStatusUpdate.dataset(p.status(), desired, s);
    return p.chainStep("Dataset", s);
  }

  static NodeResult deleteDataset(ModelPass p) {
    return NodeResult.deleted(Converger.delete(p.aws().dataset(), p.desired().dataset(), p.ownerId(), p.events()));
  }

  /**
   * The event tracker: not a step of the chain (nothing waits on it), but its messages say which
   * step it is, and status.step names it when nothing else is pending. Its tracking ID goes to the
   * Secret only.
   */
  static NodeResult eventTracker(ModelPass p) {
    EventTrackerDesired desired = p.desired().eventTracker();
    Step<EventTrackerActual> s = p.convergeOrRetry(p.aws().eventTracker(), desired);
    ModelStatusUpdate.eventTracker(p.status(), s);
    p.eventTracker(!s.outcome().isReady(),
        s.owned() ? s.actual().map(EventTrackerActual::trackingId).orElse(null) : null);
    return p.asideStep("EventTracker", s);
  }

  static NodeResult deleteEventTracker(ModelPass p) {
    return NodeResult.deleted(Converger.delete(p.aws().eventTracker(), p.desired().eventTracker(), p.ownerId(),
        p.events()));
  }

  static NodeResult solution(ModelPass p) {
    SolutionDesired desired = p.desired().solution();
    var s = p.convergeOrRetry(p.aws().solution(), desired);
    ModelStatusUpdate.solution(p.status(), desired, s);
    return p.chainStep("Solution", s);
  }

  /** A running training is stopped first; the solution's versions go with it. */
  static NodeResult deleteSolution(ModelPass p) {
    return NodeResult.deleted(Converger.delete(p.aws().solution(), p.desired().solution(), p.ownerId(), p.events()));
  }
}
