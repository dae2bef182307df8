package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.NamedArn;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.personalize.CampaignDesired;
import dev.uba.operator.aws.personalize.DatasetDesired;
import dev.uba.operator.aws.personalize.DatasetGroupDesired;
import dev.uba.operator.aws.personalize.EventTrackerActual;
import dev.uba.operator.aws.personalize.ImportJobDesired;
import dev.uba.operator.aws.personalize.PersonalizeEventTracker;
import dev.uba.operator.aws.personalize.SchemaDesired;
import dev.uba.operator.aws.personalize.SolutionDesired;
import dev.uba.operator.engine.Step;
import dev.uba.operator.engine.Workflow;
import java.time.Instant;

/**
 * Copies what a pass learnt of each resource into the model's status: the names and ARNs in use
 * (recorded only for what the object owns, so that choosing another name after AlreadyExists is
 * not refused as an immutable change), what immutability is checked against, the import job's
 * number, the training and the version served. The conditions are derived from the outcomes
 * afterwards, in one place (the engine's status writer).
 */
final class ModelStatusUpdate {
  private ModelStatusUpdate() {}

  static void role(PersonalizationModelStatus status, RoleDesired desired, Step<?> step) {
    status.setDataAccessRole(step.record(status.getDataAccessRole(),
        () -> new NamedArn(desired.name(), step.status().getArn())));
  }

  static void datasetGroup(PersonalizationModelStatus status, DatasetGroupDesired desired, Step<?> step) {
    if (step.owned()) {
      status.setDatasetGroupName(desired.name());
      status.setDatasetGroupArn(step.status().getArn() != null ? step.status().getArn() : desired.arn());
      status.setDomain(desired.domain());
    }
  }

  static void schema(PersonalizationModelStatus status, SchemaDesired desired, Step<?> step) {
    if (step.owned()) {
      status.setSchemaArn(step.status().getArn() != null ? step.status().getArn() : desired.arn());
      status.setInteractionsSchemaSha256(ModelDesiredState.sha256(desired.definition()));
    }
  }

  static void dataset(PersonalizationModelStatus status, DatasetDesired desired, Step<?> step) {
    if (step.owned()) {
      status.setDatasetArn(desired.arn());
    }
  }

  static void eventTracker(PersonalizationModelStatus status, Step<EventTrackerActual> step) {
    if (step.owned()) {
      step.actual().ifPresent(t -> status.setEventTrackerArn(t.arn()));
    }
  }

  /** spec.eventTracker false removed (or released) the tracker: it and its failure are forgotten. */
  static void eventTrackerGone(PersonalizationModelStatus status) {
    status.setEventTrackerArn(null);
    status.getFailedGenerations().remove(PersonalizeEventTracker.KIND);
  }

  /** The current job; a new one (the next number) records its source and the generation it is for. */
  static void importJob(PersonalizationModelStatus status, ImportJobDesired job, Step<?> step, int number,
      long generation) {
    boolean fresh = status.getImportJobNumber() == null || number != status.getImportJobNumber();
    if (step.owned() && (step.actual().isPresent() || fresh)) {
      if (fresh) {
        status.setImportJobNumber(number);
        status.setImportSource(job.dataLocation());
        status.setImportGeneration(generation);
      }
      status.setImportJobArn(job.arn());
    }
  }

  /** The current job imported what the spec of this generation names: nothing to look at until it changes. */
  static void imported(PersonalizationModelStatus status, long generation) {
    status.setImportGeneration(generation);
  }

  static void solution(PersonalizationModelStatus status, SolutionDesired desired, Step<?> step) {
    if (step.owned()) {
      status.setSolutionArn(desired.arn());
      status.setRecipeArn(desired.recipeArn());
    }
  }

  /**
   * A training started (or a running one taken up): its ARN is recorded at once, so that a
   * restarted operator takes it up, with the generation and the retrain annotation it is for.
   */
  static void trainingStarted(PersonalizationModelStatus status, String arn, long generation, String annotation) {
    status.setTrainingSolutionVersionArn(arn);
    status.setTrainingGeneration(generation);
    status.setRetrainAnnotation(annotation);
  }

  /** The training status recorded is over without a version to serve (AWS no longer has it, or it failed). */
  static void trainingDropped(PersonalizationModelStatus status) {
    status.setTrainingSolutionVersionArn(null);
  }

  /** The status entry of a training just started: the version by its ARN, training. */
  static ResourceStatus trainingEntry(String kind, String arn, String state, String message) {
    return new ResourceStatus(kind, arn, arn, state, false, message);
  }

  static void campaign(PersonalizationModelStatus status, CampaignDesired desired, Step<?> step) {
    if (step.owned()) {
      status.setCampaignArn(desired.arn());
    }
  }

  /** The campaign serves the trained version: it becomes the served one, with its metrics. */
  static void serving(PersonalizationModelStatus status, ModelPass.Deployment deployed, Instant now) {
    status.setMetrics(deployed.metrics());
    status.setPreviousSolutionVersionArn(status.getSolutionVersionArn());
    status.setSolutionVersionArn(deployed.solutionVersionArn());
    status.setTrainingSolutionVersionArn(null);
    status.setLastTrainedTime(now.toString());
  }

  /** After the pass: the step it is at and one entry per resource looked at. */
  static void pass(PersonalizationModelStatus status, String step, Workflow.PassResult result) {
    status.setStep(step);
    status.setResources(result.resources());
  }
}
