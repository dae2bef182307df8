package dev.uba.operator.testenv.aws;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The delivery streams created through the proxy, by {@code region/name}, each with whether it is
 * ACTIVE now: what {@link FirehoseLifecycle} keeps and {@link FirehoseDeliverer} reads.
 */
final class FirehoseStreams {

  /** Whether a stream is ACTIVE (no transitional or failed state), as the lifecycle knows it. */
  interface Activity {
    boolean isActive(FirehoseStream stream);
  }

  private final ConcurrentMap<String, FirehoseStream> streams = new ConcurrentHashMap<>();
  private volatile Activity activity = s -> s.failure() == null;

  static String key(String region, String name) {
    return region + "/" + name;
  }

  void activity(Activity a) {
    this.activity = a;
  }

  void put(FirehoseStream s) {
    streams.put(key(s.region, s.name), s);
  }

  FirehoseStream get(String key) {
    return streams.get(key);
  }

  void remove(String key) {
    streams.remove(key);
  }

  void clear() {
    streams.clear();
  }

  /** The ACTIVE streams that read a Kinesis stream. */
  List<FirehoseStream> activeWithKinesisSource() {
    return streams.values().stream()
        .filter(s -> s.sourceStreamArn != null && activity.isActive(s)).toList();
  }
}
