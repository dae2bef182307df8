package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.cloudwatch.DeliveryMetrics;
import dev.uba.operator.aws.firehose.DeliveryActual;
import dev.uba.operator.aws.firehose.DeliverySettings;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.StatusDerivation;
import dev.uba.operator.engine.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The delivery stream's node and the data-flow reading that follows it: what is particular to
 * Firehose (a failed stream tried again after a spec change, the wait while IAM propagates a new
 * role) and the DataFlowing condition.
 */
final class DeliveryNodes {
  /** How long a Firehose refusal to assume a new role counts as IAM still propagating it. */
  static final Duration ROLE_PROPAGATION = Duration.ofMinutes(2);

  private DeliveryNodes() {}

  static NodeResult delivery(PipelinePass p) {
    var desired = p.desired().delivery();
    var resource = p.resources().delivery();
    Step<DeliveryActual> step = Converger.converge(resource, desired, p.ownerId(), p.events());
    UbaPipelineStatus.DeliveryStatus s = p.status().getDelivery() == null ? new UbaPipelineStatus.DeliveryStatus()
        : p.status().getDelivery();
    if (Reasons.AWS_RESOURCE_FAILED.equals(step.outcome().reason()) && step.actual().isPresent()) {
      if (s.getFailedGeneration() == null) {
        s.setFailedGeneration(p.generation());
      } else if (p.generation() > s.getFailedGeneration()) {
        s.setFailedGeneration(null);
        step = Converger.retryFailed(resource, desired, step.actual().get(), p.events());
      }
    } else {
      s.setFailedGeneration(null);
    }
    step = waitWhileRoleIsNew(p, s, step);
    if (step.owned() || s.getFailedGeneration() != null || s.getWaitingForRoleSince() != null) {
      record(s, desired.name(), desired.settings().destination(), step);
      p.status().setDelivery(s);
    } else if (!step.learntNothing()) {
      p.status().setDelivery(null);
    }
    return NodeResult.of(step);
  }

  /**
   * Firehose answers InvalidArgumentException while IAM has not yet propagated a role made moments
   * ago: that is a wait for up to {@link #ROLE_PROPAGATION}, then the error it is.
   */
  private static Step<DeliveryActual> waitWhileRoleIsNew(PipelinePass p, UbaPipelineStatus.DeliveryStatus s,
      Step<DeliveryActual> step) {
    String message = step.outcome().message().toLowerCase(Locale.ROOT);
    boolean cannotAssume = Reasons.AWS_VALIDATION_ERROR.equals(step.outcome().reason())
        && message.contains("invalidargument") && message.contains("assume");
    if (!cannotAssume) {
      s.setWaitingForRoleSince(null);
      return step;
    }
    Instant since = s.getWaitingForRoleSince() == null ? p.now() : Instant.parse(s.getWaitingForRoleSince());
    s.setWaitingForRoleSince(since.toString());
    if (Duration.between(since, p.now()).compareTo(ROLE_PROPAGATION) >= 0) {
      return step;
    }
    Outcome waiting = Outcome.progressing(Reasons.WAITING, "DeliveryStream " + p.desired().delivery().name()
        + ": Firehose cannot assume IamRole " + p.desired().ingestionRole().name()
        + " yet (IAM takes a moment to propagate a new role); waiting up to " + ROLE_PROPAGATION.toMinutes()
        + " minutes");
    return new Step<>(waiting, new ResourceStatus("DeliveryStream",
        p.desired().delivery().name(), null, "CREATING", false, waiting.message()), step.actual());
  }

  private static void record(UbaPipelineStatus.DeliveryStatus s, String name, DeliverySettings.Destination destination,
      Step<DeliveryActual> step) {
    s.setName(name);
    s.setDestination(destination.name());
    step.actual().ifPresentOrElse(a -> {
      s.setArn(a.arn());
      s.setStatus(a.status());
      s.setVersionId(a.versionId());
    }, () -> s.setStatus(step.status().getState()));
  }

  /**
   * One GetMetricData read into status.dataFlow and the DataFlowing condition; it reports no
   * resource and no outcome, since Ready says whether the resources are as declared.
   */
  static NodeResult dataFlow(PipelinePass p) {
    var delivery = p.desired().delivery();
    String metric = delivery.settings().destination() == DeliverySettings.Destination.OpenSearch
        ? "DeliveryToAmazonOpenSearchService" : "DeliveryToS3";
    String destination = delivery.settings().destination() == DeliverySettings.Destination.OpenSearch
        ? "OpenSearch" : "S3";
    var query = DeliveryMetrics.lastWindow(delivery.name(), p.desired().stream().name(), metric, DataFlow.WINDOW,
        p.now());
    var read = Converger.lookup(p.resources().metrics(), query,
        Outcome.progressing(Reasons.WAITING, "CloudWatch returned no reading"));
    if (read.actual().isEmpty()) {
      StatusDerivation.setCondition(p.status(), DataFlow.CONDITION, "Unknown", "NotMeasured",
          read.outcome().message(), p.generation(), p.now());
      return NodeResult.nothing();
    }
    var reading = read.actual().get();
    p.status().setDataFlow(DataFlow.status(reading, p.now()));
    DataFlow.Verdict v = DataFlow.verdict(reading, p.desired().stream().name(), destination);
    StatusDerivation.setCondition(p.status(), DataFlow.CONDITION, v.status(), v.reason(), v.message(),
        p.generation(), p.now());
    return NodeResult.nothing();
  }

  /** Before the delivery stream runs, nothing can have been measured. */
  static void notMeasuredYet(PipelinePass p) {
    boolean known = p.status().getConditions() != null && p.status().getConditions().stream()
        .anyMatch(c -> Objects.equals(c.getType(), DataFlow.CONDITION));
    if (!known) {
      StatusDerivation.setCondition(p.status(), DataFlow.CONDITION, "Unknown", "NotMeasured",
          "the delivery stream is not ACTIVE yet", p.generation(), p.now());
    }
  }
}
