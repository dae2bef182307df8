package dev.uba.operator.aws.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TagIndexTest {
  private static final Duration RESYNC = Duration.ofMinutes(10);
  private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:111122223333:stream/clicks";
  private static final String STREAM = TagIndex.key("kinesis", "stream/clicks");
  private static final String TOPIC = TagIndex.key("sns", "alerts");
  private static final Map<String, String> OURS = Map.of("uba.dev/managed-by", "uba-operator", "uba.dev/owner", "ns/a");

  private final SteppedClock clock = new SteppedClock();
  /** GetResources as AWS would answer it now, by ARN. */
  private final Map<String, Map<String, String>> tagged = new HashMap<>();
  private final List<String> pagesRead = new ArrayList<>();
  private record Scheduled(Runnable task, Duration delay) {}

  private final List<Scheduled> scheduled = new ArrayList<>();

  /** Pages of two resources, as GetResources pages its answer. */
  private TagIndex.Page page(String token) {
    pagesRead.add(token == null ? "first" : token);
    List<String> arns = new ArrayList<>(tagged.keySet());
    arns.sort(null);
    int from = token == null ? 0 : Integer.parseInt(token);
    Map<String, Map<String, String>> page = new HashMap<>();
    for (int i = from; i < Math.min(from + 2, arns.size()); i++) {
      page.put(arns.get(i), tagged.get(arns.get(i)));
    }
    return new TagIndex.Page(page, from + 2 < arns.size() ? String.valueOf(from + 2) : "");
  }

  /** Scans run when the test says so, as they would on the index's own thread. */
  private final TagIndex index = new TagIndex(this::page, RESYNC, clock,
      (task, delay) -> scheduled.add(new Scheduled(task, delay)));

  private final AtomicInteger ownReads = new AtomicInteger();

  private Supplier<Map<String, String>> ownRead(Map<String, String> tags) {
    return () -> {
      ownReads.incrementAndGet();
      return tags;
    };
  }

  /** The scans due now. */
  private List<Scheduled> due() {
    return scheduled.stream().filter(s -> s.delay().isZero()).toList();
  }

  /** Runs the scans due now; later ones stay scheduled. */
  private void runScans() {
    List<Scheduled> now = due();
    scheduled.removeAll(now);
    now.forEach(s -> s.task().run());
  }

  @Test
  void keysAreTheArnWithoutPartitionRegionAndAccount() {
    assertThat(TagIndex.key(STREAM_ARN)).isEqualTo(STREAM);
    assertThat(TagIndex.key("arn:aws:logs:us-east-1:111122223333:log-group:/uba/errors:*"))
        .isEqualTo(TagIndex.key("logs", "log-group:/uba/errors"));
    assertThat(TagIndex.key("arn:aws:cloudwatch:us-east-1:111122223333:alarm:spikes"))
        .isEqualTo("cloudwatch:alarm:spikes");
  }

  @Test
  void aResourceTheIndexLacksReadsItsOwnTagsOnceAnInterval() {
    assertThat(index.tagsOf(STREAM, ownRead(OURS))).isEqualTo(OURS);
    clock.advance(RESYNC.minusSeconds(1));
    assertThat(index.tagsOf(STREAM, ownRead(OURS))).isEqualTo(OURS);
    assertThat(ownReads).as("the first read serves the interval").hasValue(1);

    clock.advance(Duration.ofSeconds(1));
    index.tagsOf(STREAM, ownRead(OURS));
    assertThat(ownReads).as("never older than the resync interval").hasValue(2);
  }

  @Test
  void aScanFollowsEveryPageAndServesAllResourcesWithoutTheirOwnReads() {
    for (String name : List.of("a", "b", "c", "d", "e")) {
      tagged.put("arn:aws:kinesis:us-east-1:111122223333:stream/" + name, OURS);
    }
    index.tagsOf(TagIndex.key("kinesis", "stream/a"), ownRead(OURS));
    index.tagsOf(TagIndex.key("kinesis", "stream/b"), ownRead(OURS));
    assertThat(due()).as("asked twice: a scan is due").hasSize(1);
    runScans();
    assertThat(pagesRead).containsExactly("first", "2", "4");

    for (String name : List.of("a", "b", "c", "d", "e")) {
      assertThat(index.tagsOf(TagIndex.key("kinesis", "stream/" + name), ownRead(Map.of()))).isEqualTo(OURS);
    }
    assertThat(ownReads).as("only the two reads before the scan").hasValue(2);
  }

  @Test
  void aLoneResourceKeepsItsOwnReadAndScansWaitHalfAnInterval() {
    index.tagsOf(STREAM, ownRead(OURS));
    assertThat(due()).as("one resource: its own read is cheaper").isEmpty();

    index.tagsOf(TOPIC, ownRead(OURS));
    runScans();
    clock.advance(RESYNC.dividedBy(2).minusSeconds(1));
    index.tagsOf(STREAM, ownRead(OURS));
    index.tagsOf(TOPIC, ownRead(OURS));
    assertThat(due()).as("the last scan is younger than half an interval").isEmpty();

    clock.advance(Duration.ofSeconds(1));
    index.tagsOf(STREAM, ownRead(OURS));
    index.tagsOf(TOPIC, ownRead(OURS));
    assertThat(due()).hasSize(1);
  }

  @Test
  void whileInUseTheNextScanFollowsHalfAnIntervalLaterSoBurstsOfPassesFindFreshTags() {
    tagged.put(STREAM_ARN, OURS);
    index.lookup(STREAM);
    index.lookup(TOPIC);
    runScans();
    assertThat(scheduled).extracting(Scheduled::delay).containsExactly(RESYNC.dividedBy(2));

    for (int scan = 2; scan <= 3; scan++) {
      clock.advance(RESYNC.dividedBy(2));
      scheduled.remove(0).task().run();
      runScans();
      assertThat(pagesRead).as("scan %d, with no lookup asking for it", scan).hasSize(scan);
    }
    assertThat(scheduled).as("no lookup for an interval: no further scan").isEmpty();

    clock.advance(Duration.ofSeconds(30)); // the next burst of passes, a resync and a pass's time after the first
    assertThat(index.tagsOf(STREAM, ownRead(Map.of()))).isEqualTo(OURS);
    assertThat(ownReads).hasValue(0);
  }

  @Test
  void aTagChangedOutOfBandIsSeenByTheFirstLookupAfterTheNextScan() {
    tagged.put(STREAM_ARN, OURS);
    index.tagsOf(STREAM, ownRead(OURS));
    index.tagsOf(TOPIC, ownRead(OURS));
    runScans();
    Map<String, String> rogue = new HashMap<>(OURS);
    rogue.put("rogue", "yes");
    tagged.put(STREAM_ARN, rogue);

    clock.advance(RESYNC.dividedBy(2));
    index.lookup(TOPIC);
    index.lookup(TOPIC);
    runScans();

    assertThat(index.tagsOf(STREAM, ownRead(OURS))).containsEntry("rogue", "yes");
  }

  @Test
  void whatThePassWroteIsTheAnswerAndAScanAlreadyRunningCannotUndoIt() {
    tagged.put(STREAM_ARN, OURS);
    index.lookup(STREAM);
    index.lookup(TOPIC);
    assertThat(due()).hasSize(1);
    Map<String, String> written = new HashMap<>(OURS);
    written.put("team", "growth");
    clock.advance(Duration.ofSeconds(1));
    index.record(STREAM, written);

    runScans(); // it started before the write, and saw the old tags

    assertThat(index.tagsOf(STREAM, ownRead(Map.of()))).isEqualTo(written);
    assertThat(ownReads).hasValue(0);
  }

  @Test
  void aDeletedResourceIsGoneFromTheIndexEvenIfAScanStillSawIt() {
    tagged.put(STREAM_ARN, OURS);
    index.lookup(STREAM);
    index.lookup(TOPIC);
    clock.advance(Duration.ofSeconds(1));
    index.forget(STREAM);
    runScans();

    index.tagsOf(STREAM, ownRead(Map.of("team", "other")));
    assertThat(ownReads).as("a resource created again under the name reads its own tags").hasValue(1);
  }

  @Test
  void aResourceNoScanListsAnyMoreReadsItsOwnTags() {
    tagged.put(STREAM_ARN, OURS);
    index.lookup(STREAM);
    index.lookup(TOPIC);
    runScans();
    tagged.clear(); // deleted, or its managed-by tag removed, behind the operator's back

    clock.advance(RESYNC.dividedBy(2));
    index.lookup(TOPIC);
    index.lookup(TOPIC);
    runScans();

    Map<String, String> foreign = Map.of("team", "other");
    assertThat(index.tagsOf(STREAM, ownRead(foreign))).as("so the ownership check sees the real tags")
        .isEqualTo(foreign);
    assertThat(ownReads).hasValue(1);
  }

  @Test
  void aFailingScanLeavesEveryResourceToItsOwnRead() {
    TagIndex failing = new TagIndex(token -> {
      throw new IllegalStateException("AccessDenied: tag:GetResources");
    }, RESYNC, clock, (task, delay) -> task.run());
    failing.lookup(TOPIC);
    failing.lookup(TOPIC);

    assertThat(failing.tagsOf(STREAM, ownRead(OURS))).isEqualTo(OURS);
    assertThat(ownReads).hasValue(1);
  }

  @Test
  void changedTagsKeepWhatAwsReserves() {
    Map<String, String> before = Map.of("aws:cloudformation:stack-name", "s", "old", "x");
    index.recordChanged(STREAM, before, OURS);

    Map<String, String> expected = new HashMap<>(OURS);
    expected.put("aws:cloudformation:stack-name", "s");
    assertThat(index.tagsOf(STREAM, ownRead(Map.of()))).isEqualTo(expected);
  }

  @Test
  void noIndexReadsEveryTime() {
    TagIndex none = TagIndex.none();
    none.tagsOf(STREAM, ownRead(OURS));
    none.tagsOf(STREAM, ownRead(OURS));
    assertThat(ownReads).hasValue(2);
  }
}
