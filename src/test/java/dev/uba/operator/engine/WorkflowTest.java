package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.engine.fake.FakeAws;
import dev.uba.operator.engine.fake.FakeResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Order, waiting, removal and reverse deletion derived from a declared workflow, on fake resources. */
class WorkflowTest {
  private static final String OWNER = "ns/kind/o";

  record Want(String name, int size, Map<String, String> tags) implements Desired {}

  record Have(String name, int size) {}

  /** A pass: which nodes the spec asks for and which ones status records. */
  static final class Pass implements WorkflowPass {
    final Set<String> wanted = new HashSet<>(Set.of("a", "b", "c"));
    final Set<String> recorded = new HashSet<>();
    DeletionPolicy policy = DeletionPolicy.Delete;
    final List<String> events = new ArrayList<>();

    @Override
    public String ownerId() {
      return OWNER;
    }

    @Override
    public EventSink events() {
      return new EventSink() {
        @Override
        public void normal(String reason, String message) {
          events.add(reason + ": " + message);
        }

        @Override
        public void warning(String reason, String message) {
          events.add(reason + ": " + message);
        }
      };
    }

    @Override
    public DeletionPolicy deletionPolicy() {
      return policy;
    }
  }

  private final FakeAws aws = new FakeAws();
  private final FakeResource<Want, Have> a = resource("A").settlesOnCreate();
  private final FakeResource<Want, Have> b = resource("B");
  private final FakeResource<Want, Have> c = resource("C");

  private FakeResource<Want, Have> resource(String kind) {
    return new FakeResource<>(aws, kind, (name, held) -> new Have(name, held.desired().size()), Have::name);
  }

  private static Want want(String name) {
    return new Want(name, 1, Ownership.tags(Map.of(), OWNER));
  }

  /** a; b depends on a; c depends on b and stops (a chain) rather than waiting visibly. */
  private final Workflow<Pass> workflow = Workflow.<Pass>builder()
      .node("a", "A", p -> NodeResult.of(Converger.converge(a, want("a1"), OWNER, p.events())))
      .named(p -> "a1").when(p -> p.wanted.contains("a")).recordedWhen(p -> p.recorded.contains("a"))
      .deletedBy(p -> NodeResult.deleted(Converger.delete(a, want("a1"), OWNER, p.events())))
      .releasedBy(p -> p.recorded.remove("a"))
      .node("b", "B", p -> NodeResult.of(Converger.converge(b, want("b1"), OWNER, p.events())))
      .named(p -> "b1").dependsOn("a").when(p -> p.wanted.contains("b")).recordedWhen(p -> p.recorded.contains("b"))
      .deletedBy(p -> NodeResult.deleted(Converger.delete(b, want("b1"), OWNER, p.events())))
      .releasedBy(p -> p.recorded.remove("b"))
      .node("c", "C", p -> NodeResult.of(Converger.converge(c, want("c1"), OWNER, p.events())))
      .named(p -> "c1").dependsOn("b").whenBlocked(Workflow.WhenBlocked.STOP)
      .when(p -> p.wanted.contains("c")).recordedWhen(p -> p.recorded.contains("c"))
      .deletedBy(p -> NodeResult.deleted(Converger.delete(c, want("c1"), OWNER, p.events())))
      .build();

  @Test
  void createsInDeclaredOrderAndWaitsOnADependencyThatIsNotReady() {
    Pass pass = new Pass();
    Workflow.PassResult first = workflow.reconcile(pass);

    assertThat(aws.writes()).containsExactly("create A a1", "create B b1");
    // b is CREATING: c, a chain step, is not looked at; nothing is reported for it
    assertThat(first.resources()).extracting(ResourceStatus::getKind).containsExactly("A", "B");
    assertThat(first.outcomes()).extracting(Outcome::reason).containsExactly(Reasons.READY, Reasons.CREATING);

    aws.settleAll();
    Workflow.PassResult second = workflow.reconcile(pass);
    assertThat(aws.writes()).containsExactly("create A a1", "create B b1", "create C c1");
    assertThat(second.resources()).extracting(ResourceStatus::getKind).containsExactly("A", "B", "C");
  }

  @Test
  void aDependentThatWaitsVisiblySaysWhatItWaitsFor() {
    Workflow<Pass> visible = Workflow.<Pass>builder()
        .node("a", "A", p -> NodeResult.of(Converger.converge(b, want("a1"), OWNER, p.events()))).named(p -> "a1")
        .node("b", "B", p -> NodeResult.of(Converger.converge(c, want("b1"), OWNER, p.events())))
        .named(p -> "b1").dependsOn("a")
        .build();
    Workflow.PassResult result = visible.reconcile(new Pass());

    assertThat(aws.writes()).containsExactly("create B a1");
    assertThat(result.resources()).extracting(ResourceStatus::getMessage).last().isEqualTo("waiting for A a1");
    assertThat(result.outcomes()).last().extracting(Outcome::reason).isEqualTo(Reasons.WAITING);
  }

  @Test
  void aFailureInTheMiddleStopsWhatDependsOnItOnly() {
    b.failNext("create", "AccessDeniedException", 403);
    Workflow.PassResult result = workflow.reconcile(new Pass());

    assertThat(aws.writes()).containsExactly("create A a1", "create B b1");
    assertThat(result.outcomes()).extracting(Outcome::reason).containsExactly(Reasons.READY, Reasons.ACCESS_DENIED);
    assertThat(c.exists("c1")).isFalse();
  }

  @Test
  void aDependencyTheSpecDoesNotAskForIsNothingToWaitFor() {
    Pass pass = new Pass();
    pass.wanted.remove("a");
    workflow.reconcile(pass);
    assertThat(aws.writes()).containsExactly("create B b1");
  }

  @Test
  void deletesInReverseOrderEachOnceTheOneAfterItIsGone() {
    Pass pass = new Pass();
    workflow.reconcile(pass);
    aws.settleAll();
    workflow.reconcile(pass);
    aws.settleAll();
    aws.clearJournal();
    List<ResourceStatus> previous = workflow.reconcile(pass).resources();
    aws.clearJournal();

    Workflow.PassResult first = workflow.cleanup(pass, previous);
    assertThat(aws.writes()).containsExactly("delete C c1");
    assertThat(first.finished()).isFalse();
    // the one being deleted, then what is not reached yet
    assertThat(first.resources()).extracting(ResourceStatus::getKind).containsExactly("C", "A", "B");
    assertThat(first.outcomes()).extracting(Outcome::reason).containsExactly(Reasons.DELETING);

    aws.settleAll();
    workflow.cleanup(pass, first.resources());
    assertThat(aws.writes()).containsExactly("delete C c1", "delete B b1");
    aws.settleAll();
    assertThat(workflow.cleanup(pass, first.resources()).finished()).isFalse();
    assertThat(aws.writes()).containsExactly("delete C c1", "delete B b1", "delete A a1");
    aws.settleAll();
    Workflow.PassResult last = workflow.cleanup(pass, first.resources());
    assertThat(last.finished()).isTrue();
    assertThat(a.exists("a1")).isFalse();
  }

  @Test
  void aRemovedBlockIsDeletedDependentsFirstOrReleasedWithRetain() {
    Pass pass = new Pass();
    workflow.reconcile(pass);
    aws.settleAll();
    pass.wanted.removeAll(Set.of("b", "c"));
    pass.recorded.addAll(Set.of("b"));
    aws.clearJournal();

    workflow.reconcile(pass);
    assertThat(aws.writes()).containsExactly("delete B b1");
    assertThat(pass.recorded).contains("b");
    aws.settleAll();
    workflow.reconcile(pass);
    assertThat(pass.recorded).doesNotContain("b");

    Pass retained = new Pass();
    retained.policy = DeletionPolicy.Retain;
    retained.wanted.clear();
    retained.recorded.add("a");
    aws.clearJournal();
    workflow.reconcile(retained);
    assertThat(aws.writes()).isEmpty();
    assertThat(retained.recorded).isEmpty();
    assertThat(retained.events).anyMatch(e -> e.startsWith("Released: A a1"));
  }

  @Test
  void aRestartedOperatorTakesUpWhereAwsIs() {
    workflow.reconcile(new Pass());
    aws.settleAll();
    aws.clearJournal();
    // a new pass object (a restarted operator knows only what AWS and status say)
    workflow.reconcile(new Pass());
    assertThat(aws.writes()).containsExactly("create C c1");
  }

  @Test
  void aDependencyMustBeDeclaredBeforeItsDependents() {
    assertThatThrownBy(() -> Workflow.<Pass>builder()
        .node("b", "B", p -> NodeResult.nothing()).dependsOn("a"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not declared before");
    assertThat(workflow.creationOrder()).containsExactly("a", "b", "c");
    assertThat(workflow.deletionOrder()).containsExactly("c", "b", "a");
    Workflow<Pass> policyAfterStream = Workflow.<Pass>builder()
        .node("stream", "S", p -> NodeResult.nothing())
        .node("policy", "P", p -> NodeResult.nothing()).deletedAfter("stream")
        .node("role", "R", p -> NodeResult.nothing())
        .build();
    assertThat(policyAfterStream.deletionOrder()).containsExactly("role", "stream", "policy");
  }

  @Test
  void aPartGoesWithItsParentWithoutACallOfItsOwnButIsDeletedWhenRemovedAlone() {
    Workflow<Pass> nested = Workflow.<Pass>builder()
        .node("a", "A", p -> NodeResult.of(Converger.converge(a, want("a1"), OWNER, p.events()))).named(p -> "a1")
        .when(p -> p.wanted.contains("a")).recordedWhen(p -> p.recorded.contains("a"))
        .deletedBy(p -> NodeResult.deleted(Converger.delete(a, want("a1"), OWNER, p.events())))
        .releasedBy(p -> p.recorded.remove("a"))
        .node("b", "B", p -> NodeResult.of(Converger.converge(b, want("b1"), OWNER, p.events()))).named(p -> "b1")
        .partOf("a").when(p -> p.wanted.contains("b")).recordedWhen(p -> p.recorded.contains("b"))
        .deletedBy(p -> NodeResult.deleted(Converger.delete(b, want("b1"), OWNER, p.events())))
        .releasedBy(p -> p.recorded.remove("b"))
        .build();
    Pass pass = new Pass();
    nested.reconcile(pass);
    aws.settleAll();
    nested.reconcile(pass);
    aws.clearJournal();

    // both leave: the parent is deleted, the part only forgotten
    pass.wanted.clear();
    pass.recorded.addAll(Set.of("a", "b"));
    nested.reconcile(pass);
    assertThat(aws.writes()).containsExactly("delete A a1");
    assertThat(pass.recorded).doesNotContain("b");
    // deleting the object: the parent takes the part along
    aws.clearJournal();
    Pass deleting = new Pass();
    nested.cleanup(deleting, List.of());
    assertThat(aws.writes()).noneMatch(w -> w.contains(" B "));

    // the part removed alone is deleted from its parent
    Pass alone = new Pass();
    alone.wanted.remove("b");
    alone.recorded.add("b");
    b.place("b1", want("b1"), want("b1").tags());
    aws.clearJournal();
    nested.reconcile(alone);
    assertThat(aws.writes()).contains("delete B b1");
  }
}
