package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.Phase;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Constants;
import io.javaoperatorsdk.operator.processing.GroupVersionKind;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The object metrics as a scrape sees them after each status write, and after the object goes. */
class ObjectMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ObjectMetrics metrics = new ObjectMetrics(registry);
  private final StatusWriter writer = new StatusWriter(Clock.systemUTC(), metrics);
  private final EventSink events = new EventSink() {
    @Override
    public void normal(String reason, String message) {}

    @Override
    public void warning(String reason, String message) {}
  };

  private static UbaPipeline pipeline(String namespace, String name) {
    UbaPipeline p = new UbaPipeline();
    p.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).withGeneration(1L).build());
    return p;
  }

  private void write(UbaPipeline p, Outcome... outcomes) {
    UbaPipelineStatus status = p.getStatus() == null ? new UbaPipelineStatus() : p.getStatus();
    writer.write(p, status, List.of(outcomes), Optional.empty(), events);
  }

  private Optional<Double> ready(String kind, String namespace, String name) {
    return Optional.ofNullable(registry.find(ObjectMetrics.READY)
        .tags("kind", kind, "namespace", namespace, "name", name).gauge()).map(Gauge::value);
  }

  /** phase -> value of the object's uba_object_phase series. */
  private Map<String, Double> phases(String namespace, String name) {
    Map<String, Double> phases = new TreeMap<>();
    registry.find(ObjectMetrics.PHASE).tags("kind", "UbaPipeline", "namespace", namespace, "name", name).gauges()
        .forEach(g -> phases.put(g.getId().getTag("phase"), g.value()));
    return phases;
  }

  private Optional<Double> dataFlowing(String namespace, String name) {
    return Optional.ofNullable(registry.find(ObjectMetrics.DATA_FLOWING).tags("namespace", namespace, "name", name)
        .gauge()).map(Gauge::value);
  }

  @Test
  void readyAndPhaseFollowEachStatusWrite() {
    UbaPipeline p = pipeline("analytics", "clicks");

    // Nothing in status.resources yet: Pending.
    write(p, Outcome.progressing(Reasons.CREATING, "Kinesis stream analytics-clicks is CREATING"));
    assertThat(ready("UbaPipeline", "analytics", "clicks")).contains(0.0);
    assertThat(phases("analytics", "clicks")).isEqualTo(Map.of(
        "Degraded", 0.0, "Deleting", 0.0, "Pending", 1.0, "Provisioning", 0.0, "Ready", 0.0));

    write(p, Outcome.ready());
    assertThat(ready("UbaPipeline", "analytics", "clicks")).contains(1.0);
    assertThat(phases("analytics", "clicks")).containsEntry("Ready", 1.0).containsEntry("Pending", 0.0)
        .hasSize(Phase.values().length);

    write(p, Outcome.degraded(Reasons.ACCESS_DENIED, "CreateStream failed: AccessDeniedException"));
    assertThat(ready("UbaPipeline", "analytics", "clicks")).contains(0.0);
    assertThat(phases("analytics", "clicks")).containsEntry("Degraded", 1.0).containsEntry("Ready", 0.0);
  }

  @Test
  void eachObjectHasItsOwnSeriesByKindNamespaceAndName() {
    write(pipeline("team-a", "clicks"), Outcome.ready());
    write(pipeline("team-b", "clicks"), Outcome.progressing(Reasons.CREATING, "creating"));
    AnomalyAlert alert = new AnomalyAlert();
    alert.setMetadata(new ObjectMetaBuilder().withNamespace("team-a").withName("clicks").withGeneration(1L).build());
    writer.write(alert, new AnomalyAlertStatus(), List.of(Outcome.ready()), Optional.empty(), events);

    assertThat(ready("UbaPipeline", "team-a", "clicks")).contains(1.0);
    assertThat(ready("UbaPipeline", "team-b", "clicks")).contains(0.0);
    assertThat(ready("AnomalyAlert", "team-a", "clicks")).contains(1.0);
    assertThat(registry.find(ObjectMetrics.READY).gauges()).hasSize(3);
    assertThat(registry.find(ObjectMetrics.PHASE).gauges()).hasSize(3 * Phase.values().length);
  }

  @Test
  void theSeriesGoWhenTheFrameworkIsDoneWithTheObject() {
    write(pipeline("analytics", "clicks"), Outcome.ready());
    write(pipeline("analytics", "views"), Outcome.ready());

    // What JOSDK passes when the finalizer is removed or the object left its informer.
    metrics.cleanupDoneFor(new ResourceID("clicks", "analytics"),
        Map.of(Constants.RESOURCE_GVK_KEY, new GroupVersionKind("uba.dev", "v1alpha1", "UbaPipeline")));

    assertThat(ready("UbaPipeline", "analytics", "clicks")).isEmpty();
    assertThat(phases("analytics", "clicks")).isEmpty();
    assertThat(ready("UbaPipeline", "analytics", "views")).as("another object keeps its series").contains(1.0);

    // Seen again (recreated with the same name): exported again.
    write(pipeline("analytics", "clicks"), Outcome.progressing(Reasons.CREATING, "creating"));
    assertThat(ready("UbaPipeline", "analytics", "clicks")).contains(0.0);
  }

  @Test
  void anotherKindsCleanupLeavesTheSeriesOfTheSameName() {
    write(pipeline("analytics", "clicks"), Outcome.ready());
    metrics.cleanupDoneFor(new ResourceID("clicks", "analytics"),
        Map.of(Constants.RESOURCE_GVK_KEY, new GroupVersionKind("uba.dev", "v1alpha1", "AnomalyAlert")));
    assertThat(ready("UbaPipeline", "analytics", "clicks")).contains(1.0);
  }

  @Test
  void dataFlowingIsExportedWhileThePipelineHasTheCondition() {
    UbaPipeline p = pipeline("analytics", "clicks");
    write(p, Outcome.ready());
    assertThat(dataFlowing("analytics", "clicks")).as("no delivery, no series").isEmpty();

    setDataFlowing(p, "Unknown", "NotMeasured");
    write(p, Outcome.ready());
    assertThat(dataFlowing("analytics", "clicks")).contains(0.0);

    setDataFlowing(p, "True", "Flowing");
    write(p, Outcome.ready());
    assertThat(dataFlowing("analytics", "clicks")).contains(1.0);

    setDataFlowing(p, "False", "DeliveryFailing");
    write(p, Outcome.ready());
    assertThat(dataFlowing("analytics", "clicks")).contains(0.0);

    StatusDerivation.removeCondition(p.getStatus(), StatusDerivation.DATA_FLOWING);
    write(p, Outcome.ready());
    assertThat(dataFlowing("analytics", "clicks")).as("delivery removed from the spec").isEmpty();
    assertThat(ready("UbaPipeline", "analytics", "clicks")).contains(1.0);

    setDataFlowing(p, "True", "Flowing");
    write(p, Outcome.ready());
    metrics.forget("UbaPipeline", "analytics", "clicks");
    assertThat(dataFlowing("analytics", "clicks")).isEmpty();
    assertThat(registry.getMeters()).isEmpty();
  }

  private static void setDataFlowing(UbaPipeline p, String value, String reason) {
    StatusDerivation.setCondition(p.getStatus(), StatusDerivation.DATA_FLOWING, value, reason, "measured", 1L,
        Instant.now());
  }
}
