package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.ThrottledException;

/**
 * Quota mode through the real AWS SDK: a burst of calls over an operation's quota gets the
 * service's own throttling exception for the calls beyond it, and each refusal is counted.
 */
class QuotaModeIT {

  private static LocalAws aws;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
  }

  /** The operator's integration tests use this emulator next: leave quota mode off. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
    aws.lifecycle().instant();
  }

  /** What a burst ended as. */
  private record Burst(int succeeded, List<SdkServiceException> refused, Duration took) {}

  /**
   * Calls from 8 threads at once until one is refused or {@code maxCalls} were made (however
   * slow the machine, a burst outpaces a bucket of a few calls a second within that).
   */
  private static Burst burstUntilRefused(int maxCalls, Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger issued = new AtomicInteger();
    AtomicInteger succeeded = new AtomicInteger();
    List<SdkServiceException> refused = new CopyOnWriteArrayList<>();
    try {
      long start = System.nanoTime();
      List<Future<?>> threads = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        threads.add(pool.submit(() -> {
          while (refused.isEmpty() && issued.incrementAndGet() <= maxCalls) {
            try {
              call.run();
              succeeded.incrementAndGet();
            } catch (SdkServiceException e) {
              refused.add(e);
            }
          }
        }));
      }
      for (Future<?> f : threads) {
        f.get(120, TimeUnit.SECONDS);
      }
      return new Burst(succeeded.get(), List.copyOf(refused),
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      pool.shutdownNow();
    }
  }

  private static Burst burst(int calls, Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      long start = System.nanoTime();
      List<Future<SdkServiceException>> results = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        results.add(pool.submit(() -> {
          try {
            call.run();
            return null;
          } catch (SdkServiceException e) {
            return e;
          }
        }));
      }
      List<SdkServiceException> refused = new ArrayList<>();
      for (Future<SdkServiceException> f : results) {
        SdkServiceException e = f.get(60, TimeUnit.SECONDS);
        if (e != null) {
          refused.add(e);
        }
      }
      return new Burst(calls - refused.size(), refused,
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      pool.shutdownNow();
    }
  }

  /** At most the bucket (one second's worth) plus what it refilled while the burst lasted. */
  private static int mostAdmitted(double perSecond, Duration took) {
    return (int) Math.ceil(perSecond + perSecond * took.toMillis() / 1000.0) + 1;
  }

  @Test
  void offByDefault() throws Exception {
    try (KinesisClient direct = TestClients.kinesis(aws.motoEndpoint(), false);
        KinesisClient kinesis = TestClients.kinesis(aws.endpoint(), false)) {
      direct.createStream(b -> b.streamName("quota-off").shardCount(1));

      Burst b = burst(30, () -> kinesis.listTagsForStream(r -> r.streamName("quota-off")));

      assertThat(b.refused()).isEmpty();
      assertThat(aws.quotas().refusedTotal()).isZero();
    }
  }

  @Test
  void kinesisBeyondFiveListTagsForStreamASecondIsLimitExceededException() throws Exception {
    try (KinesisClient direct = TestClients.kinesis(aws.motoEndpoint(), false);
        KinesisClient kinesis = TestClients.kinesis(aws.endpoint(), false)) {
      direct.createStream(b -> b.streamName("quota-tags").shardCount(1));
      aws.quotas().enable();

      Burst b = burstUntilRefused(2000,
          () -> kinesis.listTagsForStream(r -> r.streamName("quota-tags")));

      assertThat(b.refused()).isNotEmpty().allSatisfy(e -> {
        assertThat(e).isInstanceOf(LimitExceededException.class);
        assertThat(e.statusCode()).isEqualTo(400);
      });
      assertThat(b.succeeded()).isBetween(5, mostAdmitted(5, b.took()));
      assertThat(aws.quotas().refused("kinesis", "ListTagsForStream"))
          .isEqualTo(b.refused().size());
      assertThat(aws.calls().refusedByQuota()).isEqualTo(b.refused().size());
      assertThat(aws.calls().count(c -> c.refusedByQuota() && c.fault() == null
          && "LimitExceededException".equals(c.errorCode()))).isEqualTo(b.refused().size());
    }
  }

  @Test
  void cloudWatchBeyondNineDescribeAlarmsASecondIsQueryThrottling() throws Exception {
    try (CloudWatchClient cloudWatch = TestClients.cloudWatch(aws.endpoint(), false)) {
      aws.quotas().enable();

      Burst b = burstUntilRefused(2000,
          () -> cloudWatch.describeAlarms(r -> r.alarmNamePrefix("quota-")));

      assertThat(b.refused()).isNotEmpty().allSatisfy(e -> {
        assertThat(e).isInstanceOf(CloudWatchException.class);
        assertThat(((CloudWatchException) e).awsErrorDetails().errorCode()).isEqualTo("Throttling");
        assertThat(e.isThrottlingException()).isTrue();
      });
      assertThat(b.succeeded()).isBetween(9, mostAdmitted(9, b.took()));
      assertThat(aws.quotas().refused("monitoring", "DescribeAlarms"))
          .isEqualTo(b.refused().size());
    }
  }

  @Test
  void snsBeyondTenListTagsForResourceASecondIsThrottledException() throws Exception {
    try (SnsClient direct = TestClients.sns(aws.motoEndpoint(), false);
        SnsClient sns = TestClients.sns(aws.endpoint(), false)) {
      String topic = direct.createTopic(b -> b.name("quota-topic")).topicArn();
      aws.quotas().enable();

      Burst b = burstUntilRefused(2000, () -> sns.listTagsForResource(r -> r.resourceArn(topic)));

      assertThat(b.refused()).isNotEmpty().allSatisfy(e -> {
        assertThat(e).isInstanceOf(ThrottledException.class);
        assertThat(e.statusCode()).isEqualTo(429);
        assertThat(e.isThrottlingException()).isTrue();
      });
      assertThat(b.succeeded()).isBetween(10, mostAdmitted(10, b.took()));
    }
  }

  @Test
  void logsBeyondFiveDescribeMetricFiltersASecondIsThrottlingException() throws Exception {
    try (CloudWatchLogsClient logs = TestClients.logs(aws.endpoint(), false)) {
      aws.quotas().enable();

      Burst b = burstUntilRefused(2000,
          () -> logs.describeMetricFilters(r -> r.filterNamePrefix("quota-")));

      assertThat(b.refused()).isNotEmpty().allSatisfy(e -> assertThat(e).isInstanceOf(
          software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException.class));
      assertThat(b.succeeded()).isBetween(5, mostAdmitted(5, b.took()));
    }
  }

  @Test
  void theSdksOwnRetriesAreCountedAsTheCallsTheyAre() throws Exception {
    try (CloudWatchClient retrying = TestClients.cloudWatch(aws.endpoint(), true)) {
      aws.quotas().enable();

      Burst b = burstUntilRefused(500,
          () -> retrying.describeAlarms(r -> r.alarmNamePrefix("quota-")));

      // every attempt reaches the proxy: the log holds each call that succeeded (after its
      // retries) plus every attempt refused, retried or not
      long refusedAttempts = aws.quotas().refused("monitoring", "DescribeAlarms");
      assertThat(refusedAttempts).isPositive();
      assertThat(aws.calls().count("monitoring", "DescribeAlarms"))
          .isEqualTo(b.succeeded() + refusedAttempts);
      assertThat(refusedAttempts).as("the SDK retried throttled calls")
          .isGreaterThan(b.refused().size());
    }
  }
}
