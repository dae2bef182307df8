package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.CommonStatus;
import dev.uba.operator.api.v1alpha1.Phase;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of every object the operator holds, as gauges (cert-manager's
 * {@code certmanager_certificate_ready_status} is the model): {@code uba_object_ready} (1 while the
 * Ready condition is True), {@code uba_object_phase} (one series per phase, 1 for the current one)
 * and, for a pipeline with a delivery, {@code uba_object_data_flowing} (1 while DataFlowing is True).
 *
 * <p>Recorded each time status is written ({@link StatusWriter}); forgotten when the object goes.
 * The framework reports that as {@link Metrics#cleanupDoneFor}, both when the finalizer is removed and
 * when the object disappears from the informer (deleted without the operator, no longer watched), so
 * this class is also registered as one of the framework's metrics.
 */
public final class ObjectMetrics implements Metrics {
  static final String READY = "uba.object.ready";
  static final String PHASE = "uba.object.phase";
  static final String DATA_FLOWING = "uba.object.data.flowing";

  private final MeterRegistry registry;
  private final Map<Key, Exported> objects = new ConcurrentHashMap<>();

  public ObjectMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Metrics that go nowhere: for reconcilers run without an operator (the sequencing tests). */
  public static ObjectMetrics discarded() {
    return new ObjectMetrics(new CompositeMeterRegistry());
  }

  /** The object's state as its status now says; registers its series on first sight. */
  public void record(HasMetadata object, CommonStatus status) {
    Key key = new Key(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
    Exported exported = objects.computeIfAbsent(key, this::register);
    exported.ready = isTrue(status, StatusDerivation.READY).orElse(false) ? 1 : 0;
    exported.phase = status.getPhase();
    exported.dataFlowing(isTrue(status, StatusDerivation.DATA_FLOWING));
  }

  /** Removes every series of the object. */
  public void forget(String kind, String namespace, String name) {
    Exported exported = objects.remove(new Key(kind, namespace, name));
    if (exported != null) {
      exported.removeAll();
    }
  }

  /** The framework is done with the object (finalizer removed, or deleted from its informer). */
  @Override
  public void cleanupDoneFor(ResourceID id, Map<String, Object> metadata) {
    if (metadata.get(Constants.RESOURCE_GVK_KEY) instanceof GroupVersionKind gvk) {
      forget(gvk.getKind(), id.getNamespace().orElse(null), id.getName());
    }
  }

  /** Empty when the object has no such condition; whether it is True otherwise. */
  private static Optional<Boolean> isTrue(CommonStatus status, String type) {
    return StatusDerivation.find(status.getConditions(), type).map(Condition::getStatus).map("True"::equals);
  }

  private Exported register(Key key) {
    Exported exported = new Exported(key);
    Tags tags = key.tags();
    exported.meters.add(Gauge.builder(READY, exported, e -> e.ready)
        .description("1 while the object's Ready condition is True, 0 otherwise")
        .tags(tags).register(registry));
    for (Phase phase : Phase.values()) {
      exported.meters.add(Gauge.builder(PHASE, exported, e -> e.phase == phase ? 1 : 0)
          .description("1 for the object's current status.phase, 0 for the other phases")
          .tags(tags).tag("phase", phase.name()).register(registry));
    }
    return exported;
  }

  private record Key(String kind, String namespace, String name) {
    Tags tags() {
      return Tags.of("kind", kind, "namespace", namespace == null ? "" : namespace, "name", name);
    }
  }

  /** What is exported of one object; the gauges read its fields at each scrape. */
  private final class Exported {
    private final Key key;
    private final List<Meter> meters = new ArrayList<>();
    private volatile double ready;
    private volatile Phase phase;
    private volatile double flowing;
    private Meter dataFlowing;

    Exported(Key key) {
      this.key = key;
    }

    /** Registered while the object has a DataFlowing condition (a pipeline with a delivery). */
    synchronized void dataFlowing(Optional<Boolean> condition) {
      condition.ifPresent(flows -> flowing = flows ? 1 : 0);
      if (condition.isPresent() && dataFlowing == null) {
        dataFlowing = Gauge.builder(DATA_FLOWING, this, e -> e.flowing)
            .description("1 while a pipeline's DataFlowing condition is True, 0 while it is False or Unknown")
            .tags("namespace", key.namespace() == null ? "" : key.namespace(), "name", key.name())
            .register(registry);
      } else if (condition.isEmpty() && dataFlowing != null) {
        registry.remove(dataFlowing);
        dataFlowing = null;
      }
    }

    synchronized void removeAll() {
      meters.forEach(registry::remove);
      if (dataFlowing != null) {
        registry.remove(dataFlowing);
      }
    }
  }
}
