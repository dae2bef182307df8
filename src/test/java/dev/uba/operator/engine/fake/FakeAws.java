package dev.uba.operator.engine.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory AWS account for the sequencing tests of the kinds: every {@link FakeResource} made
 * from it writes its calls into one journal, so a test sees the order in which a kind's workflow
 * created, updated and deleted its resources, without any server.
 */
public final class FakeAws {
  private final List<String> journal = new ArrayList<>();
  private final List<FakeResource<?, ?>> resources = new ArrayList<>();

  /** Every call in order: "create KinesisStream ns-p", "update ...", "delete ...", "observe ...". */
  public List<String> journal() {
    return List.copyOf(journal);
  }

  /** Only the writes (create, update, delete, retry), in order. */
  public List<String> writes() {
    return journal.stream().filter(c -> !c.startsWith("observe ")).toList();
  }

  public void clearJournal() {
    journal.clear();
  }

  /** AWS finishes whatever it was doing: every resource CREATING or UPDATING becomes stable, DELETING ones go. */
  public void settleAll() {
    resources.forEach(FakeResource::settle);
  }

  void record(String call) {
    journal.add(call);
  }

  void register(FakeResource<?, ?> resource) {
    resources.add(resource);
  }
}
