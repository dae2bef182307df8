package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.ResourceStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * What one node of a {@link Workflow} did in a pass: its entries for status.resources, one outcome
 * per entry (or none), whether the nodes that depend on it may go on, and, when deleting, whether
 * AWS no longer returns what it stands for.
 *
 * @param satisfied true when dependents may go on (JOSDK's ready postcondition)
 * @param gone true when deletion of everything the node stands for is finished
 */
public record NodeResult(List<ResourceStatus> statuses, List<Outcome> outcomes, boolean satisfied, boolean gone) {

  public NodeResult {
    statuses = List.copyOf(statuses);
    outcomes = List.copyOf(outcomes);
  }

  /** One resource converged: its dependents may go on once it is ready. */
  public static NodeResult of(Step<?> step) {
    return of(step, step.outcome().isReady());
  }

  /** One resource converged; {@code satisfied} says whether its dependents may go on. */
  public static NodeResult of(Step<?> step, boolean satisfied) {
    return new NodeResult(List.of(step.status()), List.of(step.outcome()), satisfied, step.gone());
  }

  /** One resource deleted (or being deleted). */
  public static NodeResult deleted(Step<?> step) {
    return new NodeResult(step.gone() ? List.of() : List.of(step.status()),
        step.gone() ? List.of() : List.of(step.outcome()), step.gone(), step.gone());
  }

  /** Several resources of one type (a topic's subscriptions): satisfied when every one is ready. */
  public static NodeResult ofAll(List<? extends Step<?>> steps) {
    List<ResourceStatus> statuses = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    steps.forEach(s -> {
      statuses.add(s.status());
      outcomes.add(s.outcome());
    });
    return new NodeResult(statuses, outcomes, outcomes.stream().allMatch(Outcome::isReady),
        steps.stream().allMatch(Step::gone));
  }

  /** Nothing to report and nothing in the way: the node has nothing to do in this pass. */
  public static NodeResult nothing() {
    return new NodeResult(List.of(), List.of(), true, true);
  }

  /** Not looked at in this pass, and in the way of its dependents (a chain that stops here). */
  public static NodeResult stopped() {
    return new NodeResult(List.of(), List.of(), false, false);
  }

  /** The resource waits (for a dependency, or for its owner to create it): Progressing, reason Waiting. */
  public static NodeResult waiting(String kind, String name, String why) {
    return new NodeResult(List.of(new ResourceStatus(kind, name, null, null, false, why)),
        List.of(Outcome.progressing(Reasons.WAITING, kind + " " + name + ": " + why)), false, false);
  }

  /** A resource that could not be looked at (an AWS error outside the converger). */
  public static NodeResult failed(String kind, String name, Outcome outcome) {
    return new NodeResult(List.of(new ResourceStatus(kind, name, null, null, false,
        StatusDerivation.absentIfEmpty(outcome.message()))), List.of(outcome), false, false);
  }

  /** This result and another one of the same node, in that order; satisfied and gone when both are. */
  public NodeResult and(NodeResult other) {
    List<ResourceStatus> s = new ArrayList<>(statuses);
    s.addAll(other.statuses);
    List<Outcome> o = new ArrayList<>(outcomes);
    o.addAll(other.outcomes);
    return new NodeResult(s, o, satisfied && other.satisfied, gone && other.gone);
  }

  /** The same entries; {@code satisfied} decided by the node. */
  public NodeResult satisfied(boolean value) {
    return new NodeResult(statuses, outcomes, value, gone);
  }
}
