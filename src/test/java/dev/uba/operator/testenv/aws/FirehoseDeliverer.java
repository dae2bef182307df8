package dev.uba.operator.testenv.aws;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What moves data in the local Firehose (the emulator moves none): one per {@link LocalAws}. Every
 * {@link LocalFirehose#pollInterval} a supervisor publishes the counted incoming records
 * ({@link DataFlowMetrics}), looks at the ACTIVE delivery streams that read a Kinesis stream, and
 * hands each one's next {@link StreamDelivery#tick} to a small pool of workers ({@value #WORKERS}
 * daemon threads; at most one tick per stream at a time, so a slow destination delays only its own
 * stream). Streams that are deleted, failed or forgotten by a reset stop being delivered. Nothing
 * here throws into the proxy; {@link #close} stops it all.
 */
final class FirehoseDeliverer implements AutoCloseable {

  static final int WORKERS = 4;

  private final FirehoseStreams streams;
  private final LocalFirehose control;
  private final DataFlowMetrics metrics;
  private final KinesisClient kinesis;
  private final S3Client s3Client;
  private final OpenSearchDelivery openSearch;
  private final S3Delivery s3;
  private final ScheduledExecutorService supervisor;
  private final ExecutorService workers;
  /** By stream object: a stream created again under the same name is delivered afresh. */
  private final Map<FirehoseStream, StreamDelivery> deliveries = new IdentityHashMap<>();
  private volatile boolean closed;

  FirehoseDeliverer(FirehoseStreams streams, LocalFirehose control, DataFlowMetrics metrics,
      KinesisClient kinesis, S3Client s3Client) {
    this.streams = streams;
    this.control = control;
    this.metrics = metrics;
    this.kinesis = kinesis;
    this.s3Client = s3Client;
    FirehoseS3Writer writer = new FirehoseS3Writer(s3Client);
    this.openSearch = new OpenSearchDelivery(writer, metrics, control);
    this.s3 = new S3Delivery(writer, metrics, control);
    this.supervisor = Executors.newSingleThreadScheduledExecutor(daemons("local-firehose-supervisor"));
    this.workers = Executors.newFixedThreadPool(WORKERS, daemons("local-firehose-delivery"));
  }

  void start() {
    schedule();
  }

  /** Stops delivering every stream now known (a reset); new streams are delivered as they come. */
  synchronized void clear() {
    deliveries.values().forEach(StreamDelivery::cancel);
    deliveries.clear();
  }

  @Override
  public void close() {
    closed = true;
    clear();
    supervisor.shutdownNow();
    workers.shutdownNow();
    try {
      supervisor.awaitTermination(5, TimeUnit.SECONDS);
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    kinesis.close();
    s3Client.close();
  }

  private void schedule() {
    if (closed) {
      return;
    }
    try {
      supervisor.schedule(this::supervise, control.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shutDown) {
      // closing
    }
  }

  private void supervise() {
    try {
      metrics.publishIncoming();
      for (StreamDelivery d : currentDeliveries()) {
        if (d.claim()) {
          try {
            workers.execute(() -> d.tick(() -> closed));
          } catch (RejectedExecutionException shutDown) {
            return;
          }
        }
      }
    } catch (RuntimeException | Error e) {
      System.err.println("[local-aws] Firehose deliverer: " + e);
    } finally {
      schedule();
    }
  }

  /** The deliveries of the streams ACTIVE now, created for new ones, cancelled for gone ones. */
  private synchronized List<StreamDelivery> currentDeliveries() {
    List<FirehoseStream> active = streams.activeWithKinesisSource();
    Set<FirehoseStream> activeSet = Collections.newSetFromMap(new IdentityHashMap<>());
    activeSet.addAll(active);
    deliveries.entrySet().removeIf(e -> {
      if (!activeSet.contains(e.getKey())) {
        e.getValue().cancel();
        return true;
      }
      return false;
    });
    for (FirehoseStream s : active) {
      deliveries.computeIfAbsent(s, x -> new StreamDelivery(x,
          new KinesisSourceReader(kinesis, x.sourceStreamArn, x.deliveryStart), openSearch, s3,
          metrics, control));
    }
    return List.copyOf(deliveries.values());
  }

  private static ThreadFactory daemons(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
