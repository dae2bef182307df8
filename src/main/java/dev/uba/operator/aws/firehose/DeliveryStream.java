package dev.uba.operator.aws.firehose;

import dev.uba.operator.aws.shared.TagIndex;
import dev.uba.operator.engine.AwsFailure;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.Reasons;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.firehose.model.ListTagsForDeliveryStreamResponse;
import software.amazon.awssdk.services.firehose.model.ResourceNotFoundException;

/**
 * A Firehose delivery stream reading a Kinesis stream (KinesisStreamAsSource), delivering into an
 * OpenSearch domain with backup to S3, or into S3. Reads: DescribeDeliveryStream, and its tags from
 * the region's {@link TagIndex} (ListTagsForDeliveryStream when the index does not hold them).
 * Settings change in place with UpdateDestination; a change of destination type replaces the stream
 * (Event Replaced); the backup mode never changes.
 */
public final class DeliveryStream implements AwsResource<DeliveryDesired, DeliveryActual> {
  private final FirehoseClient firehose;
  private final TagIndex tagIndex;

  /** Reading its own tags on every observe. */
  public DeliveryStream(FirehoseClient firehose) {
    this(firehose, TagIndex.none());
  }

  public DeliveryStream(FirehoseClient firehose, TagIndex tagIndex) {
    this.firehose = firehose;
    this.tagIndex = tagIndex;
  }

  static String tagKey(String name) {
    return TagIndex.key("firehose", "deliverystream/" + name);
  }

  @Override
  public String kind() {
    return "DeliveryStream";
  }

  @Override
  public Optional<DeliveryActual> observe(DeliveryDesired desired) {
    DeliveryStreamDescription d;
    try {
      d = firehose.describeDeliveryStream(r -> r.deliveryStreamName(desired.name())).deliveryStreamDescription();
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
    String source = d.source() == null || d.source().kinesisStreamSourceDescription() == null ? null
        : d.source().kinesisStreamSourceDescription().kinesisStreamARN();
    var destination = d.destinations().isEmpty() ? null : d.destinations().get(0);
    String failure = d.failureDescription() == null ? null
        : d.failureDescription().typeAsString() + ": " + d.failureDescription().details();
    return Optional.of(new DeliveryActual(d.deliveryStreamName(), d.deliveryStreamARN(), d.deliveryStreamStatusAsString(),
        d.versionId(), destination == null ? null : destination.destinationId(), failure,
        destination == null ? null : DeliveryRequests.settingsOf(source, destination),
        tagIndex.tagsOf(tagKey(desired.name()), () -> readTags(desired.name()))));
  }

  private Map<String, String> readTags(String name) {
    Map<String, String> tags = new LinkedHashMap<>();
    String start = null;
    ListTagsForDeliveryStreamResponse page;
    do {
      String from = start;
      page = firehose.listTagsForDeliveryStream(r -> r.deliveryStreamName(name).exclusiveStartTagKey(from));
      page.tags().forEach(t -> tags.put(t.key(), t.value()));
      start = page.tags().isEmpty() ? null : page.tags().get(page.tags().size() - 1).key();
    } while (Boolean.TRUE.equals(page.hasMoreTags()) && start != null);
    return tags;
  }


  @Override
  public AwsState state(DeliveryActual actual) {
    String word = actual.status();
    String why = actual.failure() == null ? "" : actual.failure();
    return switch (word) {
      case "CREATING" -> AwsState.of(word, AwsState.Phase.CREATING);
      case "DELETING" -> AwsState.of(word, AwsState.Phase.DELETING);
      case "CREATING_FAILED" -> new AwsState(word, AwsState.Phase.FAILED, why);
      // Deleted again, with AllowForceDelete (see delete).
      case "DELETING_FAILED" -> new AwsState(word, AwsState.Phase.FAILED, why);
      default -> AwsState.stable(word);
    };
  }


  @Override
  public Drift drift(DeliveryDesired desired, DeliveryActual actual) {
    return actual.settings() == null ? Drift.builder().fieldIf(true, DeliveryDrift.DESTINATION,
        desired.settings().destination(), "none").build() : DeliveryDrift.of(desired, actual);
  }

  @Override
  public Applied create(DeliveryDesired desired) {
    DeliverySettings s = desired.settings();
    firehose.createDeliveryStream(r -> {
      r.deliveryStreamName(desired.name()).deliveryStreamType(DeliveryStreamType.KINESIS_STREAM_AS_SOURCE)
          .kinesisStreamSourceConfiguration(k -> k.kinesisStreamARN(s.streamArn()).roleARN(s.roleArn()))
          .tags(DeliveryRequests.tags(desired.tags()));
      if (s.destination() == DeliverySettings.Destination.OpenSearch) {
        r.amazonopensearchserviceDestinationConfiguration(DeliveryRequests.openSearch(s));
      } else {
        r.extendedS3DestinationConfiguration(DeliveryRequests.s3(s));
      }
    });
    // CreateDeliveryStream refuses a name that is taken: the tags are the ones just given.
    tagIndex.record(tagKey(desired.name()), desired.tags());
    return Applied.ASYNC;
  }

  @Override
  public Applied update(DeliveryDesired desired, DeliveryActual actual, Drift drift) {
    if (DeliveryDrift.needsReplacement(drift)) {
      firehose.deleteDeliveryStream(r -> r.deliveryStreamName(actual.name()));
      tagIndex.forget(tagKey(actual.name()));
      return Applied.ASYNC.noting("Replaced", "DeliveryStream " + actual.name() + " delivers to "
          + desired.settings().destination() + " now: Firehose cannot change the destination type in place, so "
          + "the stream is deleted and created again");
    }
    if (drift.has(DeliveryDrift.BACKUP)) {
      throw new AwsFailure(Outcome.degraded(Reasons.IMMUTABLE_FIELD, "spec.delivery.backup cannot change after "
          + "creation (was " + actual.settings().backupMode() + ", now " + desired.settings().backupMode() + ")"), null);
    }
    if (drift.hasTags()) {
      Ownership.syncTags(desired.tags(), actual.tags(),
          remove -> firehose.untagDeliveryStream(r -> r.deliveryStreamName(actual.name()).tagKeys(remove)),
          set -> firehose.tagDeliveryStream(r -> r.deliveryStreamName(actual.name()).tags(DeliveryRequests.tags(set))));
      tagIndex.recordChanged(tagKey(actual.name()), actual.tags(), desired.tags());
    }
    if (drift.hasMoreThanTags()) {
      DeliverySettings s = desired.settings();
      firehose.updateDestination(r -> {
        r.deliveryStreamName(actual.name()).currentDeliveryStreamVersionId(actual.versionId())
            .destinationId(actual.destinationId());
        if (s.destination() == DeliverySettings.Destination.OpenSearch) {
          r.amazonopensearchserviceDestinationUpdate(DeliveryRequests.openSearchUpdate(s));
        } else {
          r.extendedS3DestinationUpdate(DeliveryRequests.s3Update(s));
        }
      });
    }
    return Applied.SETTLED;
  }

  /** A stream whose deletion failed is deleted again with AllowForceDelete, as Firehose asks. */
  @Override
  public Applied delete(DeliveryActual actual) {
    boolean force = "DELETING_FAILED".equals(actual.status());
    firehose.deleteDeliveryStream(r -> r.deliveryStreamName(actual.name()).allowForceDelete(force));
    tagIndex.forget(tagKey(actual.name()));
    return Applied.ASYNC;
  }
}
