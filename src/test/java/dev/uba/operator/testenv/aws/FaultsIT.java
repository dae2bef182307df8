package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.OpenSearchException;

class FaultsIT {

  static {
    System.setProperty("aws.cborEnabled", "false");
  }

  private static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Principal\":{\"Service\":\"firehose.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private static LocalAws aws;
  private static KinesisClient kinesis;
  private static KinesisClient kinesisRetrying;
  private static KinesisClient direct;
  private static IamClient iam;
  private static IamClient iamRetrying;
  private static OpenSearchClient openSearch;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    kinesis = TestClients.kinesis(aws.endpoint(), false);
    kinesisRetrying = TestClients.kinesis(aws.endpoint(), true);
    direct = TestClients.kinesis(aws.motoEndpoint(), false);
    iam = TestClients.iam(aws.endpoint(), false);
    iamRetrying = TestClients.iam(aws.endpoint(), true);
    openSearch = TestClients.openSearch(aws.endpoint(), false);
  }

  @AfterAll
  static void closeClients() {
    for (AutoCloseable c : List.of(kinesis, kinesisRetrying, direct, iam, iamRetrying, openSearch)) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing test clients
      }
    }
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
    aws.lifecycle().instant();
  }

  @Test
  void kinesisThrottleIsLimitExceededExceptionAsJson() {
    var rule = aws.faults().on("kinesis", "CreateStream").once().throttle();

    assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName("t").shardCount(1)))
        .isInstanceOfSatisfying(LimitExceededException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceededException");
        });
    kinesis.createStream(b -> b.streamName("t").shardCount(1));

    assertThat(rule.fired()).isEqualTo(1);
    List<CallLog.Call> calls = aws.calls().snapshot();
    assertThat(calls).extracting(CallLog.Call::operation).containsExactly("CreateStream", "CreateStream");
    assertThat(calls.get(0).fault()).isEqualTo(Faults.Kind.THROTTLE);
    assertThat(calls.get(0).errorCode()).isEqualTo("LimitExceededException");
    assertThat(calls.get(0).status()).isEqualTo(400);
    assertThat(calls.get(1).succeeded()).isTrue();
    assertThat(calls.get(1).fault()).isNull();
  }

  @Test
  void sdkDoesNotRetryKinesisLimitExceededException() {
    aws.faults().on("kinesis", "CreateStream").once().throttle();

    assertThatThrownBy(() -> kinesisRetrying.createStream(b -> b.streamName("t").shardCount(1)))
        .isInstanceOf(LimitExceededException.class);
    assertThat(aws.calls().count("kinesis", "CreateStream")).isEqualTo(1);
  }

  @Test
  void kinesisDataPlaneThrottleIsProvisionedThroughputExceeded() {
    kinesis.createStream(b -> b.streamName("data").shardCount(1));
    aws.faults().on("kinesis", "PutRecord").once().throttle();

    assertThatThrownBy(() -> kinesis.putRecord(b -> b.streamName("data").partitionKey("k")
        .data(software.amazon.awssdk.core.SdkBytes.fromUtf8String("x"))))
        .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(
            e.awsErrorDetails().errorCode()).isEqualTo("ProvisionedThroughputExceededException"));
  }

  @Test
  void iamThrottleIsQueryProtocolThrottlingAndTheSdkRetriesIt() {
    aws.faults().on("iam", "CreateRole").once().throttle();

    assertThatThrownBy(() -> iam.createRole(b -> b.roleName("r1").assumeRolePolicyDocument(TRUST_POLICY)))
        .isInstanceOfSatisfying(IamException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Throttling");
          assertThat(e.isThrottlingException()).isTrue();
        });

    aws.faults().on("iam", "CreateRole").once().throttle();
    iamRetrying.createRole(b -> b.roleName("r1").assumeRolePolicyDocument(TRUST_POLICY));

    assertThat(aws.calls().count("iam", "CreateRole")).isEqualTo(3);
    assertThat(aws.calls().count(c -> c.fault() == Faults.Kind.THROTTLE)).isEqualTo(2);
  }

  @Test
  void openSearchThrottleIsHttp429ThrottlingException() {
    aws.faults().on("es", "ListDomainNames").once().throttle();

    assertThatThrownBy(() -> openSearch.listDomainNames(b -> { }))
        .isInstanceOfSatisfying(OpenSearchException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(429);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
          assertThat(e.isThrottlingException()).isTrue();
        });
  }

  @Test
  void serverErrorsAre500And503InTheServicesShape() {
    aws.faults().on("kinesis", "ListStreams").once().serverError(500);
    aws.faults().on("iam", "ListRoles").once().serverError(503);

    assertThatThrownBy(() -> kinesis.listStreams()).isInstanceOfSatisfying(KinesisException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(500);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
    });
    assertThatThrownBy(() -> iam.listRoles()).isInstanceOfSatisfying(IamException.class, e -> {
      assertThat(e.statusCode()).isEqualTo(503);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
    });
  }

  @Test
  void retryingClientRecoversFromServerErrors() {
    aws.faults().on("kinesis", "ListStreams").times(2).serverError(503);

    kinesisRetrying.listStreams();

    assertThat(aws.calls().count("kinesis", "ListStreams")).isEqualTo(3);
    assertThat(aws.calls().count(c -> c.fault() == Faults.Kind.SERVER_ERROR && c.status() == 503))
        .isEqualTo(2);
  }

  @Test
  void delayedAnswerArrivesLate() {
    aws.faults().on("iam", "ListRoles").once().delay(Duration.ofMillis(400));

    long start = System.nanoTime();
    iam.listRoles();
    long tookMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(tookMillis).isGreaterThanOrEqualTo(400);
    assertThat(aws.calls().snapshot()).singleElement().satisfies(c -> {
      assertThat(c.fault()).isEqualTo(Faults.Kind.DELAY);
      assertThat(c.succeeded()).isTrue();
    });
  }

  @Test
  void droppedConnectionIsAClientSideFailure() {
    aws.faults().on("kinesis", "ListStreams").once().dropConnection();

    assertThatThrownBy(() -> kinesis.listStreams())
        .isInstanceOf(SdkClientException.class)
        .isNotInstanceOf(SdkServiceException.class);
    assertThat(aws.calls().snapshot()).singleElement().satisfies(c -> {
      assertThat(c.fault()).isEqualTo(Faults.Kind.DROP_CONNECTION);
      assertThat(c.status()).isEqualTo(-1);
    });
    kinesis.listStreams();
  }

  @Test
  void lostAnswerAppliesTheWriteButAnswers503() {
    aws.faults().on("kinesis", "CreateStream").once().loseAnswer();

    assertThatThrownBy(() -> kinesis.createStream(b -> b.streamName("lost").shardCount(1)))
        .isInstanceOfSatisfying(KinesisException.class, e -> assertThat(e.statusCode()).isEqualTo(503));

    assertThat(direct.describeStreamSummary(b -> b.streamName("lost")).streamDescriptionSummary()
        .streamName()).isEqualTo("lost");
    assertThat(aws.calls().snapshot()).singleElement().satisfies(c -> {
      assertThat(c.fault()).isEqualTo(Faults.Kind.LOST_ANSWER);
      assertThat(c.errorCode()).isEqualTo("ServiceUnavailable");
    });
  }

  @Test
  void retryAfterALostCreateAnswerMeetsTheCreatedStream() {
    aws.faults().on("kinesis", "CreateStream").once().loseAnswer();

    assertThatThrownBy(() -> kinesisRetrying.createStream(b -> b.streamName("twice").shardCount(1)))
        .isInstanceOf(ResourceInUseException.class);
    assertThat(aws.calls().count("kinesis", "CreateStream")).isEqualTo(2);
  }

  @Test
  void rateFaultsFollowTheSeedAndRepeat() {
    List<Boolean> first = failures(7);
    List<Boolean> second = failures(7);

    assertThat(first).isEqualTo(second);
    assertThat(first).contains(true, false);
  }

  private List<Boolean> failures(long seed) {
    aws.reset();
    aws.faults().seed(seed).on("iam", "ListRoles").rate(0.5).serverError(500);
    List<Boolean> out = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      try {
        iam.listRoles();
        out.add(false);
      } catch (IamException e) {
        out.add(true);
      }
    }
    return out;
  }

  @Test
  void wildcardsMatchAnyServiceAndOperationAndRulesCanBeCancelled() {
    var rule = aws.faults().on("*", "*").throttle();

    assertThatThrownBy(() -> iam.listRoles()).isInstanceOf(IamException.class);
    assertThatThrownBy(() -> kinesis.listStreams()).isInstanceOf(LimitExceededException.class);
    rule.cancel();
    iam.listRoles();

    assertThat(rule.fired()).isEqualTo(2);
  }

  @Test
  void resetRemovesFaultRules() {
    aws.faults().on("iam", "*").throttle();

    aws.reset();

    assertThat(aws.faults().rules()).isEmpty();
    iam.listRoles();
  }
}
