package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamStatus;
import software.amazon.awssdk.services.firehose.model.ResourceInUseException;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;

/** Firehose delivery stream states CREATING and DELETING, with the real SDK client. */
class FirehoseLifecycleIT {

  private static LocalAws aws;
  private static FirehoseClient firehose;
  private static FirehoseClient direct;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    firehose = TestClients.firehose(aws.endpoint(), false);
    direct = TestClients.firehose(aws.motoEndpoint(), false);
  }

  @AfterAll
  static void closeClients() {
    firehose.close();
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

  private void create(String name) {
    firehose.createDeliveryStream(b -> b.deliveryStreamName(name)
        .extendedS3DestinationConfiguration(d -> d
            .roleARN("arn:aws:iam::123456789012:role/firehose-delivery")
            .bucketARN("arn:aws:s3:::uba-archive")));
  }

  private DeliveryStreamStatus status(String name) {
    return firehose.describeDeliveryStream(b -> b.deliveryStreamName(name))
        .deliveryStreamDescription().deliveryStreamStatus();
  }

  @Test
  void newStreamIsCreatingForTheConfiguredDescribesThenActive() {
    create("events");

    assertThat(status("events")).isEqualTo(DeliveryStreamStatus.CREATING);
    assertThat(status("events")).isEqualTo(DeliveryStreamStatus.CREATING);
    assertThat(status("events")).isEqualTo(DeliveryStreamStatus.ACTIVE);
    assertThat(firehose.describeDeliveryStream(b -> b.deliveryStreamName("events"))
        .deliveryStreamDescription().deliveryStreamARN())
        .isEqualTo("arn:aws:firehose:us-east-1:123456789012:deliverystream/events");
  }

  @Test
  void aCreatingStreamCannotBeDeletedOrUpdated() {
    aws.lifecycle().firehose().transitionalDescribes(3);
    create("young");
    var description = firehose.describeDeliveryStream(b -> b.deliveryStreamName("young"))
        .deliveryStreamDescription();

    assertThatThrownBy(() -> firehose.deleteDeliveryStream(b -> b.deliveryStreamName("young")))
        .isInstanceOfSatisfying(ResourceInUseException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(400);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceInUseException");
          assertThat(e.getMessage()).contains("CREATING");
        });
    assertThatThrownBy(() -> firehose.updateDestination(b -> b.deliveryStreamName("young")
        .currentDeliveryStreamVersionId(description.versionId())
        .destinationId(description.destinations().get(0).destinationId())
        .extendedS3DestinationUpdate(u -> u.prefix("raw/"))))
        .isInstanceOf(ResourceInUseException.class);
    // the refused delete never reached the emulator
    assertThat(direct.describeDeliveryStream(b -> b.deliveryStreamName("young"))).isNotNull();
  }

  @Test
  void deletedStreamIsDeletingAndListedThenGone() {
    aws.lifecycle().firehose().instant();
    create("doomed");
    aws.lifecycle().firehose().transitionalDescribes(2);

    firehose.deleteDeliveryStream(b -> b.deliveryStreamName("doomed"));

    assertThat(direct.describeDeliveryStream(b -> b.deliveryStreamName("doomed"))
        .deliveryStreamDescription().deliveryStreamStatus()).isEqualTo(DeliveryStreamStatus.ACTIVE);
    assertThat(firehose.listDeliveryStreams(b -> { }).deliveryStreamNames()).contains("doomed");
    assertThat(status("doomed")).isEqualTo(DeliveryStreamStatus.DELETING);
    firehose.deleteDeliveryStream(b -> b.deliveryStreamName("doomed"));
    assertThat(status("doomed")).isEqualTo(DeliveryStreamStatus.DELETING);

    assertThatThrownBy(() -> status("doomed")).isInstanceOf(ResourceNotFoundException.class);
    assertThat(firehose.listDeliveryStreams(b -> { }).deliveryStreamNames())
        .doesNotContain("doomed");
  }

  @Test
  void deletingAMissingStreamIsResourceNotFound() {
    assertThatThrownBy(() -> firehose.deleteDeliveryStream(b -> b.deliveryStreamName("never")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void maxDurationEndsCreatingWithoutDescribes() throws InterruptedException {
    aws.lifecycle().firehose().transitionalDescribes(1000).maxDuration(Duration.ofMillis(200));
    create("timed");
    assertThat(status("timed")).isEqualTo(DeliveryStreamStatus.CREATING);

    Thread.sleep(300);

    assertThat(status("timed")).isEqualTo(DeliveryStreamStatus.ACTIVE);
  }

  @Test
  void instantLifecycleIsTheEmulatorsOwnBehaviour() {
    aws.lifecycle().instant();
    create("instant");
    assertThat(status("instant")).isEqualTo(DeliveryStreamStatus.ACTIVE);

    firehose.deleteDeliveryStream(b -> b.deliveryStreamName("instant"));

    assertThatThrownBy(() -> status("instant")).isInstanceOf(ResourceNotFoundException.class);
  }
}
