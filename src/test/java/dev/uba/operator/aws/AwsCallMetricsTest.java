package dev.uba.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;

/**
 * The interceptor on a real SDK client whose HTTP client answers from a script (no network): what
 * uba_aws_calls_total, uba_aws_call_duration_seconds and uba_aws_throttled_calls_total record.
 */
class AwsCallMetricsTest {
  private static final Duration ATTEMPT = Duration.ofMillis(120);

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final AwsCallMetrics metrics = new AwsCallMetrics(registry);
  private final ScriptedHttp http = new ScriptedHttp();
  private final KinesisClient kinesis = KinesisClient.builder()
      .region(Region.US_EAST_1)
      .endpointOverride(URI.create("http://kinesis.test"))
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
      .httpClient(http)
      .overrideConfiguration(o -> o.addExecutionInterceptor(metrics)
          // three attempts, as the SDK's default, without waiting between them
          .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(3)
              .backoffStrategy(BackoffStrategy.retryImmediately())
              .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
              .circuitBreakerEnabled(false).build()))
      .build();

  @AfterEach
  void close() {
    kinesis.close();
  }

  @Test
  void readsAreDescribeListGetAndHeadCalls() {
    for (String read : new String[] {"DescribeStreamSummary", "ListTagsForStream", "GetBucketPolicy", "HeadBucket"}) {
      assertThat(AwsCallMetrics.isRead(read)).as(read).isTrue();
    }
    for (String write : new String[] {"CreateBucket", "PutBucketPolicy", "DeleteObjects", "UpdateShardCount"}) {
      assertThat(AwsCallMetrics.isRead(write)).as(write).isFalse();
    }
  }

  @Test
  void aCallIsCountedAndTimedOnceByServiceAndOperation() {
    http.answer(200, "{}");
    kinesis.listStreams();

    assertThat(metrics.calls("Kinesis", "ListStreams")).isEqualTo(1);
    Timer timer = timer("ListStreams");
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(ATTEMPT.toMillis());
    assertThat(registry.find(AwsCallMetrics.THROTTLED).counters()).isEmpty();
  }

  @Test
  void theDurationIsAHistogramWithBucketsFromMillisecondsToAMinute() {
    http.answer(200, "{}");
    kinesis.listStreams();

    CountAtBucket[] buckets = timer("ListStreams").takeSnapshot().histogramCounts();
    assertThat(buckets).extracting(b -> b.bucket(TimeUnit.MILLISECONDS))
        .containsExactly(10.0, 25.0, 50.0, 100.0, 250.0, 500.0, 1000.0, 2500.0, 5000.0, 10000.0, 30000.0, 60000.0);
    // 120 ms: above the 100 ms bound, within every bound from 250 ms on
    assertThat(Arrays.stream(buckets).filter(b -> b.count() == 1)).hasSize(8);
  }

  @Test
  void aCallThrottledOnEveryAttemptIsTimedWithItsRetriesAndCountedAsThrottled() {
    for (int i = 0; i < 3; i++) {
      http.answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    }
    assertThatThrownBy(kinesis::listStreams).isInstanceOf(KinesisException.class);

    assertThat(http.requests).as("the SDK's three attempts").isEqualTo(3);
    assertThat(metrics.calls("Kinesis", "ListStreams")).as("one API call").isEqualTo(1);
    assertThat(registry.find(AwsCallMetrics.METRIC).tag("outcome", "ThrottlingException").counter().count())
        .isEqualTo(1);
    assertThat(timer("ListStreams").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(3 * ATTEMPT.toMillis());
    assertThat(registry.find(AwsCallMetrics.THROTTLED).tags("service", "Kinesis", "operation", "ListStreams")
        .counter().count()).isEqualTo(1);
  }

  @Test
  void aCallThatSucceedsAfterAThrottledAttemptIsNotCountedAsThrottled() {
    http.answer(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}");
    http.answer(200, "{}");
    kinesis.listStreams();

    assertThat(http.requests).isEqualTo(2);
    assertThat(registry.find(AwsCallMetrics.METRIC).tag("outcome", "success").counter().count()).isEqualTo(1);
    assertThat(timer("ListStreams").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2 * ATTEMPT.toMillis());
    assertThat(registry.find(AwsCallMetrics.THROTTLED).counters()).isEmpty();
  }

  @Test
  void anErrorThatIsNotThrottlingIsCountedByItsCodeOnly() {
    http.answer(400, "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Stream s not found\"}");
    assertThatThrownBy(() -> kinesis.describeStreamSummary(r -> r.streamName("s")))
        .isInstanceOf(KinesisException.class);

    assertThat(registry.find(AwsCallMetrics.METRIC).tags("operation", "DescribeStreamSummary", "kind", "read",
        "outcome", "ResourceNotFoundException").counter().count()).isEqualTo(1);
    assertThat(timer("DescribeStreamSummary").count()).isEqualTo(1);
    assertThat(registry.find(AwsCallMetrics.THROTTLED).counters()).isEmpty();
  }

  private Timer timer(String operation) {
    return registry.get(AwsCallMetrics.DURATION).tags("service", "Kinesis", "operation", operation).timer();
  }

  /** Answers each request with the next scripted response; each attempt takes ATTEMPT on the clock. */
  private final class ScriptedHttp implements SdkHttpClient {
    private final Deque<HttpExecuteResponse> answers = new ArrayDeque<>();
    private int requests;

    void answer(int status, String json) {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      answers.add(HttpExecuteResponse.builder()
          .response(SdkHttpResponse.builder().statusCode(status)
              .putHeader("Content-Type", "application/x-amz-json-1.1")
              .putHeader("Content-Length", String.valueOf(body.length)).build())
          .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body)))
          .build());
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() {
          requests++;
          clock.add(ATTEMPT);
          return answers.remove();
        }

        @Override
        public void abort() {}
      };
    }

    @Override
    public void close() {}
  }
}
