package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;

class LocalAwsIT {

  static {
    System.setProperty("aws.cborEnabled", "false");
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    LocalAws.shared().reset();
  }

  @Test
  void freshInstanceServesOnLoopbackAndStopsItsEmulatorOnClose() {
    LocalAws.shared().reset();
    long pid;
    try (LocalAws aws = LocalAws.start(); KinesisClient kinesis = TestClients.kinesis(aws.endpoint(), false)) {
      assertThat(aws.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(aws.motoEndpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(aws.endpoint()).isNotEqualTo(LocalAws.shared().endpoint());
      kinesis.createStream(b -> b.streamName("own").shardCount(1));
      assertThat(aws.calls().count("kinesis", "CreateStream")).isOne();
      assertThat(LocalAws.shared().calls().count("kinesis", "CreateStream")).isZero();
      pid = aws.motoPid();
      assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    }
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void sharedIsOneInstanceThatCloseDoesNotStop() {
    LocalAws shared = LocalAws.shared();
    shared.close();

    assertThat(LocalAws.shared()).isSameAs(shared);
    assertThat(ProcessHandle.of(shared.motoPid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
  }

  @Test
  void resetWipesTheEmulatorAndAllProxyState() {
    LocalAws aws = LocalAws.shared();
    aws.reset();
    try (KinesisClient kinesis = TestClients.kinesis(aws.endpoint(), false)) {
      kinesis.createStream(b -> b.streamName("before-reset").shardCount(1));
      aws.lifecycle().kinesis().transitionalDescribes(7).maxDuration(Duration.ofSeconds(1));
      aws.faults().on("kinesis", "PutRecord").throttle();

      aws.reset();

      assertThat(aws.calls().total()).isZero();
      assertThat(aws.faults().rules()).isEmpty();
      assertThat(aws.lifecycle().kinesis().transitionalDescribes())
          .isEqualTo(Lifecycle.DEFAULT_TRANSITIONAL_DESCRIBES);
      assertThat(aws.lifecycle().kinesis().maxDuration()).isEmpty();
      assertThat(kinesis.listStreams().streamNames()).isEmpty();
    }
  }
}
