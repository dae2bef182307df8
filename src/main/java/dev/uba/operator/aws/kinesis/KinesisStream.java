package dev.uba.operator.aws.kinesis;

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
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.ListTagsForStreamResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.ScalingType;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

/**
 * A Kinesis data stream. Reads: DescribeStreamSummary, and its tags from the region's
 * {@link TagIndex} (ListTagsForStream when the index does not hold them). Mode, shard count and
 * encryption changes put the stream in UPDATING, so at most one of them is sent per pass.
 */
public final class KinesisStream implements AwsResource<StreamDesired, StreamActual> {
  private final KinesisClient kinesis;
  private final StreamChangeBudget budget;
  private final TagIndex tagIndex;

  /** Reading its own tags on every observe. */
  public KinesisStream(KinesisClient kinesis, StreamChangeBudget budget) {
    this(kinesis, budget, TagIndex.none());
  }

  public KinesisStream(KinesisClient kinesis, StreamChangeBudget budget, TagIndex tagIndex) {
    this.kinesis = kinesis;
    this.budget = budget;
    this.tagIndex = tagIndex;
  }

  static String tagKey(String name) {
    return TagIndex.key("kinesis", "stream/" + name);
  }

  @Override
  public String kind() {
    return "KinesisStream";
  }

  /** Empty also when the stream disappears between the two reads (a deletion finishing). */
  @Override
  public Optional<StreamActual> observe(StreamDesired desired) {
    try {
      return Optional.of(read(desired.name()));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private StreamActual read(String name) {
    StreamDescriptionSummary s = kinesis.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary();
    String mode = s.streamModeDetails() == null ? "PROVISIONED" : s.streamModeDetails().streamModeAsString();
    return new StreamActual(
        s.streamName(), s.streamARN(), s.streamStatusAsString(), mode,
        s.openShardCount() == null ? 0 : s.openShardCount(),
        s.retentionPeriodHours() == null ? 24 : s.retentionPeriodHours(),
        s.encryptionTypeAsString() == null ? "NONE" : s.encryptionTypeAsString(),
        s.keyId(), tagIndex.tagsOf(tagKey(name), () -> readTags(name)));
  }

  private Map<String, String> readTags(String streamName) {
    Map<String, String> tags = new LinkedHashMap<>();
    String start = null;
    ListTagsForStreamResponse page;
    do {
      String from = start;
      page = kinesis.listTagsForStream(r -> r.streamName(streamName).exclusiveStartTagKey(from));
      page.tags().forEach(t -> tags.put(t.key(), t.value()));
      start = page.tags().isEmpty() ? null : page.tags().get(page.tags().size() - 1).key();
    } while (Boolean.TRUE.equals(page.hasMoreTags()) && start != null);
    return tags;
  }


  @Override
  public AwsState state(StreamActual actual) {
    String word = actual.status();
    return switch (word) {
      case "CREATING" -> AwsState.of(word, AwsState.Phase.CREATING);
      case "UPDATING" -> AwsState.of(word, AwsState.Phase.UPDATING);
      case "DELETING" -> AwsState.of(word, AwsState.Phase.DELETING);
      default -> AwsState.stable(word);
    };
  }


  @Override
  public Drift drift(StreamDesired desired, StreamActual actual) {
    return StreamDrift.of(desired, actual);
  }

  @Override
  public Applied create(StreamDesired desired) {
    kinesis.createStream(r -> {
      r.streamName(desired.name())
          .streamModeDetails(m -> m.streamMode(desired.mode()))
          .tags(desired.tags());
      if (desired.provisioned()) {
        r.shardCount(desired.shards());
      }
    });
    tagIndex.record(tagKey(desired.name()), desired.tags());
    return Applied.ASYNC;
  }

  @Override
  public Applied update(StreamDesired desired, StreamActual actual, Drift drift) {
    if (drift.hasTags()) {
      syncTags(desired, actual);
    }
    if (drift.has(StreamDrift.RETENTION_HOURS)) {
      int hours = desired.retentionHours();
      if (hours > actual.retentionHours()) {
        kinesis.increaseStreamRetentionPeriod(r -> r.streamName(desired.name()).retentionPeriodHours(hours));
      } else {
        kinesis.decreaseStreamRetentionPeriod(r -> r.streamName(desired.name()).retentionPeriodHours(hours));
      }
    }
    return applyOneAsyncChange(desired, actual, drift) ? Applied.ASYNC : Applied.SETTLED;
  }

  /** Mode first (it decides whether shards matter), then shards, then encryption. */
  private boolean applyOneAsyncChange(StreamDesired desired, StreamActual actual, Drift drift) {
    if (drift.has(StreamDrift.MODE)) {
      if (!budget.modeSwitchAllowed()) {
        throw quota("UpdateStreamMode", StreamChangeBudget.MODE_SWITCHES_PER_DAY, budget.nextModeSwitchAt().toString());
      }
      kinesis.updateStreamMode(r -> r.streamARN(actual.arn()).streamModeDetails(m -> m.streamMode(desired.mode())));
      budget.recordModeSwitch();
      return true;
    }
    if (drift.has(StreamDrift.SHARDS)) {
      if (!budget.shardUpdateAllowed()) {
        throw quota("UpdateShardCount", StreamChangeBudget.SHARD_UPDATES_PER_DAY, budget.nextShardUpdateAt().toString());
      }
      int target = StreamDrift.nextShardCount(actual.openShards(), desired.shards());
      kinesis.updateShardCount(r -> r.streamName(desired.name()).targetShardCount(target)
          .scalingType(ScalingType.UNIFORM_SCALING));
      budget.recordShardUpdate();
      return true;
    }
    if (drift.hasAny(StreamDrift.ENCRYPTION, StreamDrift.KMS_KEY_ID)) {
      if (desired.encrypted()) {
        kinesis.startStreamEncryption(r -> r.streamName(desired.name()).encryptionType(EncryptionType.KMS)
            .keyId(desired.kmsKeyId()));
      } else {
        kinesis.stopStreamEncryption(r -> r.streamName(desired.name()).encryptionType(EncryptionType.KMS)
            .keyId(actual.kmsKeyId()));
      }
      return true;
    }
    return false;
  }

  private static AwsFailure quota(String action, int limit, String nextAllowed) {
    return new AwsFailure(Outcome.degraded(Reasons.QUOTA_EXCEEDED,
        "spec.stream: the change needs " + action + ", which AWS allows " + limit
            + " times per stream in 24 hours; the next call is possible after " + nextAllowed), null);
  }

  private void syncTags(StreamDesired desired, StreamActual actual) {
    Ownership.syncTags(desired.tags(), actual.tags(),
        remove -> kinesis.removeTagsFromStream(r -> r.streamName(desired.name()).tagKeys(remove)),
        set -> kinesis.addTagsToStream(r -> r.streamName(desired.name()).tags(set)));
    tagIndex.recordChanged(tagKey(desired.name()), actual.tags(), desired.tags());
  }

  @Override
  public Applied delete(StreamActual actual) {
    kinesis.deleteStream(r -> r.streamName(actual.name()).enforceConsumerDeletion(true));
    tagIndex.forget(tagKey(actual.name()));
    return Applied.ASYNC;
  }

}
