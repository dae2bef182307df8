package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.aws.personalize.PersonalizeSolutionVersion;
import dev.uba.operator.aws.personalize.SolutionVersionActual;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.Step;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The solution version: the first training, a retraining when due (timer or uba.dev/retrain), and
 * a new training after a spec change fixed a failed one. The version to deploy is handed to the
 * campaign step: the trained one once it is ACTIVE, else the one served while a retraining runs
 * (the campaign keeps serving it until the new one is ACTIVE). Nothing is read while no training
 * is recorded or due, so a converged model costs no solution-version call.
 */
final class TrainingStep {
  static final String KIND = PersonalizeSolutionVersion.KIND;

  private TrainingStep() {}

  static NodeResult reconcile(ModelPass p) {
    PersonalizationModelStatus status = p.status();
    String served = status.getSolutionVersionArn();
    String stepName = served == null ? "Training" : "Retraining";
    String training = status.getTrainingSolutionVersionArn();
    if (training != null) {
      Step<SolutionVersionActual> s = converge(p, training, "the training " + training + " is no longer known to AWS");
      Optional<SolutionVersionActual> version = s.actual();
      if (version.isEmpty()) {
        return p.chainStep(stepName, s);
      }
      if (!version.get().arn().equals(training)) {
        return started(p, stepName, s, served);
      }
      AwsState.Phase phase = p.aws().solutionVersion().state(version.get()).phase();
      if (phase == AwsState.Phase.STABLE) {
        p.deploy(new ModelPass.Deployment(training, version.get().metrics()));
        return p.chainStep(stepName, s);
      }
      if (phase != AwsState.Phase.FAILED) {
        return whileTraining(p, served, p.chainStep(stepName, s));
      }
      if (Objects.equals(status.getTrainingGeneration(), p.generation())) {
        return p.chainStep(stepName, s);
      }
      ModelStatusUpdate.trainingDropped(status);
    }
    Optional<String> why = served == null ? Optional.of("first training") : Retraining.due(p.model(), p.now());
    if (why.isEmpty()) {
      p.deploy(new ModelPass.Deployment(served, status.getMetrics()));
      return NodeResult.nothing();
    }
    Step<SolutionVersionActual> s = converge(p, null, why.get());
    return s.actual().isEmpty() ? p.chainStep(stepName, s) : started(p, stepName, s, served);
  }

  /** The version {@code arn}, or (null) a new training: one already running is taken up, else one is started. */
  private static Step<SolutionVersionActual> converge(ModelPass p, String arn, String reason) {
    return Converger.converge(p.aws().solutionVersion(), p.desired().solutionVersion(arn, reason), p.ownerId(),
        p.events());
  }

  /** A training started or taken up this pass: recorded at once, so that a restarted operator takes it up. */
  private static NodeResult started(ModelPass p, String stepName, Step<SolutionVersionActual> s, String served) {
    SolutionVersionActual version = s.actual().orElseThrow();
    ModelStatusUpdate.trainingStarted(p.status(), version.arn(), p.generation(), Retraining.annotation(p.model()));
    Outcome training = Outcome.progressing(Reasons.CREATING, stepName + ": " + KIND + " " + version.arn()
        + " is training");
    p.mark(stepName);
    NodeResult result = new NodeResult(List.of(ModelStatusUpdate.trainingEntry(KIND, version.arn(), version.status(),
        training.message())), List.of(training), false, false);
    return whileTraining(p, served, result);
  }

  /** While a retraining runs the campaign keeps serving (and is kept in sync with) the served version. */
  private static NodeResult whileTraining(ModelPass p, String served, NodeResult training) {
    if (served == null) {
      return training;
    }
    p.deploy(new ModelPass.Deployment(served, p.status().getMetrics()));
    return training.satisfied(true);
  }
}
