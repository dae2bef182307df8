package dev.uba.operator.aws.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;

/**
 * The budget on a real SDK client whose HTTP answers are scripted (no network): every attempt takes
 * budget, the SDK's retries included; a throttled attempt slows the operation down and is retried at
 * the lower rate; a call without budget is not sent and fails with a type the engine makes Waiting.
 */
class RateBudgetInterceptorTest {
  static {
    System.setProperty("aws.cborEnabled", "false");
  }

  private static final String OK = "{\"StreamDescriptionSummary\":{\"StreamName\":\"s\",\"StreamStatus\":\"ACTIVE\"}}";
  private static final String RATE_EXCEEDED = "{\"__type\":\"LimitExceededException\",\"message\":\"Rate exceeded for stream s\"}";
  private static final String INTERNAL = "{\"__type\":\"InternalFailure\",\"message\":\"try again\"}";

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AwsBudgetMetrics metrics = new AwsBudgetMetrics(new SimpleMeterRegistry());
  private final AwsRateBudget budget = new AwsRateBudget(0.5, Duration.ZERO, nanos::get, metrics);
  private final FakeTransport transport = new FakeTransport();

  @Test
  void aCallWithinTheBudgetIsSentAndOneBeyondItIsNotSentButDeferred() {
    transport.answer(200, OK);
    KinesisClient kinesis = kinesis();

    kinesis.describeStreamSummary(r -> r.streamName("s"));
    Throwable second = catchThrowable(() -> kinesis.describeStreamSummary(r -> r.streamName("s")));

    assertThat(transport.sent()).as("the second call in the same instant is not sent").isEqualTo(1);
    assertThat(second).isInstanceOf(AwsBudgetExhaustedException.class);
    AwsBudgetExhaustedException refused = (AwsBudgetExhaustedException) second;
    assertThat(refused.service()).isEqualTo("Kinesis");
    assertThat(refused.operation()).isEqualTo("DescribeStreamSummary");
    // 20 calls/s at half the quota: one call every 100 ms.
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(100));
    assertThat(metrics.count(AwsBudgetMetrics.DEFERRED, "Kinesis", "DescribeStreamSummary")).isEqualTo(1);

    Outcome outcome = AwsErrors.outcomeOf("KinesisStream s", refused);
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PROGRESSING);
    assertThat(outcome.reason()).as("AWS refused nothing: not Throttled").isEqualTo(Reasons.WAITING);
    assertThat(outcome.message()).contains("KinesisStream s").contains("Kinesis DescribeStreamSummary");
    assertThat(outcome.deferredFor()).contains(Duration.ofMillis(100));

    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    kinesis.describeStreamSummary(r -> r.streamName("s"));
    assertThat(transport.sent()).as("sent once the budget allows").isEqualTo(2);
  }

  @Test
  void aCallMarkedIfBudgetNowIsNotSentWithoutBudgetAndTakesNoTurnFromTheCallsThatWait() {
    AwsRateBudget patient = new AwsRateBudget(0.5, AwsRateBudget.MAX_WAIT, nanos::get, metrics);
    transport.answer(200, OK);
    KinesisClient kinesis = kinesis(patient);
    kinesis.describeStreamSummary(r -> r.streamName("s"));

    Throwable optional = catchThrowable(() -> kinesis.describeStreamSummary(r -> r.streamName("s")
        .overrideConfiguration(RateBudgetInterceptor::ifBudgetNow)));

    assertThat(optional).isInstanceOf(AwsBudgetExhaustedException.class);
    assertThat(transport.sent()).as("the optional call is not sent, and did not wait").isEqualTo(1);
    assertThat(metrics.count(AwsBudgetMetrics.WAITS, "Kinesis", "DescribeStreamSummary")).isZero();
    nanos.addAndGet(Duration.ofMillis(100).toNanos());
    kinesis.describeStreamSummary(r -> r.streamName("s").overrideConfiguration(RateBudgetInterceptor::ifBudgetNow));
    assertThat(transport.sent()).as("sent once a call's budget is there").isEqualTo(2);
  }

  @Test
  void theSdksRetriesTakeBudgetAndAreCounted() {
    transport.answer(500, INTERNAL).answer(200, OK);
    KinesisClient kinesis = kinesis();

    Throwable failure = catchThrowable(() -> kinesis.describeStreamSummary(r -> r.streamName("s")));

    assertThat(metrics.count(AwsBudgetMetrics.SDK_RETRIES, "Kinesis", "DescribeStreamSummary")).isEqualTo(1);
    assertThat(failure).as("the retry found no budget left in the same instant")
        .isInstanceOf(AwsBudgetExhaustedException.class);
    assertThat(transport.sent()).isEqualTo(1);
  }

  @Test
  void fiveHundredsAreStillRetriedEachAttemptWithBudget() {
    transport.answer(500, INTERNAL).answer(500, INTERNAL).answer(200, OK)
        .onRequest(() -> nanos.addAndGet(Duration.ofSeconds(1).toNanos()));

    kinesis().describeStreamSummary(r -> r.streamName("s"));

    assertThat(transport.sent()).isEqualTo(3);
    assertThat(metrics.count(AwsBudgetMetrics.SDK_RETRIES, "Kinesis", "DescribeStreamSummary")).isEqualTo(2);
    assertThat(metrics.count(AwsBudgetMetrics.DEFERRED, null, null)).isZero();
  }

  @Test
  void aThrottledAttemptSlowsTheOperationDownForEveryoneAndIsRetriedAtTheLowerRate() {
    AwsRateBudget patient = new AwsRateBudget(0.5, AwsRateBudget.MAX_WAIT, nanos::get, metrics);
    transport.answer(400, RATE_EXCEEDED).answer(200, OK);
    KinesisClient kinesis = kinesis(patient);
    OperationBudget describe = patient.budget("us-east-1", "Kinesis", "DescribeStreamSummary");
    assertThat(describe.rate(nanos.get())).isEqualTo(10.0);

    kinesis.describeStreamSummary(r -> r.streamName("s"));

    assertThat(transport.sent()).as("the throttled attempt and its retry").isEqualTo(2);
    assertThat(metrics.count(AwsBudgetMetrics.THROTTLED, "Kinesis", "DescribeStreamSummary")).isEqualTo(1);
    assertThat(metrics.count(AwsBudgetMetrics.SDK_RETRIES, "Kinesis", "DescribeStreamSummary")).isEqualTo(1);
    assertThat(metrics.count(AwsBudgetMetrics.WAITS, "Kinesis", "DescribeStreamSummary"))
        .as("the retry waited one spacing at the lowered rate instead of the SDK's backoff").isEqualTo(1);
    assertThat(describe.rate(nanos.get())).as("cut to 70 %").isEqualTo(7.0);
    assertThat(patient.budget("us-east-1", "Kinesis", "ListTagsForStream").rate(nanos.get()))
        .as("other operations keep their rate").isEqualTo(2.5);
  }

  @Test
  void everyThrottledAttemptIsCountedUpToTheSdksAttemptsThenTheCallFailsThrottled() {
    AwsRateBudget patient = new AwsRateBudget(0.5, AwsRateBudget.MAX_WAIT, nanos::get, metrics);
    transport.answer(400, RATE_EXCEEDED).onRequest(() -> nanos.addAndGet(Duration.ofSeconds(1).toNanos()));

    SdkException failure = (SdkException) catchThrowable(
        () -> kinesis(patient).describeStreamSummary(r -> r.streamName("s")));

    assertThat(failure).isInstanceOf(KinesisException.class);
    assertThat(AwsErrors.isThrottling(failure)).isTrue();
    assertThat(transport.sent()).as("the SDK's three attempts").isEqualTo(3);
    assertThat(metrics.count(AwsBudgetMetrics.THROTTLED, "Kinesis", "DescribeStreamSummary")).isEqualTo(3);
    assertThat(patient.budget("us-east-1", "Kinesis", "DescribeStreamSummary").rate(nanos.get()))
        .as("three decreases a second apart").isLessThan(10.0 * 0.7 * 0.7);
  }

  @Test
  void retriesDoNotStopAfterARunOfFailuresOfOtherCalls() {
    // The SDK's circuit breaker would refuse retries once its 500 retry tokens (5 a retry) are spent.
    RetryStrategy strategy = RateBudgetInterceptor.standardRetriesOfEveryThrottling();
    AwsServiceException internal = AwsServiceException.builder().statusCode(500)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalFailure").build()).build();

    for (int call = 0; call < 200; call++) {
      RetryToken token = strategy.acquireInitialToken(AcquireInitialTokenRequest.create("Kinesis")).token();
      assertThat(strategy.refreshRetryToken(RefreshRetryTokenRequest.builder().token(token).failure(internal).build()))
          .as("retry %d", call).isNotNull();
    }
  }

  @Test
  void aThrottledCallWhoseRetryFindsNoBudgetIsDeferredNotSent() {
    transport.answer(400, RATE_EXCEEDED).answer(200, OK);

    Throwable failure = catchThrowable(() -> kinesis().describeStreamSummary(r -> r.streamName("s")));

    assertThat(transport.sent()).isEqualTo(1);
    assertThat(failure).isInstanceOf(AwsBudgetExhaustedException.class);
    assertThat(AwsErrors.outcomeOf("KinesisStream s", (SdkException) failure).deferredFor())
        .as("come back one spacing at 7 calls/s")
        .hasValueSatisfying(d -> assertThat(d.toMillis()).isEqualTo(142));
  }

  private KinesisClient kinesis() {
    return kinesis(budget);
  }

  private KinesisClient kinesis(AwsRateBudget budget) {
    return KinesisClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(transport)
        .overrideConfiguration(RateBudgetInterceptor.applyTo(ClientOverrideConfiguration.builder(), budget).build())
        .build();
  }
}
