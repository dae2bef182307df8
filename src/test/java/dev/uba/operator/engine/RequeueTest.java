package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequeueTest {
  private static final Duration POLL = Duration.ofSeconds(15);
  private static final Duration RESYNC = Duration.ofMinutes(10);

  @Test
  void anInvalidSpecIsNotRequeued() {
    assertThat(Requeue.after(List.of(Outcome.ready(), Outcome.invalidSpec("InvalidSpec", "spec.x: bad"),
        Outcome.retrying("Throttled", "slow")), POLL, RESYNC, 3)).isEmpty();
  }

  @Test
  void retryingUsesBackoff() {
    assertThat(Requeue.after(List.of(Outcome.retrying("Throttled", "slow"), Outcome.progressing("Creating", "c")),
        POLL, RESYNC, 1)).contains(Duration.ofSeconds(2));
    assertThat(Requeue.after(List.of(Outcome.retrying("AwsUnavailable", "503")), POLL, RESYNC, 3))
        .contains(Duration.ofSeconds(8));
    assertThat(Requeue.after(List.of(Outcome.retrying("AwsUnavailable", "503")), POLL, RESYNC, 50))
        .contains(Duration.ofMinutes(5));
  }

  @Test
  void aPassThatWasOnlyThrottledBacksOffAtMostThirtySeconds() {
    assertThat(Requeue.after(List.of(Outcome.retrying(Reasons.THROTTLED, "slow"), Outcome.progressing("Deleting", "d")),
        POLL, RESYNC, 50)).as("the rate budget slows the operation down for all objects").contains(Duration.ofSeconds(30));
    assertThat(Requeue.after(List.of(Outcome.retrying(Reasons.THROTTLED, "slow")), POLL, RESYNC, 3))
        .contains(Duration.ofSeconds(8));
    assertThat(Requeue.after(List.of(Outcome.retrying(Reasons.THROTTLED, "slow"), Outcome.retrying("AwsUnavailable", "503")),
        POLL, RESYNC, 50)).as("an outage beside it still backs off for minutes").contains(Duration.ofMinutes(5));
  }

  @Test
  void progressingPolls() {
    assertThat(Requeue.after(List.of(Outcome.ready(), Outcome.progressing("Creating", "c")), POLL, RESYNC, 0))
        .contains(POLL);
  }

  @Test
  void readyAndDegradedResync() {
    assertThat(Requeue.after(List.of(Outcome.ready()), POLL, RESYNC, 0)).contains(RESYNC);
    assertThat(Requeue.after(List.of(Outcome.ready(), Outcome.degraded("AccessDenied", "no")), POLL, RESYNC, 0))
        .contains(RESYNC);
  }

  @Test
  void backoffDoublesFromTwoSecondsUpToFiveMinutes() {
    assertThat(Backoff.after(1)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.after(2)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Backoff.after(3)).isEqualTo(Duration.ofSeconds(8));
    assertThat(Backoff.after(4)).isEqualTo(Duration.ofSeconds(16));
    assertThat(Backoff.after(8)).isEqualTo(Duration.ofSeconds(256));
    assertThat(Backoff.after(9)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Backoff.after(1000)).isEqualTo(Duration.ofMinutes(5));
    assertThat(Backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void backoffNeverGoesBelowTwoSeconds() {
    assertThat(Backoff.after(0)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Backoff.after(-3)).isEqualTo(Duration.ofSeconds(2));
  }
}
