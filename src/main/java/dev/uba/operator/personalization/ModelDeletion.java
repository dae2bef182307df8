package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.aws.personalize.PersonalizeDesired;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Step;
import java.util.List;

/**
 * Deletes a model's resources in reverse order, one step at a time, each only once AWS no longer
 * returns the one before (Personalize refuses to delete a dataset group that still holds datasets,
 * trackers or solutions): campaign, solution (a running training is stopped first; its versions go
 * with it), event tracker, dataset (its import jobs go with it), schema, dataset group, and the
 * data-access role the operator created.
 */
final class ModelDeletion {
  private final ModelResources resources;
  private final String ownerId;
  private final EventSink events;

  ModelDeletion(ModelResources resources, String ownerId, EventSink events) {
    this.resources = resources;
    this.ownerId = ownerId;
    this.events = events;
  }

  /** Empty when everything is gone; otherwise the outcome of the step still being deleted. */
  List<Outcome> run(ModelDesiredState desired, PersonalizationModelStatus status, boolean operatorRole) {
    PersonalizeDesired campaign = desired.campaign(status.getSolutionVersionArn());
    Step<?> pending = firstNotGone(
        () -> Converger.delete(resources.campaign(), campaign, ownerId, events),
        () -> Converger.delete(resources.solution(), desired.solution(), ownerId, events),
        () -> Converger.delete(resources.eventTracker(), desired.eventTracker(), ownerId, events),
        () -> Converger.delete(resources.dataset(), desired.dataset(), ownerId, events),
        () -> Converger.delete(resources.schema(), desired.schema(), ownerId, events),
        () -> Converger.delete(resources.datasetGroup(), desired.datasetGroup(), ownerId, events),
        () -> operatorRole ? Converger.delete(resources.role(), desired.role(), ownerId, events) : null);
    if (pending == null) {
      return List.of();
    }
    status.setStep("Deleting");
    status.setResources(List.<ResourceStatus>of(pending.status()));
    return List.of(pending.outcome());
  }

  @SafeVarargs
  private static Step<?> firstNotGone(java.util.function.Supplier<Step<?>>... steps) {
    for (var s : steps) {
      Step<?> step = s.get();
      if (step != null && !step.gone()) {
        return step;
      }
    }
    return null;
  }
}
