package dev.uba.operator.aws.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class BatchedDescribeTest {
  private static final Duration RESYNC = Duration.ofSeconds(60);
  private static final Duration TTL = Duration.ofSeconds(15);

  private final SteppedClock clock = new SteppedClock();
  /** What AWS holds: name -> version. */
  private final Map<String, String> aws = new HashMap<>(Map.of("a", "a1", "b", "b1", "c", "c1"));
  private final List<List<String>> calls = new ArrayList<>();
  private final Function<List<String>, Map<String, String>> describe = names -> {
    calls.add(List.copyOf(names));
    Map<String, String> found = new HashMap<>();
    names.forEach(n -> {
      if (aws.containsKey(n)) {
        found.put(n, aws.get(n));
      }
    });
    return found;
  };

  private BatchedDescribe<String> batched(int maxNames, Set<String> notKept) {
    return new BatchedDescribe<>(maxNames, TTL, RESYNC, clock, describe, v -> !notKept.contains(v));
  }

  /** Three objects resynced a second apart, once, so that their intervals are known. */
  private void firstPasses(BatchedDescribe<String> d) {
    d.describe("a");
    clock.advance(Duration.ofSeconds(1));
    d.describe("b");
    clock.advance(Duration.ofSeconds(1));
    d.describe("c");
    clock.advance(Duration.ofSeconds(58)); // t = 60
  }

  @Test
  void passesDueWithinTheTtlShareOneCall() {
    BatchedDescribe<String> d = batched(100, Set.of());
    firstPasses(d);
    assertThat(calls).containsExactly(List.of("a"), List.of("b"), List.of("c"));
    calls.clear();

    assertThat(d.describe("a")).hasValue("a1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(d.describe("b")).hasValue("b1");
    clock.advance(Duration.ofSeconds(1));
    assertThat(d.describe("c")).hasValue("c1");

    assertThat(calls).containsExactly(List.of("a", "b", "c"));
  }

  @Test
  void aValueReadForAnotherPassServesThatPassOnce() {
    BatchedDescribe<String> d = batched(100, Set.of());
    firstPasses(d);
    d.describe("a");
    calls.clear();
    clock.advance(Duration.ofSeconds(1));

    d.describe("b");
    d.describe("b");

    assertThat(calls).as("the second describe of b reads afresh").hasSize(1);
    assertThat(calls.get(0)).startsWith("b");
  }

  @Test
  void aValueOlderThanTheTtlIsNotUsed() {
    BatchedDescribe<String> d = batched(100, Set.of());
    firstPasses(d);
    d.describe("a");
    aws.put("b", "b2"); // changed behind the operator's back after the shared read
    calls.clear();
    clock.advance(TTL);

    assertThat(d.describe("b")).hasValue("b2");
    assertThat(calls).hasSize(1);
  }

  @Test
  void aWriteMakesTheNextDescribeReadAfresh() {
    BatchedDescribe<String> d = batched(100, Set.of());
    firstPasses(d);
    d.describe("a");
    clock.advance(Duration.ofSeconds(1));
    aws.put("b", "b2");
    d.forget("b");
    calls.clear();

    assertThat(d.describe("b")).hasValue("b2");
    assertThat(calls).hasSize(1);
  }

  @Test
  void aValueAwsIsStillWorkingOnIsNotKept() {
    BatchedDescribe<String> d = batched(100, Set.of("b1"));
    firstPasses(d);
    d.describe("a");
    calls.clear();
    clock.advance(Duration.ofSeconds(1));

    d.describe("b");
    d.describe("c");

    assertThat(calls).as("b read by its own pass; c was kept").hasSize(1);
    assertThat(calls.get(0)).startsWith("b");
  }

  @Test
  void oneCallTakesAtMostMaxNamesTheSoonestDueFirst() {
    BatchedDescribe<String> d = batched(2, Set.of());
    firstPasses(d);

    d.describe("a");

    assertThat(calls.get(calls.size() - 1)).containsExactly("a", "b");
  }

  @Test
  void aMissingResourceIsEmptyAndNeverKept() {
    BatchedDescribe<String> d = batched(100, Set.of());
    aws.remove("b");
    firstPasses(d);
    d.describe("a");
    aws.put("b", "b1"); // created in the meantime
    clock.advance(Duration.ofSeconds(1));

    assertThat(d.describe("b")).as("absent is never answered from what another pass read").hasValue("b1");
  }

  @Test
  void namesNotAskedForInTwoIntervalsAreNoLongerRead() {
    BatchedDescribe<String> d = batched(100, Set.of());
    d.describe("b");
    clock.advance(RESYNC.multipliedBy(2).plus(TTL).plusSeconds(1));

    d.describe("a");

    assertThat(calls.get(calls.size() - 1)).containsExactly("a");
  }

  @Test
  void singleDescribesOneNameEachTime() {
    BatchedDescribe<String> d = BatchedDescribe.single(describe);
    d.describe("a");
    d.describe("a");
    assertThat(calls).containsExactly(List.of("a"), List.of("a"));
  }
}
