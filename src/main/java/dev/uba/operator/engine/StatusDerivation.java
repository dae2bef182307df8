package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.CommonStatus;
import dev.uba.operator.api.v1alpha1.Phase;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Derives the conditions and phase of the contract from the outcomes of a pass (pure). A condition
 * keeps its lastTransitionTime while its status stays the same; stale errors are cleared as soon as
 * a pass no longer produces them.
 */
public final class StatusDerivation {
  public static final String READY = "Ready";
  public static final String PROGRESSING = "Progressing";
  public static final String DEGRADED = "Degraded";
  /** A pipeline's delivery: whether events reach their destination (set by the pipeline's pass). */
  public static final String DATA_FLOWING = "DataFlowing";

  private StatusDerivation() {}

  /**
   * Writes observedGeneration, conditions and phase into {@code status}.
   *
   * @param outcomes one per managed resource, plus any object-level outcome (validation, references)
   * @param deleting whether deletion was requested
   */
  public static void apply(CommonStatus status, long generation, List<Outcome> outcomes, boolean deleting,
      Instant now) {
    Optional<Outcome> degraded = outcomes.stream().filter(Outcome::isDegraded).findFirst();
    Optional<Outcome> progressing = outcomes.stream().filter(Outcome::isProgressing).findFirst();
    Optional<Outcome> notReady = outcomes.stream().filter(o -> !o.isReady()).findFirst();
    boolean ready = !deleting && !outcomes.isEmpty() && notReady.isEmpty();

    List<Condition> previous = status.getConditions() == null ? List.of() : status.getConditions();
    List<Condition> next = new ArrayList<>();
    next.add(condition(previous, READY, ready, generation, now,
        ready ? Reasons.READY : notReady.map(Outcome::reason).orElse(deleting ? Reasons.DELETING : Reasons.NOT_READY),
        ready ? "All AWS resources are in sync with the spec"
            : notReady.map(Outcome::message).orElse(deleting ? "Deletion requested" : "")));
    next.add(condition(previous, PROGRESSING, progressing.isPresent(), generation, now,
        progressing.map(Outcome::reason).orElse(Reasons.CONVERGED),
        progressing.map(Outcome::message).orElse("")));
    next.add(condition(previous, DEGRADED, degraded.isPresent(), generation, now,
        degraded.map(Outcome::reason).orElse(Reasons.HEALTHY),
        degraded.map(Outcome::message).orElse("")));
    // A kind's own conditions (a pipeline's DataFlowing) are the kind's to write; they stay as set.
    previous.stream().filter(c -> !List.of(READY, PROGRESSING, DEGRADED).contains(c.getType())).forEach(next::add);
    status.setConditions(next);
    status.setObservedGeneration(generation);
    status.setPhase(phase(deleting, degraded.isPresent(), ready, somethingExists(status, progressing.isPresent())));
  }

  /**
   * Sets a kind's own condition (True, False or Unknown), keeping its lastTransitionTime while its
   * status stays the same; {@link #apply} leaves it in place.
   */
  public static void setCondition(CommonStatus status, String type, String value, String reason, String message,
      long generation, Instant now) {
    List<Condition> previous = status.getConditions() == null ? List.of() : status.getConditions();
    String since = find(previous, type).filter(c -> value.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime).orElse(now.toString());
    List<Condition> next = new ArrayList<>(previous.stream().filter(c -> !type.equals(c.getType())).toList());
    next.add(new ConditionBuilder().withType(type).withStatus(value).withReason(reason)
        .withMessage(absentIfEmpty(message)).withObservedGeneration(generation).withLastTransitionTime(since).build());
    status.setConditions(next);
  }

  /** Removes a kind's own condition (the block it reports on was removed from the spec). */
  public static void removeCondition(CommonStatus status, String type) {
    if (status.getConditions() != null) {
      status.setConditions(new ArrayList<>(status.getConditions().stream().filter(c -> !type.equals(c.getType())).toList()));
    }
  }

  /** Deleting > Degraded > Ready > Provisioning (something exists or is being created) > Pending. */
  public static Phase phase(boolean deleting, boolean degraded, boolean ready, boolean somethingExists) {
    if (deleting) {
      return Phase.Deleting;
    }
    if (degraded) {
      return Phase.Degraded;
    }
    if (ready) {
      return Phase.Ready;
    }
    return somethingExists ? Phase.Provisioning : Phase.Pending;
  }

  private static boolean somethingExists(CommonStatus status, boolean progressing) {
    List<ResourceStatus> resources = status.getResources() == null ? List.of() : status.getResources();
    return resources.stream().anyMatch(r -> r.getArn() != null || "CREATING".equals(r.getState()))
        || (progressing && !resources.isEmpty());
  }

  /** Whether the last pass turned the object Degraded, or changed why it is. */
  public static boolean becameDegraded(List<Condition> before, List<Condition> after) {
    Optional<Condition> was = find(before, DEGRADED);
    Optional<Condition> now = find(after, DEGRADED);
    boolean isNow = now.map(c -> "True".equals(c.getStatus())).orElse(false);
    boolean wasBefore = was.map(c -> "True".equals(c.getStatus())).orElse(false);
    return isNow && (!wasBefore || !was.get().getReason().equals(now.get().getReason()));
  }

  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions == null ? Optional.empty()
        : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /**
   * An empty message is left out rather than written as "": a kube-apiserver built with Go 1.16 or
   * newer from 1.20 sources (as the one this project tests against) validates "" in a custom
   * resource as null and refuses the whole status write (kubernetes/kubernetes#99804).
   */
  public static String absentIfEmpty(String message) {
    return message == null || message.isEmpty() ? null : message;
  }

  private static Condition condition(List<Condition> previous, String type, boolean value, long generation,
      Instant now, String reason, String message) {
    String status = value ? "True" : "False";
    String since = find(previous, type).filter(c -> status.equals(c.getStatus()))
        .map(Condition::getLastTransitionTime).orElse(now.toString());
    return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(absentIfEmpty(message))
        .withObservedGeneration(generation).withLastTransitionTime(since).build();
  }
}
