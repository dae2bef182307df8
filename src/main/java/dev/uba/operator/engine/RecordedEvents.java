package dev.uba.operator.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Events the operator recorded lately, so that the same Event again (same object, type, reason
 * and message) raises the first one's {@code count} and {@code lastTimestamp} instead of adding one
 * more, as Kubernetes' own event correlator does. Bounded (least recently used entries go first);
 * kept in memory only: after a restart the next repeat starts a new Event, as with client-go.
 * Shared by every pass of one kind; thread-safe.
 */
public final class RecordedEvents {
  /** As many as client-go's correlator keeps. */
  static final int DEFAULT_CAPACITY = 4096;

  /** What makes two Events the same one. */
  public record Key(String objectUid, String type, String reason, String message) {}

  /** The Event in the cluster that stands for a key, and how often it happened. */
  public record Recorded(String eventName, int count) {
    Recorded again() {
      return new Recorded(eventName, count + 1);
    }
  }

  private final Map<Key, Recorded> recent;

  public RecordedEvents() {
    this(DEFAULT_CAPACITY);
  }

  RecordedEvents(int capacity) {
    this.recent = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Recorded> eldest) {
        return size() > capacity;
      }
    };
  }

  public synchronized Optional<Recorded> previous(Key key) {
    return Optional.ofNullable(recent.get(key));
  }

  public synchronized void remember(Key key, Recorded recorded) {
    recent.put(key, recorded);
  }
}
