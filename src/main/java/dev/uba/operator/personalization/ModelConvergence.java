package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.NamedArn;
import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.aws.personalize.PersonalizeActual;
import dev.uba.operator.aws.personalize.PersonalizeDesired;
import dev.uba.operator.aws.personalize.PersonalizeEventTracker;
import dev.uba.operator.aws.personalize.PersonalizeSolutionVersion;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.StatusDerivation;
import dev.uba.operator.engine.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One forward pass over a model's chain: data-access role, dataset group, schema, interactions
 * dataset, import job, solution, solution version (training), campaign; the event tracker once the
 * dataset group is ACTIVE. The first step that is not ACTIVE ends the pass (the object is looked at
 * again after the poll interval: nothing waits on AWS) and is recorded in status.step. Returns one
 * outcome per resource; the tracking ID, if read, is kept for the Secret only.
 */
final class ModelConvergence {
  private final ModelResources resources;
  private final String ownerId;
  private final EventSink events;
  private final Instant now;
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<ResourceStatus> statuses = new ArrayList<>();
  private String step;
  private String trackingId;
  private boolean trackerPending;
  private Map<String, Long> failedGenerations;
  private long generation;

  ModelConvergence(ModelResources resources, String ownerId, EventSink events, Instant now) {
    this.resources = resources;
    this.ownerId = ownerId;
    this.events = events;
    this.now = now;
  }

  /** The tracking ID read from AWS this pass, for the Secret (never for status, events or logs). */
  Optional<String> trackingId() {
    return Optional.ofNullable(trackingId);
  }

  List<Outcome> run(PersonalizationModel model, ModelDesiredState desired, PersonalizationModelStatus status) {
    this.generation = model.getMetadata().getGeneration();
    this.failedGenerations = status.getFailedGenerations();
    chain(model, desired, status);
    if (step == null && trackerPending) {
      step = "EventTracker";
    }
    status.setStep(step == null ? "Serving" : step);
    status.setResources(statuses);
    return outcomes;
  }

  private void chain(PersonalizationModel model, ModelDesiredState desired, PersonalizationModelStatus status) {
    // Data-access role (only when the spec names none).
    String roleArn = model.getSpec().getTrainingData().getRoleArn();
    if (roleArn == null || roleArn.isBlank()) {
      var role = Converger.converge(resources.role(), desired.role(), ownerId, events);
      record(role, "DatasetGroup");
      status.setDataAccessRole(role.owned() ? new NamedArn(desired.role().name(), role.status().getArn()) : null);
      if (!role.outcome().isReady()) {
        return;
      }
      roleArn = role.status().getArn();
    } else if (status.getDataAccessRole() != null) {
      releaseRole(model, desired, status);
    }

    var group = convergeOrRetry(resources.datasetGroup(), desired.datasetGroup());
    record(group, "DatasetGroup");
    if (group.owned()) {
      status.setDatasetGroupName(desired.datasetGroup().name());
      status.setDatasetGroupArn(group.status().getArn() != null ? group.status().getArn() : desired.datasetGroupArn());
      status.setDomain(desired.datasetGroup().param("domain"));
    }
    if (!group.outcome().isReady()) {
      return;
    }

    var schema = Converger.converge(resources.schema(), desired.schema(), ownerId, events);
    record(schema, "Schema");
    if (schema.owned()) {
      status.setSchemaArn(schema.status().getArn() != null ? schema.status().getArn() : desired.schema().arn());
      status.setInteractionsSchemaSha256(ModelDesiredState.sha256(desired.schema().param("schema")));
    }
    if (!schema.outcome().isReady()) {
      return;
    }

    var dataset = convergeOrRetry(resources.dataset(), desired.dataset());
    record(dataset, "Dataset");
    if (dataset.owned()) {
      status.setDatasetArn(desired.dataset().arn());
    }

    eventTracker(model, desired, status);

    if (!dataset.outcome().isReady()) {
      return;
    }
    if (!importJob(model, desired, status, roleArn)) {
      return;
    }

    var solution = convergeOrRetry(resources.solution(), desired.solution());
    record(solution, "Solution");
    if (solution.owned()) {
      status.setSolutionArn(desired.solution().arn());
      status.setRecipeArn(desired.solution().param("recipeArn"));
    }
    if (!solution.outcome().isReady()) {
      return;
    }
    String target = training(model, desired, status);
    if (target == null) {
      return;
    }
    campaign(desired, status, target);
  }

  private void eventTracker(PersonalizationModel model, ModelDesiredState desired, PersonalizationModelStatus status) {
    if (Boolean.FALSE.equals(model.getSpec().getEventTracker())) {
      if (status.getEventTrackerArn() != null && model.getSpec().getDeletionPolicy() == DeletionPolicy.Delete) {
        var gone = Converger.delete(resources.eventTracker(), desired.eventTracker(), ownerId, events);
        if (!gone.gone()) {
          record(gone, null);
          return;
        }
      }
      status.setEventTrackerArn(null);
      failedGenerations.remove(resources.eventTracker().kind());
      return;
    }
    Step<PersonalizeActual> tracker = convergeOrRetry(resources.eventTracker(), desired.eventTracker());
    // Not a step of the chain (nothing waits on it), but its messages say which step it is.
    statuses.add(tracker.status());
    outcomes.add(tracker.outcome().isReady() ? tracker.outcome() : new Outcome(tracker.outcome().kind(),
        tracker.outcome().reason(), "EventTracker: " + tracker.outcome().message()));
    if (tracker.owned() && tracker.actual().isPresent()) {
      status.setEventTrackerArn(tracker.actual().get().arn());
      trackingId = tracker.actual().get().field(PersonalizeEventTracker.TRACKING_ID);
    }
    trackerPending = !tracker.outcome().isReady();
  }

  /** The import job; true once the data is imported. A new job (next n) after a spec change fixed a failure. */
  private boolean importJob(PersonalizationModel model, ModelDesiredState desired, PersonalizationModelStatus status,
      String roleArn) {
    String source = model.getSpec().getTrainingData().getS3Uri();
    int n = status.getImportJobNumber() == null ? 1 : status.getImportJobNumber();
    // A new job only after a spec change: a new source, or any change while the current job failed.
    boolean specChanged = !source.equals(status.getImportSource())
        || !Objects.equals(status.getImportGeneration(), generation);
    if (status.getImportJobNumber() != null && specChanged) {
      try {
        Optional<PersonalizeActual> current = resources.importJob().observe(desired.importJob(n, roleArn));
        if (current.isPresent()) {
          AwsState state = resources.importJob().state(current.get());
          boolean failedAndSpecChanged = state.phase() == AwsState.Phase.FAILED
              && !Objects.equals(status.getImportGeneration(), generation);
          boolean newSource = state.phase() == AwsState.Phase.STABLE && !source.equals(status.getImportSource());
          if (state.phase() == AwsState.Phase.STABLE && !newSource) {
            // Imported, and still what the spec asks for: nothing to look at until the spec changes.
            status.setImportGeneration(generation);
          }
          if (failedAndSpecChanged || newSource) {
            n++;
            events.normal("ImportRestarted", "dataset import job " + desired.importJob(n, roleArn).name()
                + " reads " + source + (failedAndSpecChanged ? " after the spec changed" : ""));
          }
        }
      } catch (SdkException e) {
        Outcome failure = AwsErrors.outcomeOf("PersonalizeDatasetImportJob " + desired.importJob(n, roleArn).name(), e);
        outcomes.add(failure);
        mark("Import");
        return false;
      }
    }
    PersonalizeDesired job = desired.importJob(n, roleArn);
    boolean fresh = status.getImportJobNumber() == null || n != status.getImportJobNumber();
    var s = Converger.converge(resources.importJob(), job, ownerId, events);
    record(s, "Import");
    if (s.owned() && (s.actual().isPresent() || fresh)) {
      if (fresh) {
        status.setImportJobNumber(n);
        status.setImportSource(source);
        status.setImportGeneration(generation);
      }
      status.setImportJobArn(job.arn());
    }
    return s.outcome().isReady();
  }

  /**
   * The solution version to serve, once it is ACTIVE; null while training runs or failed. Starts
   * the first training, a retraining when due, and a new training after a spec change fixed a
   * failed one. The ARN AWS returns is recorded at once, so a restarted operator takes it up.
   */
  private String training(PersonalizationModel model, ModelDesiredState desired, PersonalizationModelStatus status) {
    PersonalizeSolutionVersion versions = resources.solutionVersion();
    String served = status.getSolutionVersionArn();
    String trainingStep = served == null ? "Training" : "Retraining";
    String training = status.getTrainingSolutionVersionArn();
    try {
      if (training != null) {
        Optional<PersonalizeActual> v = versions.observe(training);
        if (v.isEmpty()) {
          status.setTrainingSolutionVersionArn(null);
          training = null;
        } else {
          AwsState state = PersonalizeSolutionVersion.state(v.get());
          versionStatus(v.get(), state, trainingStep);
          switch (state.phase()) {
            case STABLE:
              return training;
            case FAILED:
              if (Objects.equals(status.getTrainingGeneration(), generation)) {
                return null;
              }
              status.setTrainingSolutionVersionArn(null);
              training = null;
              break;
            default:
              return served != null ? campaignWhileTraining(desired, status, served) : null;
          }
        }
      }
      Optional<String> why = served == null ? Optional.of("first training") : Retraining.due(model, now);
      if (why.isEmpty()) {
        return served;
      }
      String arn = versions.running(desired.solution().arn()).orElse(null);
      if (arn == null) {
        arn = versions.create(desired.solution().arn(), desired.tags());
        events.normal("TrainingStarted", "solution version " + arn + " is training (" + why.get() + ")");
      }
      status.setTrainingSolutionVersionArn(arn);
      status.setTrainingGeneration(generation);
      status.setRetrainAnnotation(Retraining.annotation(model));
      Outcome progressing = Outcome.progressing(Reasons.CREATING, trainingStep + ": "
          + PersonalizeSolutionVersion.KIND + " " + arn + " is training");
      statuses.add(new ResourceStatus(PersonalizeSolutionVersion.KIND, arn, arn, "CREATE PENDING", false,
          progressing.message()));
      outcomes.add(progressing);
      mark(trainingStep);
      return served != null ? campaignWhileTraining(desired, status, served) : null;
    } catch (SdkException e) {
      Outcome failure = AwsErrors.outcomeOf(trainingStep + ": " + PersonalizeSolutionVersion.KIND, e);
      outcomes.add(failure);
      mark(trainingStep);
      return null;
    }
  }

  /** While a retraining runs the campaign keeps serving (and is kept in sync with) the served version. */
  private String campaignWhileTraining(ModelDesiredState desired, PersonalizationModelStatus status, String served) {
    String before = step;
    campaign(desired, status, served);
    step = before;
    return null;
  }

  private void versionStatus(PersonalizeActual v, AwsState state, String trainingStep) {
    Outcome outcome = switch (state.phase()) {
      case STABLE -> Outcome.ready();
      case FAILED -> Outcome.degraded(Reasons.AWS_RESOURCE_FAILED, trainingStep + ": " + PersonalizeSolutionVersion.KIND
          + " " + v.arn() + " is " + state.word() + (state.message().isEmpty() ? "" : ": " + state.message()));
      default -> Outcome.progressing(Reasons.CREATING, trainingStep + ": " + PersonalizeSolutionVersion.KIND + " "
          + v.arn() + " is " + state.word());
    };
    statuses.add(new ResourceStatus(PersonalizeSolutionVersion.KIND, v.arn(), v.arn(), state.word(), outcome.isReady(),
        StatusDerivation.absentIfEmpty(outcome.message())));
    outcomes.add(outcome);
    if (!outcome.isReady()) {
      mark(trainingStep);
    }
  }

  /** The campaign deploys {@code target}; once it does, target is the served version. */
  private void campaign(ModelDesiredState desired, PersonalizationModelStatus status, String target) {
    String served = status.getSolutionVersionArn();
    PersonalizeDesired campaign = desired.campaign(target);
    var s = convergeOrRetry(resources.campaign(), campaign);
    record(s, served == null || !served.equals(target) ? "Campaign" : null);
    if (s.owned()) {
      status.setCampaignArn(campaign.arn());
    }
    if (!s.outcome().isReady() || target.equals(served)) {
      return;
    }
    try {
      status.setMetrics(resources.solutionVersion().metrics(target));
    } catch (SdkException e) {
      outcomes.add(AwsErrors.outcomeOf("GetSolutionMetrics " + target, e));
      return;
    }
    status.setPreviousSolutionVersionArn(served);
    status.setSolutionVersionArn(target);
    status.setTrainingSolutionVersionArn(null);
    status.setLastTrainedTime(now.toString());
    events.normal("Serving", "campaign " + campaign.name() + " serves solution version " + target
        + (served == null ? "" : " (was " + served + ")"));
  }

  /**
   * One step of the chain. A resource AWS failed stays Degraded with AWS's reason until the spec
   * changes; then it is tried again (deleted and created from the new spec, or a failed campaign
   * update made again), which is how a fixed spec resumes from the failed step.
   */
  private Step<PersonalizeActual> convergeOrRetry(AwsResource<PersonalizeDesired, PersonalizeActual> resource,
      PersonalizeDesired desired) {
    Step<PersonalizeActual> s = Converger.converge(resource, desired, ownerId, events);
    if (!Reasons.AWS_RESOURCE_FAILED.equals(s.outcome().reason()) || s.actual().isEmpty()) {
      failedGenerations.remove(resource.kind());
      return s;
    }
    Long failedWith = failedGenerations.putIfAbsent(resource.kind(), generation);
    if (failedWith == null || failedWith == generation) {
      return s;
    }
    return Converger.retryFailed(resource, desired, s.actual().get(), events);
  }

  /** spec.trainingData.roleArn now names a role: the one the operator created is no longer needed. */
  private void releaseRole(PersonalizationModel model, ModelDesiredState desired, PersonalizationModelStatus status) {
    if (model.getSpec().getDeletionPolicy() == DeletionPolicy.Delete) {
      var gone = Converger.delete(resources.role(), desired.role(), ownerId, events);
      if (!gone.gone()) {
        record(gone, null);
        return;
      }
    }
    status.setDataAccessRole(null);
  }

  private void record(Step<?> s, String stepName) {
    statuses.add(s.status());
    outcomes.add(stepName == null || s.outcome().isReady() ? s.outcome()
        : new Outcome(s.outcome().kind(), s.outcome().reason(), stepName + ": " + s.outcome().message()));
    if (!s.outcome().isReady() && stepName != null) {
      mark(stepName);
    }
  }

  private void mark(String stepName) {
    if (step == null) {
      step = stepName;
    }
  }
}
