package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.Phase;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The skeleton every kind shares, on a kind whose passes the test decides. */
class ObjectReconcilerTest {
  private final List<String> events = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private Optional<Outcome> invalid = Optional.empty();
  private RuntimeException failure;
  private List<Outcome> result = List.of(Outcome.ready());

  private final ObjectReconciler<UbaPipeline, UbaPipelineStatus> reconciler =
      new ObjectReconciler<>(Duration.ofSeconds(15), Duration.ofMinutes(10), Clock.systemUTC()) {
        @Override
        protected UbaPipelineStatus newStatus() {
          return new UbaPipelineStatus();
        }

        @Override
        protected Optional<Outcome> validate(UbaPipeline resource) {
          return invalid;
        }

        @Override
        protected List<Outcome> converge(UbaPipeline resource, UbaPipelineStatus status, Context<UbaPipeline> context,
            EventSink sink) {
          calls.add("converge");
          if (failure != null) {
            throw failure;
          }
          return result;
        }

        @Override
        protected Optional<List<Outcome>> delete(UbaPipeline resource, UbaPipelineStatus status,
            Context<UbaPipeline> context, EventSink sink) {
          calls.add("delete");
          return Optional.empty();
        }

        @Override
        protected EventSink eventsFor(UbaPipeline resource, Context<UbaPipeline> context) {
          return new EventSink() {
            @Override
            public void normal(String reason, String message) {
              events.add(reason);
            }

            @Override
            public void warning(String reason, String message) {
              events.add(reason + ": " + message);
            }
          };
        }
      };

  private static UbaPipeline pipeline(DeletionPolicy policy) {
    UbaPipeline p = new UbaPipeline();
    p.setMetadata(new ObjectMetaBuilder().withNamespace("ns").withName("p").withGeneration(2L).build());
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setDeletionPolicy(policy);
    p.setSpec(spec);
    return p;
  }

  private static Condition condition(UbaPipeline p, String type) {
    return StatusDerivation.find(p.getStatus().getConditions(), type).orElseThrow();
  }

  @Test
  void anUnexpectedExceptionShowsInStatusAndKeepsWhatTheLastPassRecorded() {
    UbaPipeline p = pipeline(DeletionPolicy.Delete);
    UbaPipelineStatus status = new UbaPipelineStatus();
    status.setResources(List.of(new ResourceStatus("KinesisStream", "ns-p", "arn:s", "ACTIVE", true, null)));
    p.setStatus(status);

    var control = reconciler.updateErrorStatus(p, null, new IllegalStateException("informer not synced"));

    assertThat(control.getResource()).isPresent();
    assertThat(p.getStatus().getPhase()).isEqualTo(Phase.Degraded);
    assertThat(condition(p, "Degraded").getReason()).isEqualTo(Reasons.RECONCILE_ERROR);
    assertThat(condition(p, "Degraded").getMessage()).contains("IllegalStateException", "informer not synced");
    assertThat(condition(p, "Ready").getStatus()).isEqualTo("False");
    assertThat(p.getStatus().getResources()).extracting(ResourceStatus::getName).containsExactly("ns-p");
    assertThat(events).anyMatch(e -> e.startsWith("Degraded: " + Reasons.RECONCILE_ERROR));
  }

  @Test
  void anInvalidSpecMakesNoPassAndIsNotRequeued() {
    invalid = Optional.of(Outcome.invalidSpec(Reasons.INVALID_SPEC, "spec.stream.shards: must not be set"));
    var control = reconciler.reconcile(pipeline(DeletionPolicy.Delete), null);
    assertThat(calls).isEmpty();
    assertThat(control.getScheduleDelay()).isEmpty();
  }

  @Test
  void anAwsErrorOutsideTheConvergerIsStatusNotAnException() {
    failure = SdkClientException.create("unable to reach STS");
    UbaPipeline p = pipeline(DeletionPolicy.Delete);
    var control = reconciler.reconcile(p, null);
    assertThat(condition(p, "Ready").getMessage()).contains("resolving the AWS account");
    assertThat(control.getScheduleDelay()).isPresent();
  }

  @Test
  void retainLetsTheObjectGoWithoutTouchingAws() {
    var control = reconciler.cleanup(pipeline(DeletionPolicy.Retain), null);
    assertThat(control.isRemoveFinalizer()).isTrue();
    assertThat(calls).isEmpty();
    assertThat(events).containsExactly("Retained");
  }

  @Test
  void theFinalizerGoesOnceNothingIsLeftInAws() {
    var control = reconciler.cleanup(pipeline(DeletionPolicy.Delete), null);
    assertThat(calls).containsExactly("delete");
    assertThat(control.isRemoveFinalizer()).isTrue();
  }

  @Test
  void aCallWithoutRateBudgetMakesTheObjectWaitAndComeBackWhenTheBudgetAllows() {
    failure = new AwsBudgetExhaustedException("Kinesis", "ListTagsForStream", Duration.ofMillis(700));
    UbaPipeline p = pipeline(DeletionPolicy.Delete);

    var control = reconciler.reconcile(p, null);

    assertThat(condition(p, "Ready").getStatus()).isEqualTo("False");
    assertThat(condition(p, "Progressing").getReason()).as("AWS throttled nothing").isEqualTo(Reasons.WAITING);
    assertThat(condition(p, "Progressing").getMessage()).contains("Kinesis ListTagsForStream");
    assertThat(control.getScheduleDelay()).as("when the budget allows, not a backoff").contains(700L);
  }

  @Test
  void aConvergedObjectWaitsForItsResyncSlotOnTheFirstPassAfterAStart() {
    UbaPipeline p = converged(pipeline(DeletionPolicy.Delete));

    var first = reconciler.reconcile(p, null);

    assertThat(calls).as("no AWS call at start for a converged object").isEmpty();
    assertThat(first.isNoUpdate()).isTrue();
    assertThat(first.getScheduleDelay()).hasValueSatisfying(d -> assertThat(d).isBetween(0L, 10 * 60_000L + 6_000L));
    reconciler.reconcile(p, null);
    assertThat(calls).as("its slot's pass checks it").containsExactly("converge");
  }

  @Test
  void aChangedObjectGoesFirstAfterAStart() {
    UbaPipeline p = converged(pipeline(DeletionPolicy.Delete));
    p.getMetadata().setGeneration(3L);
    reconciler.reconcile(p, null);
    assertThat(calls).containsExactly("converge");
  }

  @Test
  void aConvergedObjectWhoseCheckFindsNoBudgetStaysReadyAndIsCheckedWhenTheBudgetAllows() {
    UbaPipeline p = converged(pipeline(DeletionPolicy.Delete));
    reconciler.reconcile(p, null);
    result = List.of(Outcome.ready(), Outcome.deferred("LogGroup g waits for budget", Duration.ofSeconds(3)));

    var control = reconciler.reconcile(p, null);

    assertThat(calls).containsExactly("converge");
    assertThat(control.isNoUpdate()).as("no status write").isTrue();
    assertThat(condition(p, "Ready").getStatus()).isEqualTo("True");
    assertThat(control.getScheduleDelay()).contains(3000L);
  }

  /** As a previous pass left it: Ready for its current generation. */
  private static UbaPipeline converged(UbaPipeline p) {
    UbaPipelineStatus status = new UbaPipelineStatus();
    StatusDerivation.apply(status, p.getMetadata().getGeneration(), List.of(Outcome.ready()), false,
        java.time.Instant.now());
    p.setStatus(status);
    return p;
  }
}
