package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The token bucket of the quota mode, on a clock the test moves. */
class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aFullBucketLetsItsBurstThroughThenRefuses() {
    TokenBucket bucket = new TokenBucket(5, 5, 0);

    int admitted = 0;
    for (int i = 0; i < 8; i++) {
      admitted += bucket.tryTake(0) ? 1 : 0;
    }

    assertThat(admitted).isEqualTo(5);
  }

  @Test
  void itRefillsAtItsRateAndNoFurtherThanItsCapacity() {
    TokenBucket bucket = new TokenBucket(5, 5, 0);
    while (bucket.tryTake(0)) {
      // drain it
    }

    assertThat(bucket.available(SECOND / 5)).isEqualTo(1);
    assertThat(bucket.available(SECOND / 2)).isEqualTo(2);
    assertThat(bucket.available(60 * SECOND)).as("a minute idle still holds one second's worth")
        .isEqualTo(5);
  }

  @Test
  void overAMinuteOfSteadyCallsTheAdmittedRateIsTheQuota() {
    TokenBucket bucket = new TokenBucket(3, 3, 0);
    int admitted = 0;
    // 20 calls a second for 60 seconds against a quota of 3 a second
    for (long t = 0; t < 60 * SECOND; t += SECOND / 20) {
      admitted += bucket.tryTake(t) ? 1 : 0;
    }

    assertThat(admitted).isBetween(180, 183);
  }

  @Test
  void aRefusedCallTakesNoToken() {
    TokenBucket bucket = new TokenBucket(1, 1, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    for (int i = 0; i < 100; i++) {
      bucket.tryTake(SECOND / 2);
    }

    assertThat(bucket.tryTake(SECOND)).isTrue();
  }

  @Test
  void aBucketNeedsARateAndRoomForOneCall() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenBucket(1, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
