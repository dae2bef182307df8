package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.testenv.aws.KinesisSourceReader.SourceRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The data flow of one ACTIVE delivery stream: each {@link #tick} reads what arrived on the Kinesis
 * source and buffers it; the buffer is flushed to the destination by the destination's
 * {@code BufferingHints} ("Configure buffering hints", Amazon Data Firehose Developer Guide: data is
 * buffered up to a size and for a period of time, and delivered when either is reached first): once
 * it holds
 * {@code SizeInMBs} MiB, or {@code IntervalInSeconds} after its first record (capped by
 * {@link LocalFirehose#bufferIntervalAtMost}). A tick is bounded in time: a bounded read, at most
 * one flush, whose retries end at the retry duration. One tick runs at a time.
 */
final class StreamDelivery {

  private static final long MIB = 1024L * 1024L;

  final FirehoseStream stream;
  private final KinesisSourceReader reader;
  private final OpenSearchDelivery openSearch;
  private final S3Delivery s3;
  private final DataFlowMetrics metrics;
  private final LocalFirehose control;
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean cancelled;
  private final List<SourceRecord> buffer = new ArrayList<>();
  private long bufferedBytes;
  private long firstBufferedNanos;

  StreamDelivery(FirehoseStream stream, KinesisSourceReader reader, OpenSearchDelivery openSearch,
      S3Delivery s3, DataFlowMetrics metrics, LocalFirehose control) {
    this.stream = stream;
    this.reader = reader;
    this.openSearch = openSearch;
    this.s3 = s3;
    this.metrics = metrics;
    this.control = control;
  }

  /** True (and now running) if no tick was running: the caller must run {@link #tick} next. */
  boolean claim() {
    return running.compareAndSet(false, true);
  }

  /** Stops delivering: a running tick ends without writing anything further. */
  void cancel() {
    cancelled = true;
  }

  /** Reads, buffers and flushes when due; never throws. Releases the claim. */
  void tick(BooleanSupplier closed) {
    BooleanSupplier stopped = () -> cancelled || closed.getAsBoolean();
    try {
      ObjectNode d = stream.description();
      if (d == null || stopped.getAsBoolean()) {
        return; // a destination the proxy does not describe: nothing is delivered
      }
      read();
      if (!buffer.isEmpty() && due(d) && !stopped.getAsBoolean()) {
        List<SourceRecord> batch = List.copyOf(buffer);
        buffer.clear();
        bufferedBytes = 0;
        if (stream.destination() == FirehoseStream.Destination.OPENSEARCH) {
          openSearch.deliver(stream, d, batch, stopped);
        } else {
          s3.deliver(stream, d, batch, stopped);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      control.report(stream.name).error(e.toString());
      System.err.println("[local-aws] Firehose " + stream.name + ": delivery failed: " + e);
    } finally {
      running.set(false);
    }
  }

  private void read() {
    List<SourceRecord> read;
    try {
      read = reader.read();
    } catch (RuntimeException e) {
      control.report(stream.name).error("cannot read " + stream.sourceStreamArn + ": " + e);
      try {
        reader.restart();
      } catch (RuntimeException again) {
        // tried again on the next tick
      }
      return;
    }
    if (read.isEmpty()) {
      return;
    }
    if (buffer.isEmpty()) {
      firstBufferedNanos = System.nanoTime();
    }
    buffer.addAll(read);
    for (SourceRecord r : read) {
      bufferedBytes += r.data().length;
    }
    control.report(stream.name).read(read.size());
    metrics.read(stream.name, read.size());
  }

  private boolean due(ObjectNode d) {
    JsonNode hints = d.path("BufferingHints");
    long size = hints.path("SizeInMBs").asLong(5) * MIB;
    Duration interval = control.bufferInterval(
        Duration.ofSeconds(hints.path("IntervalInSeconds").asLong(300)));
    return bufferedBytes >= size || System.nanoTime() - firstBufferedNanos >= interval.toNanos();
  }
}
