package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A kind's AWS resources and their dependencies, declared once; the order of creation, the waiting
 * on dependencies, the removal of what the spec no longer asks for and the reverse order of deletion
 * all follow from the declaration.
 *
 * <p>The model is JOSDK's dependent-resource workflow ({@code dependsOn}, activation condition,
 * ready postcondition, delete postcondition). JOSDK's own {@code Workflow} is not used because its
 * dependents are Kubernetes-cached resources reconciled concurrently, each with its own event
 * source: here every resource is a remote AWS object read once per pass, a pass must end (not
 * block) at the first resource AWS is still working on, and every outcome feeds one status write.
 *
 * <p>Nodes run in declaration order, which must list a dependency before its dependents (checked
 * when the workflow is built). A node runs when every node it depends on was satisfied in the same
 * pass; a dependency the spec does not ask for counts as satisfied (there is nothing to wait for).
 *
 * @param <C> what one pass of the kind knows: its desired state, its status, the resource types
 *     bound to the object's region
 */
public final class Workflow<C extends WorkflowPass> {
  private final List<Node<C>> nodes;

  private final List<Node<C>> deletionOrder;

  private Workflow(List<Node<C>> nodes) {
    this.nodes = List.copyOf(nodes);
    this.deletionOrder = deletionOrder(this.nodes);
  }

  /** Reverse creation order, except that a node declared {@code deletedAfter} another follows it. */
  private static <C extends WorkflowPass> List<Node<C>> deletionOrder(List<Node<C>> nodes) {
    List<Node<C>> order = new ArrayList<>(nodes);
    Collections.reverse(order);
    for (Node<C> node : nodes) {
      if (node.deletedAfter != null) {
        order.remove(node);
        Node<C> after = order.stream().filter(n -> n.id.equals(node.deletedAfter)).findFirst().orElseThrow();
        order.add(order.indexOf(after) + 1, node);
      }
    }
    return List.copyOf(order);
  }

  public static <C extends WorkflowPass> Builder<C> builder() {
    return new Builder<>();
  }

  /** The outcomes of a pass (one per resource entry) and the entries for status.resources. */
  public record PassResult(List<Outcome> outcomes, List<ResourceStatus> resources) {
    /** After a cleanup pass: AWS no longer returns anything the object owned. */
    public boolean finished() {
      return outcomes.isEmpty() && resources.isEmpty();
    }
  }

  /** The node ids in the order resources are created; deletion runs the other way round. */
  public List<String> creationOrder() {
    return nodes.stream().map(n -> n.id).toList();
  }

  /** The node ids in the order resources are deleted. */
  public List<String> deletionOrder() {
    return deletionOrder.stream().map(n -> n.id).toList();
  }

  /**
   * One forward pass: every wanted node in order (or its waiting entry when a dependency is not
   * satisfied), then the nodes the spec no longer asks for but status still records, in reverse
   * order: deleted (the first one not yet gone ends the removal) or, with deletionPolicy Retain,
   * released.
   */
  public PassResult reconcile(C pass) {
    return reconcile(pass, List.of());
  }

  /**
   * As {@link #reconcile(WorkflowPass)}; {@code previous} (the last pass's status.resources) keeps
   * the entries of resources still to be removed once an earlier removal is done, so that status
   * goes on naming them and the kind can find them again.
   */
  public PassResult reconcile(C pass, List<ResourceStatus> previous) {
    List<Outcome> outcomes = new ArrayList<>();
    List<ResourceStatus> statuses = new ArrayList<>();
    Map<String, Boolean> satisfied = new HashMap<>();
    for (Node<C> node : nodes) {
      if (!node.wanted.test(pass)) {
        satisfied.put(node.id, true);
        continue;
      }
      Optional<Node<C>> blocker = node.dependsOn.stream().map(this::node)
          .filter(d -> !satisfied.getOrDefault(d.id, false)).findFirst();
      NodeResult result = blocker.isPresent() ? node.blocked(pass, blocker.get()) : node.reconcile.apply(pass);
      satisfied.put(node.id, result.satisfied());
      statuses.addAll(result.statuses());
      outcomes.addAll(result.outcomes());
    }
    removeUnwanted(pass, outcomes, statuses, previous == null ? List.of() : previous);
    return new PassResult(outcomes, statuses);
  }

  private void removeUnwanted(C pass, List<Outcome> outcomes, List<ResourceStatus> statuses,
      List<ResourceStatus> previous) {
    boolean waiting = false;
    for (Node<C> node : reversed()) {
      if (node.wanted.test(pass) || !node.recorded.test(pass)) {
        continue;
      }
      if (node.partOf != null && !node(node.partOf).wanted.test(pass)) {
        // Its parent goes (or is released) too, and takes it along: nothing to call, nothing to say.
        node.release.accept(pass);
        continue;
      }
      if (waiting) {
        previous.stream().filter(r -> node.kind.equals(r.getKind())).forEach(statuses::add);
        continue;
      }
      if (pass.deletionPolicy() == DeletionPolicy.Retain) {
        pass.events().normal("Released", node.what(pass) + " is no longer in the spec; with deletionPolicy Retain "
            + "it is left in place");
        node.release.accept(pass);
        continue;
      }
      NodeResult result = node.delete.apply(pass);
      if (!result.gone()) {
        statuses.addAll(result.statuses());
        outcomes.addAll(result.outcomes());
        waiting = true;
        continue;
      }
      node.release.accept(pass);
    }
  }

  /**
   * One deletion pass in reverse order over everything the object has (wanted by the spec or
   * recorded in status), each only once AWS no longer returns the one after it in creation order.
   * Finished when all are gone; otherwise the node being deleted and the entries of {@code previous}
   * not yet reached.
   */
  public PassResult cleanup(C pass, List<ResourceStatus> previous) {
    Set<String> reached = new HashSet<>();
    for (Node<C> node : reversed()) {
      if (!node.wanted.test(pass) && !node.recorded.test(pass) || node.partOf != null) {
        // A part goes with its parent: deleting the parent deletes it.
        continue;
      }
      NodeResult result = node.delete.apply(pass);
      reached.add(node.kind);
      result.statuses().forEach(s -> reached.add(s.getKind()));
      if (!result.gone()) {
        List<ResourceStatus> remaining = new ArrayList<>(result.statuses());
        (previous == null ? List.<ResourceStatus>of() : previous).stream()
            .filter(r -> !reached.contains(r.getKind())).forEach(remaining::add);
        return new PassResult(result.outcomes(), remaining);
      }
    }
    return new PassResult(List.of(), List.of());
  }

  private List<Node<C>> reversed() {
    return deletionOrder;
  }

  private Node<C> node(String id) {
    return nodes.stream().filter(n -> n.id.equals(id)).findFirst().orElseThrow();
  }

  /** What a node does when a dependency is not satisfied. */
  public enum WhenBlocked {
    /** An entry "waiting for <dependency>", Progressing with reason Waiting. */
    WAIT,
    /** Nothing: the pass ends at the dependency (a chain, whose status names the step it is at). */
    STOP
  }

  /** One AWS resource type of the kind (or a set of one type, such as a topic's subscriptions). */
  public static final class Node<C extends WorkflowPass> {
    private final String id;
    private final String kind;
    private Function<C, String> name = c -> "";
    private final List<String> dependsOn = new ArrayList<>();
    private Predicate<C> wanted = c -> true;
    private Predicate<C> recorded = c -> false;
    private Function<C, NodeResult> reconcile;
    private Function<C, NodeResult> delete = c -> NodeResult.nothing();
    private Consumer<C> release = c -> { };
    private WhenBlocked whenBlocked = WhenBlocked.WAIT;
    private Function<C, String> waitingFor;
    private String partOf;
    private String deletedAfter;

    private Node(String id, String kind) {
      this.id = id;
      this.kind = kind;
    }

    String what(C pass) {
      String n = name.apply(pass);
      return n == null || n.isEmpty() ? kind : kind + " " + n;
    }

    NodeResult blocked(C pass, Node<C> dependency) {
      if (whenBlocked == WhenBlocked.STOP) {
        return NodeResult.stopped();
      }
      String on = dependency.waitingFor != null ? dependency.waitingFor.apply(pass) : dependency.what(pass);
      return NodeResult.waiting(kind, name.apply(pass), "waiting for " + on);
    }
  }

  /** Declares the nodes in order; each {@link #node} call starts a new one. */
  public static final class Builder<C extends WorkflowPass> {
    private final Map<String, Node<C>> nodes = new LinkedHashMap<>();
    private Node<C> current;

    /**
     * A node with its own reconcile function.
     *
     * @param id how other nodes name it in {@link #dependsOn}
     * @param kind the kind of its status entries (KinesisStream, SnsTopic, ...)
     */
    public Builder<C> node(String id, String kind, Function<C, NodeResult> reconcile) {
      if (nodes.containsKey(id)) {
        throw new IllegalArgumentException("node " + id + " is declared twice");
      }
      current = new Node<>(id, kind);
      current.reconcile = reconcile;
      nodes.put(id, current);
      return this;
    }

    /** The AWS name of the resource, for messages ("waiting for IamRole <name>", "Released"). */
    public Builder<C> named(Function<C, String> name) {
      current.name = name;
      return this;
    }

    /** How dependents name this node while they wait for it (default: its kind and name). */
    public Builder<C> waitingFor(Function<C, String> description) {
      current.waitingFor = description;
      return this;
    }

    /** Nodes that must be satisfied in the same pass before this one runs; declared earlier. */
    public Builder<C> dependsOn(String... ids) {
      for (String id : ids) {
        if (!nodes.containsKey(id) || id.equals(current.id)) {
          throw new IllegalArgumentException(current.id + " depends on " + id + ", which is not declared before it");
        }
        current.dependsOn.add(id);
      }
      return this;
    }

    /** Whether the spec asks for the resource (JOSDK's activation condition); default always. */
    public Builder<C> when(Predicate<C> wanted) {
      current.wanted = wanted;
      return this;
    }

    /**
     * Whether status records the resource from an earlier pass, so that it is removed once the spec
     * no longer asks for it, and deleted with the object although the spec no longer names it.
     */
    public Builder<C> recordedWhen(Predicate<C> recorded) {
      current.recorded = recorded;
      return this;
    }

    /** One deletion pass of the resource (default: nothing to delete; it goes with its parent). */
    public Builder<C> deletedBy(Function<C, NodeResult> delete) {
      current.delete = delete;
      return this;
    }

    /** Forgets the resource in status once it is deleted or released (Retain). */
    public Builder<C> releasedBy(Consumer<C> release) {
      current.release = release;
      return this;
    }

    /**
     * The resource lives inside another one (an index template inside its domain): it depends on it,
     * and when both leave, or the parent is deleted with the object, the parent takes it along with
     * no call of its own. Removed alone, it is deleted (or released) like any other.
     */
    public Builder<C> partOf(String parentId) {
      dependsOn(parentId);
      current.partOf = parentId;
      return this;
    }

    /**
     * Deleted right after the node given, though created before it (nothing depends on the order of
     * creation): a producer policy goes after the stream it grants, so nothing writes to a stream
     * that no longer exists.
     */
    public Builder<C> deletedAfter(String id) {
      if (!nodes.containsKey(id)) {
        throw new IllegalArgumentException(current.id + " is deleted after " + id + ", which is not declared before it");
      }
      current.deletedAfter = id;
      return this;
    }

    public Builder<C> whenBlocked(WhenBlocked whenBlocked) {
      current.whenBlocked = whenBlocked;
      return this;
    }

    public Workflow<C> build() {
      return new Workflow<>(new ArrayList<>(nodes.values()));
    }
  }
}
