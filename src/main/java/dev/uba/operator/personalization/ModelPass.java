package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.Step;
import dev.uba.operator.engine.WorkflowPass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one pass over a model knows (its spec and status, the desired state, the resource types of
 * its region, where Events go) and what its steps hand on to later ones: the first chain step that
 * is not done (status.step), the version the campaign is to deploy, and the tracking ID for the
 * Secret (never for status, events or logs).
 */
final class ModelPass implements WorkflowPass {
  /** What the campaign step deploys: a trained version, and its metrics once it is ACTIVE. */
  record Deployment(String solutionVersionArn, Map<String, Double> metrics) {}

  private final PersonalizationModel model;
  private final PersonalizationModelStatus status;
  private final ModelDesiredState desired;
  private final ModelResources aws;
  private final EventSink events;
  private final Instant now;
  private String step;
  private boolean trackerPending;
  private String trackingId;
  private Deployment deployment;

  ModelPass(PersonalizationModel model, PersonalizationModelStatus status, ModelDesiredState desired,
      ModelResources aws, EventSink events, Instant now) {
    this.model = model;
    this.status = status;
    this.desired = desired;
    this.aws = aws;
    this.events = events;
    this.now = now;
  }

  PersonalizationModel model() {
    return model;
  }

  PersonalizationModelStatus status() {
    return status;
  }

  ModelDesiredState desired() {
    return desired;
  }

  ModelResources aws() {
    return aws;
  }

  Instant now() {
    return now;
  }

  long generation() {
    return model.getMetadata().getGeneration();
  }

  @Override
  public String ownerId() {
    return desired.names().ownerId();
  }

  @Override
  public EventSink events() {
    return events;
  }

  @Override
  public DeletionPolicy deletionPolicy() {
    return model.getSpec().getDeletionPolicy();
  }

  /** Without spec.trainingData.roleArn the operator creates the role Personalize reads the data with. */
  boolean createsRole() {
    String given = model.getSpec().getTrainingData().getRoleArn();
    return given == null || given.isBlank();
  }

  /** The role the import job hands to Personalize: the spec's, or the one the operator created. */
  String roleArn() {
    return createsRole() ? status.getDataAccessRole().getArn() : model.getSpec().getTrainingData().getRoleArn();
  }

  boolean wantsEventTracker() {
    return Boolean.TRUE.equals(model.getSpec().getEventTracker());
  }

  /**
   * Converges a resource whose FAILED state stays Degraded with AWS's reason until the spec
   * changes; then it is tried again (deleted and created from the new spec, or a failed campaign
   * update made again), which is how a fixed spec resumes from the failed step.
   */
  <D extends Desired, A> Step<A> convergeOrRetry(AwsResource<D, A> resource, D wanted) {
    Step<A> s = Converger.converge(resource, wanted, ownerId(), events);
    Map<String, Long> failed = status.getFailedGenerations();
    if (!Reasons.AWS_RESOURCE_FAILED.equals(s.outcome().reason()) || s.actual().isEmpty()) {
      failed.remove(resource.kind());
      return s;
    }
    Long failedWith = failed.putIfAbsent(resource.kind(), generation());
    if (failedWith == null || failedWith == generation()) {
      return s;
    }
    return Converger.retryFailed(resource, wanted, s.actual().get(), events);
  }

  /** A step of the chain: its messages name the step, and the first one not ready is status.step. */
  NodeResult chainStep(String stepName, Step<?> s) {
    if (!s.outcome().isReady()) {
      mark(stepName);
    }
    return new NodeResult(List.of(s.status()), List.of(named(stepName, s.outcome())), s.outcome().isReady(), s.gone());
  }

  /** A step the chain does not wait for: its messages name the step, status.step does not. */
  NodeResult asideStep(String stepName, Step<?> s) {
    return new NodeResult(List.of(s.status()), List.of(named(stepName, s.outcome())), s.outcome().isReady(), s.gone());
  }

  /** An AWS error outside a resource's own converge: the chain stops at the step. */
  NodeResult failedStep(String stepName, Outcome failure) {
    mark(stepName);
    return new NodeResult(List.of(), List.of(failure), false, false);
  }

  static Outcome named(String stepName, Outcome outcome) {
    return outcome.isReady() ? outcome : outcome.withMessage(stepName + ": " + outcome.message());
  }

  void mark(String stepName) {
    if (step == null) {
      step = stepName;
    }
  }

  /** status.step: the first chain step not done, the event tracker if only it is pending, else Serving. */
  String step() {
    return step != null ? step : trackerPending ? "EventTracker" : "Serving";
  }

  void eventTracker(boolean pending, String trackingIdRead) {
    this.trackerPending = pending;
    this.trackingId = trackingIdRead;
  }

  /** The tracking ID read from AWS this pass, for the Secret only. */
  Optional<String> trackingId() {
    return Optional.ofNullable(trackingId);
  }

  void deploy(Deployment next) {
    this.deployment = next;
  }

  /** What the campaign step deploys this pass; absent while no version can be served. */
  Optional<Deployment> deployment() {
    return Optional.ofNullable(deployment);
  }
}
