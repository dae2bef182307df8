package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.aws.personalize.ImportJobActual;
import dev.uba.operator.aws.personalize.ImportJobDesired;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Step;
import java.util.Objects;

/**
 * The dataset import job: jobs are never changed, so the data is imported again by a new job,
 * &lt;namespace&gt;-&lt;name&gt;-&lt;n+1&gt;, only after a spec change: a new training data source
 * once the current job is done, or any change while the current job is FAILED. Until the spec
 * changes, a job that imported its data is not looked at again beyond its own converge.
 */
final class ImportStep {
  private ImportStep() {}

  static NodeResult reconcile(ModelPass p) {
    PersonalizationModelStatus status = p.status();
    long generation = p.generation();
    String roleArn = p.roleArn();
    String source = p.model().getSpec().getTrainingData().getS3Uri();
    int n = status.getImportJobNumber() == null ? 1 : status.getImportJobNumber();
    boolean specChanged = !source.equals(status.getImportSource())
        || !Objects.equals(status.getImportGeneration(), generation);
    if (status.getImportJobNumber() != null && specChanged) {
      Step<ImportJobActual> current = Converger.lookup(p.aws().importJob(), p.desired().importJob(n, roleArn),
          Outcome.ready());
      if (!current.outcome().isReady()) {
        return p.failedStep("Import", current.outcome());
      }
      if (current.actual().isPresent()) {
        n = next(p, n, current.actual().get(), roleArn, source);
      }
    }
    ImportJobDesired job = p.desired().importJob(n, roleArn);
    var s = Converger.converge(p.aws().importJob(), job, p.ownerId(), p.events());
    ModelStatusUpdate.importJob(status, job, s, n, generation);
    return p.chainStep("Import", s);
  }

  /** The number of the job the spec asks for, once it changed: the current one, or the next. */
  private static int next(ModelPass p, int n, ImportJobActual current, String roleArn, String source) {
    PersonalizationModelStatus status = p.status();
    long generation = p.generation();
    AwsState state = p.aws().importJob().state(current);
    boolean failedAndSpecChanged = state.phase() == AwsState.Phase.FAILED
        && !Objects.equals(status.getImportGeneration(), generation);
    boolean newSource = state.phase() == AwsState.Phase.STABLE && !source.equals(status.getImportSource());
    if (state.phase() == AwsState.Phase.STABLE && !newSource) {
      // Imported, and still what the spec asks for: nothing to look at until the spec changes.
      ModelStatusUpdate.imported(status, generation);
    }
    if (!failedAndSpecChanged && !newSource) {
      return n;
    }
    p.events().normal("ImportRestarted", "dataset import job " + p.desired().importJob(n + 1, roleArn).name()
        + " reads " + source + (failedAndSpecChanged ? " after the spec changed" : ""));
    return n + 1;
  }
}
