package dev.uba.operator.benchmark;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Watches the objects of one kind in one namespace by listing them every few seconds (from the
 * API server's watch cache), and notes when each first became Ready (its status describing its
 * generation, condition Ready True) or was gone.
 */
final class ObjectWatch {

  private final KubernetesClient client;
  private final String apiVersion;
  private final String kind;
  private final String namespace;
  private final Duration every;

  ObjectWatch(KubernetesClient client, String apiVersion, String kind, String namespace,
      Duration every) {
    this.client = client;
    this.apiVersion = apiVersion;
    this.kind = kind;
    this.namespace = namespace;
    this.every = every;
  }

  /**
   * Waits until every name is Ready or {@code timeout} passed; returns when each became Ready
   * (names never Ready are missing). Prints progress every 30 s.
   */
  Map<String, Instant> awaitReady(Set<String> names, Duration timeout) {
    Map<String, Instant> ready = new HashMap<>();
    Instant deadline = Instant.now().plus(timeout);
    Instant nextReport = Instant.now().plusSeconds(30);
    while (ready.size() < names.size() && Instant.now().isBefore(deadline)) {
      Instant now = Instant.now();
      for (GenericKubernetesResource r : list()) {
        String name = r.getMetadata().getName();
        if (names.contains(name) && !ready.containsKey(name) && isReady(r)) {
          ready.put(name, now);
        }
      }
      if (now.isAfter(nextReport)) {
        System.out.printf("  ... %d/%d Ready%n", ready.size(), names.size());
        nextReport = now.plusSeconds(30);
      }
      sleep();
    }
    return ready;
  }

  /** Waits until none of the names exists or {@code timeout} passed; returns when each went. */
  Map<String, Instant> awaitGone(Set<String> names, Duration timeout) {
    Map<String, Instant> gone = new HashMap<>();
    Instant deadline = Instant.now().plus(timeout);
    Instant nextReport = Instant.now().plusSeconds(30);
    while (gone.size() < names.size() && Instant.now().isBefore(deadline)) {
      Instant now = Instant.now();
      Set<String> present = new HashSet<>();
      for (GenericKubernetesResource r : list()) {
        present.add(r.getMetadata().getName());
      }
      for (String name : names) {
        if (!present.contains(name)) {
          gone.putIfAbsent(name, now);
        }
      }
      if (now.isAfter(nextReport)) {
        System.out.printf("  ... %d/%d gone%n", gone.size(), names.size());
        nextReport = now.plusSeconds(30);
      }
      sleep();
    }
    return gone;
  }

  /** How many of the objects have condition {@code type} True now, by its reason. */
  Map<String, Integer> reasons(String type) {
    Map<String, Integer> out = new HashMap<>();
    for (GenericKubernetesResource r : list()) {
      condition(r, type).filter(c -> "True".equals(c.get("status")))
          .ifPresent(c -> out.merge(String.valueOf(c.get("reason")), 1, Integer::sum));
    }
    return out;
  }

  private List<GenericKubernetesResource> list() {
    try {
      return client.genericKubernetesResources(apiVersion, kind).inNamespace(namespace)
          .list(new ListOptionsBuilder().withResourceVersion("0").build()).getItems();
    } catch (RuntimeException e) {
      System.out.println("  (listing " + kind + " failed: " + e.getMessage() + ")");
      return List.of();
    }
  }

  static boolean isReady(GenericKubernetesResource r) {
    Object status = r.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s)) {
      return false;
    }
    Object observed = s.get("observedGeneration");
    Long generation = r.getMetadata().getGeneration();
    if (observed == null || generation == null
        || ((Number) observed).longValue() != generation) {
      return false;
    }
    return condition(r, "Ready").map(c -> "True".equals(c.get("status"))).orElse(false);
  }

  @SuppressWarnings("unchecked")
  private static java.util.Optional<Map<String, Object>> condition(GenericKubernetesResource r,
      String type) {
    Object status = r.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> s) || !(s.get("conditions") instanceof List<?> conditions)) {
      return java.util.Optional.empty();
    }
    for (Object c : conditions) {
      if (c instanceof Map<?, ?> m && type.equals(m.get("type"))) {
        return java.util.Optional.of((Map<String, Object>) m);
      }
    }
    return java.util.Optional.empty();
  }

  private void sleep() {
    try {
      Thread.sleep(every.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
