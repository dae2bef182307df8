package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.StreamStatus;

class KinesisLifecycleIT {

  static {
    System.setProperty("aws.cborEnabled", "false");
  }

  private static LocalAws aws;
  private static KinesisClient kinesis;
  private static KinesisClient direct;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    kinesis = TestClients.kinesis(aws.endpoint(), true);
    direct = TestClients.kinesis(aws.motoEndpoint(), false);
  }

  @AfterAll
  static void closeClients() {
    kinesis.close();
    direct.close();
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
  }

  private StreamStatus summaryStatus(String name) {
    return kinesis.describeStreamSummary(b -> b.streamName(name)).streamDescriptionSummary()
        .streamStatus();
  }

  private StreamStatus describeStatus(String name) {
    return kinesis.describeStream(b -> b.streamName(name)).streamDescription().streamStatus();
  }

  private void create(String name) {
    kinesis.createStream(b -> b.streamName(name).shardCount(1));
  }

  @Test
  void newStreamIsCreatingForTheConfiguredDescribesThenActive() {
    create("events");

    assertThat(summaryStatus("events")).isEqualTo(StreamStatus.CREATING);
    assertThat(describeStatus("events")).isEqualTo(StreamStatus.CREATING);
    assertThat(summaryStatus("events")).isEqualTo(StreamStatus.ACTIVE);
    assertThat(describeStatus("events")).isEqualTo(StreamStatus.ACTIVE);
  }

  @Test
  void describeByStreamArnSeesTheSameState() {
    create("by-arn");
    String arn = direct.describeStreamSummary(b -> b.streamName("by-arn"))
        .streamDescriptionSummary().streamARN();

    assertThat(kinesis.describeStreamSummary(b -> b.streamARN(arn)).streamDescriptionSummary()
        .streamStatus()).isEqualTo(StreamStatus.CREATING);
    assertThat(summaryStatus("by-arn")).isEqualTo(StreamStatus.CREATING);
    assertThat(summaryStatus("by-arn")).isEqualTo(StreamStatus.ACTIVE);
  }

  @Test
  void changesToAStreamThatIsNotActiveAreRefusedWithResourceInUse() {
    create("busy");

    assertThatThrownBy(() -> kinesis.updateShardCount(b -> b.streamName("busy")
        .targetShardCount(2).scalingType(ScalingType.UNIFORM_SCALING)))
        .isInstanceOfSatisfying(ResourceInUseException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUseException");
          assertThat(e.getMessage()).contains("CREATING");
        });
    assertThatThrownBy(() -> kinesis.increaseStreamRetentionPeriod(b -> b.streamName("busy")
        .retentionPeriodHours(48))).isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> kinesis.startStreamEncryption(b -> b.streamName("busy")
        .encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis")))
        .isInstanceOf(ResourceInUseException.class);
    assertThatThrownBy(() -> kinesis.deleteStream(b -> b.streamName("busy")))
        .isInstanceOf(ResourceInUseException.class);
    // the refused calls never reached the emulator
    assertThat(direct.describeStreamSummary(b -> b.streamName("busy")).streamDescriptionSummary()
        .openShardCount()).isEqualTo(1);
  }

  @Test
  void updateShardCountMakesTheStreamUpdatingThenActive() {
    aws.lifecycle().kinesis().transitionalDescribes(1);
    create("scaled");
    assertThat(summaryStatus("scaled")).isEqualTo(StreamStatus.CREATING);
    assertThat(summaryStatus("scaled")).isEqualTo(StreamStatus.ACTIVE);

    kinesis.updateShardCount(b -> b.streamName("scaled").targetShardCount(2)
        .scalingType(ScalingType.UNIFORM_SCALING));

    assertThat(summaryStatus("scaled")).isEqualTo(StreamStatus.UPDATING);
    assertThat(summaryStatus("scaled")).isEqualTo(StreamStatus.ACTIVE);
    assertThat(direct.describeStreamSummary(b -> b.streamName("scaled"))
        .streamDescriptionSummary().openShardCount()).isEqualTo(2);
  }

  @Test
  void encryptionChangesMakeTheStreamUpdatingAndBlockFurtherChanges() {
    aws.lifecycle().kinesis().transitionalDescribes(1);
    create("secret");
    summaryStatus("secret");
    summaryStatus("secret");

    kinesis.startStreamEncryption(b -> b.streamName("secret").encryptionType(EncryptionType.KMS)
        .keyId("alias/aws/kinesis"));

    assertThatThrownBy(() -> kinesis.stopStreamEncryption(b -> b.streamName("secret")
        .encryptionType(EncryptionType.KMS).keyId("alias/aws/kinesis")))
        .isInstanceOf(ResourceInUseException.class);
    assertThat(summaryStatus("secret")).isEqualTo(StreamStatus.UPDATING);
    assertThat(summaryStatus("secret")).isEqualTo(StreamStatus.ACTIVE);
  }

  @Test
  void deletedStreamIsDeletingAndListedThenGone() {
    aws.lifecycle().kinesis().transitionalDescribes(1);
    create("doomed");
    summaryStatus("doomed");
    aws.lifecycle().kinesis().transitionalDescribes(2);

    kinesis.deleteStream(b -> b.streamName("doomed"));

    // the real delete is deferred: the emulator still has it
    assertThat(direct.describeStreamSummary(b -> b.streamName("doomed"))
        .streamDescriptionSummary().streamStatus()).isEqualTo(StreamStatus.ACTIVE);
    var listed = kinesis.listStreams();
    assertThat(listed.streamNames()).contains("doomed");
    assertThat(listed.streamSummaries())
        .anySatisfy(s -> {
          assertThat(s.streamName()).isEqualTo("doomed");
          assertThat(s.streamStatus()).isEqualTo(StreamStatus.DELETING);
        });
    assertThat(summaryStatus("doomed")).isEqualTo(StreamStatus.DELETING);
    assertThatThrownBy(() -> kinesis.deleteStream(b -> b.streamName("doomed")))
        .isInstanceOf(ResourceInUseException.class);
    assertThat(describeStatus("doomed")).isEqualTo(StreamStatus.DELETING);

    assertThatThrownBy(() -> summaryStatus("doomed")).isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> direct.describeStreamSummary(b -> b.streamName("doomed")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(kinesis.listStreams().streamNames()).doesNotContain("doomed");
  }

  @Test
  void deletingAMissingStreamIsResourceNotFound() {
    assertThatThrownBy(() -> kinesis.deleteStream(b -> b.streamName("never-made")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void tagsGivenToCreateStreamAreKept() {
    kinesis.createStream(b -> b.streamName("tagged").shardCount(1)
        .tags(java.util.Map.of("team", "uba", "env", "test")));

    var tags = kinesis.listTagsForStream(b -> b.streamName("tagged")).tags();
    assertThat(tags).extracting(t -> t.key() + "=" + t.value())
        .containsExactlyInAnyOrder("team=uba", "env=test");
  }

  @Test
  void maxDurationEndsTheStateWithoutFurtherDescribes() throws InterruptedException {
    aws.lifecycle().kinesis().transitionalDescribes(1000).maxDuration(Duration.ofMillis(300));
    create("timed");
    assertThat(summaryStatus("timed")).isEqualTo(StreamStatus.CREATING);

    Thread.sleep(400);

    assertThat(summaryStatus("timed")).isEqualTo(StreamStatus.ACTIVE);
  }

  @Test
  void maxDurationCompletesADeferredDeleteForListStreamsToo() throws InterruptedException {
    aws.lifecycle().kinesis().instant();
    create("short-lived");
    aws.lifecycle().kinesis().transitionalDescribes(1000).maxDuration(Duration.ofMillis(200));
    kinesis.deleteStream(b -> b.streamName("short-lived"));
    assertThat(kinesis.listStreams().streamNames()).contains("short-lived");

    Thread.sleep(300);

    assertThat(kinesis.listStreams().streamNames()).doesNotContain("short-lived");
  }

  @Test
  void instantLifecycleIsTheEmulatorsOwnBehaviour() {
    aws.lifecycle().instant();
    create("instant");
    assertThat(summaryStatus("instant")).isEqualTo(StreamStatus.ACTIVE);

    kinesis.deleteStream(b -> b.streamName("instant"));

    assertThatThrownBy(() -> summaryStatus("instant")).isInstanceOf(ResourceNotFoundException.class);
  }
}
