package dev.uba.operator.alert;

import static dev.uba.operator.alert.Alerts.alert;
import static dev.uba.operator.alert.Alerts.band;
import static dev.uba.operator.alert.Alerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AlertCondition.AnomalyBand.Direction;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.Phase;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.engine.Outcome;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineReferenceTest {
  private static UbaPipeline pipeline(boolean ready, String stream) {
    UbaPipeline p = new UbaPipeline();
    p.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("clickstream").build());
    p.setSpec(new UbaPipelineSpec());
    UbaPipelineStatus status = new UbaPipelineStatus();
    status.setRegion("us-east-1");
    status.setPhase(ready ? Phase.Ready : Phase.Provisioning);
    status.setConditions(List.of(new ConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False").build()));
    if (stream != null) {
      UbaPipelineStatus.StreamStatus s = new UbaPipelineStatus.StreamStatus();
      s.setName(stream);
      status.setStream(s);
    }
    p.setStatus(status);
    return p;
  }

  private static AnomalyAlert usedBefore(AnomalyAlert a, String stream) {
    AnomalyAlertStatus status = new AnomalyAlertStatus();
    status.setPipeline(new AnomalyAlertStatus.PipelineUse("clickstream", stream, "us-east-1"));
    a.setStatus(status);
    return a;
  }

  private static PipelineReference.Resolution resolve(AnomalyAlert a, UbaPipeline p) {
    return PipelineReference.resolve(a, Optional.ofNullable(p), "us-east-1");
  }

  @Test
  void withoutAPipelineRefThereIsNothingToWaitFor() {
    var r = resolve(alert(threshold()), null);
    assertThat(r.outcome()).isEmpty();
    assertThat(r.use()).isNull();
  }

  @Test
  void aMissingPipelineMakesTheAlertWait() {
    var r = resolve(alert(band(Direction.Both)), null);
    assertThat(r.outcome()).get().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(Outcome.Kind.PROGRESSING);
      assertThat(o.reason()).isEqualTo("PipelineNotReady");
      assertThat(o.message()).contains("clickstream");
    });
  }

  @Test
  void aPipelineThatIsNotReadyMakesTheAlertWait() {
    var r = resolve(alert(band(Direction.Both)), pipeline(false, "analytics-clickstream"));
    assertThat(r.outcome()).get().satisfies(o -> {
      assertThat(o.reason()).isEqualTo("PipelineNotReady");
      assertThat(o.message()).contains("Provisioning");
    });
  }

  @Test
  void aReadyPipelineGivesItsStream() {
    var r = resolve(alert(band(Direction.Both)), pipeline(true, "analytics-clickstream"));
    assertThat(r.outcome()).isEmpty();
    assertThat(r.stream()).isEqualTo("analytics-clickstream");
    assertThat(r.use().getName()).isEqualTo("clickstream");
  }

  @Test
  void onceResolvedTheAlertFollowsABusyPipelinesStream() {
    var r = resolve(usedBefore(alert(band(Direction.Both)), "old-stream"), pipeline(false, "new-stream"));
    assertThat(r.outcome()).isEmpty();
    assertThat(r.stream()).isEqualTo("new-stream");
  }

  @Test
  void aPipelineThatDisappearsAfterUseIsPipelineNotFound() {
    var r = resolve(usedBefore(alert(band(Direction.Both)), "analytics-clickstream"), null);
    assertThat(r.outcome()).get().satisfies(o -> {
      assertThat(o.kind()).isEqualTo(Outcome.Kind.DEGRADED);
      assertThat(o.reason()).isEqualTo("PipelineNotFound");
      assertThat(o.message()).contains("clickstream").contains("left as they are");
    });
  }

  @Test
  void aPipelineBeingDeletedMakesTheAlertWait() {
    UbaPipeline p = pipeline(true, "analytics-clickstream");
    p.getMetadata().setDeletionTimestamp("2026-01-01T00:00:00Z");
    var r = resolve(usedBefore(alert(band(Direction.Both)), "analytics-clickstream"), p);
    assertThat(r.outcome()).get().satisfies(o -> assertThat(o.reason()).isEqualTo("PipelineNotReady"));
  }

  @Test
  void aStreamInAnotherRegionIsRefused() {
    var r = PipelineReference.resolve(alert(band(Direction.Both)), Optional.of(pipeline(true, "s")), "eu-west-1");
    assertThat(r.outcome()).get().satisfies(o -> {
      assertThat(o.reason()).isEqualTo("InvalidSpec");
      assertThat(o.message()).startsWith("spec.region:");
    });
  }
}
