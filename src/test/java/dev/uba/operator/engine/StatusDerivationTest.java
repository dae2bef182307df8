package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.CommonStatus;
import dev.uba.operator.api.v1alpha1.Phase;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusDerivationTest {
  private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
  private static final Instant T1 = Instant.parse("2024-05-01T10:05:00Z");
  private static final Instant T2 = Instant.parse("2024-05-01T10:10:00Z");

  private static Condition condition(CommonStatus status, String type) {
    return StatusDerivation.find(status.getConditions(), type).orElseThrow();
  }

  private static CommonStatus withCreatedResource() {
    CommonStatus status = new CommonStatus();
    status.getResources().add(new ResourceStatus("KinesisStream", "ns-s", "arn:aws:kinesis:us-east-1:1:stream/ns-s",
        "ACTIVE", true, ""));
    return status;
  }

  @Test
  void readyExactlyWhenEveryOutcomeIsReady() {
    CommonStatus status = withCreatedResource();
    StatusDerivation.apply(status, 1, List.of(Outcome.ready(), Outcome.ready()), false, T0);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Progressing").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Degraded").getStatus()).isEqualTo("False");
    assertThat(status.getPhase()).isEqualTo(Phase.Ready);

    StatusDerivation.apply(status, 1, List.of(Outcome.ready(), Outcome.progressing("Updating", "shards 1 -> 2")),
        false, T1);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(status, "Ready").getReason()).isEqualTo("Updating");
    assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Progressing").getReason()).isEqualTo("Updating");
    assertThat(condition(status, "Progressing").getMessage()).isEqualTo("shards 1 -> 2");
    assertThat(status.getPhase()).isEqualTo(Phase.Provisioning);
  }

  @Test
  void noOutcomesIsNotReady() {
    CommonStatus status = new CommonStatus();
    StatusDerivation.apply(status, 1, List.of(), false, T0);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
    assertThat(status.getPhase()).isEqualTo(Phase.Pending);
  }

  @Test
  void phaseOrderIsDeletingDegradedReadyProvisioningPending() {
    assertThat(StatusDerivation.phase(true, true, true, true)).isEqualTo(Phase.Deleting);
    assertThat(StatusDerivation.phase(false, true, true, true)).isEqualTo(Phase.Degraded);
    assertThat(StatusDerivation.phase(false, false, true, true)).isEqualTo(Phase.Ready);
    assertThat(StatusDerivation.phase(false, false, false, true)).isEqualTo(Phase.Provisioning);
    assertThat(StatusDerivation.phase(false, false, false, false)).isEqualTo(Phase.Pending);
  }

  @Test
  void deletingWinsOverEverythingAndIsNeverReady() {
    CommonStatus status = withCreatedResource();
    StatusDerivation.apply(status, 2, List.of(Outcome.ready()), true, T0);
    assertThat(status.getPhase()).isEqualTo(Phase.Deleting);
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");

    StatusDerivation.apply(status, 2, List.of(Outcome.degraded("AccessDenied", "no")), true, T1);
    assertThat(status.getPhase()).isEqualTo(Phase.Deleting);
  }

  @Test
  void degradedWinsOverProgressing() {
    CommonStatus status = withCreatedResource();
    StatusDerivation.apply(status, 1, List.of(Outcome.progressing("Creating", "creating"),
        Outcome.degraded("QuotaExceeded", "too many shards")), false, T0);
    assertThat(status.getPhase()).isEqualTo(Phase.Degraded);
    assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
    assertThat(condition(status, "Degraded").getReason()).isEqualTo("QuotaExceeded");
    assertThat(condition(status, "Degraded").getMessage()).isEqualTo("too many shards");
    assertThat(condition(status, "Progressing").getStatus()).isEqualTo("True");
  }

  @Test
  void invalidSpecIsDegradedWithItsReason() {
    CommonStatus status = new CommonStatus();
    StatusDerivation.apply(status, 1,
        List.of(Outcome.invalidSpec("InvalidSpec", "spec.stream.shards: must not be set")), false, T0);
    assertThat(status.getPhase()).isEqualTo(Phase.Degraded);
    assertThat(condition(status, "Degraded").getReason()).isEqualTo("InvalidSpec");
    assertThat(condition(status, "Degraded").getMessage()).contains("spec.stream.shards");
    assertThat(condition(status, "Ready").getStatus()).isEqualTo("False");
  }

  @Test
  void nothingCreatedYetIsPendingAndSomethingCreatedIsProvisioning() {
    CommonStatus empty = new CommonStatus();
    StatusDerivation.apply(empty, 1, List.of(Outcome.progressing("Waiting", "pipeline not ready")), false, T0);
    assertThat(empty.getPhase()).isEqualTo(Phase.Pending);

    CommonStatus creating = new CommonStatus();
    creating.getResources().add(new ResourceStatus("KinesisStream", "ns-s", null, "CREATING", false, "creating"));
    StatusDerivation.apply(creating, 1, List.of(Outcome.progressing("Creating", "creating")), false, T0);
    assertThat(creating.getPhase()).isEqualTo(Phase.Provisioning);
  }

  @Test
  void lastTransitionTimeIsKeptWhileTheStatusIsUnchangedAndResetOnChange() {
    CommonStatus status = withCreatedResource();
    StatusDerivation.apply(status, 1, List.of(Outcome.progressing("Creating", "creating")), false, T0);
    assertThat(condition(status, "Ready").getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(condition(status, "Progressing").getLastTransitionTime()).isEqualTo(T0.toString());

    // still not ready, other reason: status unchanged, time kept
    StatusDerivation.apply(status, 1, List.of(Outcome.progressing("Updating", "updating")), false, T1);
    assertThat(condition(status, "Ready").getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(condition(status, "Progressing").getLastTransitionTime()).isEqualTo(T0.toString());
    assertThat(condition(status, "Progressing").getReason()).isEqualTo("Updating");

    // becomes ready: Ready and Progressing change, Degraded (False all along) keeps its time
    StatusDerivation.apply(status, 1, List.of(Outcome.ready()), false, T2);
    assertThat(condition(status, "Ready").getLastTransitionTime()).isEqualTo(T2.toString());
    assertThat(condition(status, "Progressing").getLastTransitionTime()).isEqualTo(T2.toString());
    assertThat(condition(status, "Degraded").getLastTransitionTime()).isEqualTo(T0.toString());
  }

  @Test
  void staleDegradedIsClearedAfterAReadyPass() {
    CommonStatus status = withCreatedResource();
    StatusDerivation.apply(status, 1, List.of(Outcome.degraded("AccessDenied", "CreateStream failed")), false, T0);
    assertThat(condition(status, "Degraded").getStatus()).isEqualTo("True");
    assertThat(status.getPhase()).isEqualTo(Phase.Degraded);

    StatusDerivation.apply(status, 1, List.of(Outcome.ready()), false, T1);
    Condition degraded = condition(status, "Degraded");
    assertThat(degraded.getStatus()).isEqualTo("False");
    assertThat(degraded.getReason()).isNotEqualTo("AccessDenied");
    assertThat(degraded.getMessage()).as("the stale message is gone").isNull();
    assertThat(degraded.getLastTransitionTime()).isEqualTo(T1.toString());
    assertThat(status.getPhase()).isEqualTo(Phase.Ready);
    assertThat(status.getConditions()).extracting(Condition::getType)
        .containsExactlyInAnyOrder("Ready", "Progressing", "Degraded");
  }

  @Test
  void observedGenerationIsSetOnStatusAndEveryCondition() {
    CommonStatus status = withCreatedResource();
    StatusDerivation.apply(status, 1, List.of(Outcome.ready()), false, T0);
    StatusDerivation.apply(status, 7, List.of(Outcome.ready()), false, T1);
    assertThat(status.getObservedGeneration()).isEqualTo(7L);
    assertThat(status.getConditions()).hasSize(3).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(7L));
  }

  @Test
  void becameDegradedOnTransitionAndOnReasonChangeOnly() {
    CommonStatus status = withCreatedResource();
    StatusDerivation.apply(status, 1, List.of(Outcome.ready()), false, T0);
    List<Condition> healthy = new ArrayList<>(status.getConditions());

    StatusDerivation.apply(status, 1, List.of(Outcome.degraded("AccessDenied", "denied")), false, T1);
    List<Condition> accessDenied = new ArrayList<>(status.getConditions());
    assertThat(StatusDerivation.becameDegraded(healthy, accessDenied)).isTrue();
    assertThat(StatusDerivation.becameDegraded(List.of(), accessDenied)).isTrue();

    StatusDerivation.apply(status, 1, List.of(Outcome.degraded("AccessDenied", "denied again")), false, T2);
    List<Condition> stillAccessDenied = new ArrayList<>(status.getConditions());
    assertThat(StatusDerivation.becameDegraded(accessDenied, stillAccessDenied)).isFalse();

    StatusDerivation.apply(status, 1, List.of(Outcome.degraded("QuotaExceeded", "quota")), false, T2);
    List<Condition> quota = new ArrayList<>(status.getConditions());
    assertThat(StatusDerivation.becameDegraded(stillAccessDenied, quota)).isTrue();

    StatusDerivation.apply(status, 1, List.of(Outcome.ready()), false, T2);
    assertThat(StatusDerivation.becameDegraded(quota, status.getConditions())).isFalse();
    assertThat(StatusDerivation.becameDegraded(healthy, healthy)).isFalse();
  }

  @Test
  void aKindsOwnConditionStaysBesideTheThreeAndKeepsItsTransitionTime() {
    dev.uba.operator.api.v1alpha1.UbaPipelineStatus status = new dev.uba.operator.api.v1alpha1.UbaPipelineStatus();
    java.time.Instant t0 = java.time.Instant.parse("2026-01-01T00:00:00Z");
    java.time.Instant t1 = t0.plusSeconds(600);
    StatusDerivation.setCondition(status, "DataFlowing", "True", "Flowing", "1200 records", 1, t0);
    StatusDerivation.apply(status, 1, List.of(Outcome.ready()), false, t1);
    StatusDerivation.setCondition(status, "DataFlowing", "True", "Flowing", "1300 records", 1, t1);

    assertThat(status.getConditions()).extracting(io.fabric8.kubernetes.api.model.Condition::getType)
        .containsExactly("Ready", "Progressing", "Degraded", "DataFlowing");
    assertThat(condition(status, "DataFlowing").getLastTransitionTime()).isEqualTo(t0.toString());
    assertThat(condition(status, "DataFlowing").getMessage()).isEqualTo("1300 records");

    StatusDerivation.removeCondition(status, "DataFlowing");
    assertThat(status.getConditions()).hasSize(3);
  }
}
