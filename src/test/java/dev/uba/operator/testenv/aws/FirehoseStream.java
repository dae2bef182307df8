package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What the proxy remembers of one delivery stream created through it: the destination as AWS
 * describes it (kept by the proxy, since the emulator stores the OpenSearch destination only under
 * its legacy name and replaces nested settings on update), the Kinesis source, the version, and an
 * arranged failed state. Thread-safe: the proxy's threads change it, the deliverer's read copies.
 */
final class FirehoseStream {

  /** The destination kinds the proxy keeps a description of; others are the emulator's own. */
  enum Destination {
    OPENSEARCH("AmazonopensearchserviceDestinationDescription"),
    EXTENDED_S3("ExtendedS3DestinationDescription");

    final String descriptionField;

    Destination(String descriptionField) {
      this.descriptionField = descriptionField;
    }
  }

  /** A failed state a test arranged, reported once the transitional state before it has ended. */
  record Failure(String status, String type, String details) {}

  final String region;
  final String name;
  final String arn;
  /** The Kinesis stream read (KinesisStreamAsSource), or null. */
  final String sourceStreamArn;
  /** DeliveryStartTimestamp: records that arrived on the source earlier are not delivered. */
  final Instant deliveryStart;
  private final Destination destination;
  private ObjectNode description;
  private int version = 1;
  private Failure failure;

  FirehoseStream(String region, String name, String arn, String sourceStreamArn,
      Instant deliveryStart, Destination destination, ObjectNode description) {
    this.region = region;
    this.name = name;
    this.arn = arn;
    this.sourceStreamArn = sourceStreamArn;
    this.deliveryStart = deliveryStart;
    this.destination = destination;
    this.description = description;
  }

  /** The destination kind the proxy describes, or null when the emulator's description stands. */
  synchronized Destination destination() {
    return description == null ? null : destination;
  }

  /** A copy of the destination description, or null. */
  synchronized ObjectNode description() {
    return description == null ? null : description.deepCopy();
  }

  synchronized void describeAs(ObjectNode newDescription) {
    this.description = newDescription;
  }

  /** From now on the emulator's own description stands (an update the proxy does not merge). */
  synchronized void forgetDescription() {
    this.description = null;
  }

  synchronized int version() {
    return version;
  }

  synchronized void versionIncremented() {
    version++;
  }

  synchronized Failure failure() {
    return failure;
  }

  synchronized void fail(Failure f) {
    this.failure = f;
  }
}
