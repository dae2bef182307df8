package dev.uba.operator.testenv.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Reads one Kinesis stream as a Firehose delivery stream's source does, from the emulator itself
 * (not through the proxy: the reads are neither counted nor shaped): ListShards, a
 * {@code TRIM_HORIZON} iterator per shard, then GetRecords with each {@code NextShardIterator}.
 * Records that arrived before the delivery stream's {@code DeliveryStartTimestamp} are skipped
 * ("Firehose starts retrieving records from the Kinesis data stream starting with this
 * timestamp"). Shards are listed again on every read, so shards added by resharding are read too;
 * a closed shard is dropped once its last record is read. Not thread-safe: one reader per delivery
 * stream, used by one task at a time.
 */
final class KinesisSourceReader {

  /** One record read, with what Firehose uses of it. */
  record SourceRecord(byte[] data, Instant arrival, String shardId, String sequenceNumber) {}

  /** GetRecords calls per shard and read, so that one read is bounded in time. */
  private static final int MAX_CALLS_PER_SHARD = 5;
  private static final int LIMIT = 10_000;

  private final KinesisClient kinesis;
  private final String streamName;
  private final Instant deliveryStart;
  /** Next iterator by shard; null value: the shard is finished. */
  private final Map<String, String> iterators = new LinkedHashMap<>();
  private final Map<String, String> lastSequence = new LinkedHashMap<>();

  KinesisSourceReader(KinesisClient kinesis, String streamArn, Instant deliveryStart) {
    this.kinesis = kinesis;
    this.streamName = streamArn.substring(streamArn.lastIndexOf('/') + 1);
    this.deliveryStart = deliveryStart;
  }

  /** What arrived since the last read, oldest first per shard. */
  List<SourceRecord> read() {
    List<SourceRecord> out = new ArrayList<>();
    for (Shard shard : kinesis.listShards(b -> b.streamName(streamName)).shards()) {
      if (!iterators.containsKey(shard.shardId())) {
        iterators.put(shard.shardId(), iterator(shard.shardId()));
      }
    }
    for (Map.Entry<String, String> e : iterators.entrySet()) {
      String shardId = e.getKey();
      String iterator = e.getValue();
      for (int call = 0; call < MAX_CALLS_PER_SHARD && iterator != null; call++) {
        String from = iterator;
        GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(from).limit(LIMIT));
        for (Record r : page.records()) {
          lastSequence.put(shardId, r.sequenceNumber());
          if (deliveryStart == null || !r.approximateArrivalTimestamp().isBefore(deliveryStart)) {
            out.add(new SourceRecord(r.data().asByteArray(), r.approximateArrivalTimestamp(),
                shardId, r.sequenceNumber()));
          }
        }
        iterator = page.nextShardIterator();
        if (page.records().isEmpty()) {
          break;
        }
      }
      e.setValue(iterator);
    }
    return out;
  }

  /**
   * After a failed read: iterators are obtained again, after the last sequence number read of
   * each shard (an expired or refused iterator must not lose or repeat records).
   */
  void restart() {
    iterators.replaceAll((shardId, it) -> it == null ? null : iterator(shardId));
  }

  private String iterator(String shardId) {
    String after = lastSequence.get(shardId);
    return kinesis.getShardIterator(b -> {
      b.streamName(streamName).shardId(shardId);
      if (after == null) {
        b.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
      } else {
        b.shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).startingSequenceNumber(after);
      }
    }).shardIterator();
  }
}
