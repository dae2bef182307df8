package dev.uba.operator.aws.firehose;

import dev.uba.operator.engine.Drift;
import java.util.Objects;

/**
 * The differences between a desired and an actual delivery stream (pure). The destination type
 * cannot change in place (the stream is replaced); the backup mode cannot change at all; the other
 * settings go through UpdateDestination.
 */
public final class DeliveryDrift {
  public static final String DESTINATION = "destination";
  public static final String BACKUP = "backup";
  static final String SOURCE = "source";

  private DeliveryDrift() {}

  public static Drift of(DeliveryDesired desired, DeliveryActual actual) {
    DeliverySettings d = desired.settings();
    DeliverySettings a = actual.settings();
    Drift.Builder drift = Drift.builder().field(DESTINATION, d.destination(), a.destination());
    // A source change (another stream or role) cannot be updated either; it never happens for one
    // pipeline, as both names derive from the object, but it must not be mistaken for being in sync.
    drift.fieldIf(!Objects.equals(d.streamArn(), a.streamArn()), SOURCE, d.streamArn(), a.streamArn());
    if (d.destination() == a.destination()) {
      drift.field("roleArn", d.roleArn(), a.roleArn())
          .field("bucketArn", d.bucketArn(), a.bucketArn())
          .field("s3Prefix", d.prefix(), a.prefix())
          .field("errorPrefix", d.errorPrefix(), a.errorPrefix())
          .field("kmsKeyArn", d.kmsKeyArn(), a.kmsKeyArn())
          .field("bufferIntervalSeconds", d.bufferIntervalSeconds(), a.bufferIntervalSeconds())
          .field("bufferSizeMiB", d.bufferSizeMiB(), a.bufferSizeMiB())
          .field("domainArn", d.domainArn(), a.domainArn())
          .field("indexName", d.indexName(), a.indexName())
          .field("indexRotation", d.indexRotation(), a.indexRotation())
          .field("retrySeconds", d.retrySeconds(), a.retrySeconds())
          .field(BACKUP, d.backupMode(), a.backupMode())
          .field("processorLambdaArn", d.lambdaArn(), a.lambdaArn())
          .field("errorLogging", d.logGroupName(), a.logGroupName());
    }
    return drift.tags(desired.tags(), actual.tags()).build();
  }

  /** Whether the difference can only be resolved by a new delivery stream. */
  public static boolean needsReplacement(Drift drift) {
    return drift.hasAny(DESTINATION, SOURCE);
  }
}
