package dev.uba.operator.testenv.aws;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The delivery streams created through the proxy, by {@code region/name}: what
 * {@link FirehoseLifecycle} keeps.
 */
final class FirehoseStreams {

  private final ConcurrentMap<String, FirehoseStream> streams = new ConcurrentHashMap<>();

  static String key(String region, String name) {
    return region + "/" + name;
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
}
