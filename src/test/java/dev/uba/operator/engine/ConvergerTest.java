package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The create / update / wait / nothing / delete decisions, on a resource type kept in memory. */
class ConvergerTest {
  private static final String OWNER = "ns/ubapipeline/p";
  private static final Map<String, String> OWN_TAGS = Ownership.tags(Map.of(), OWNER);

  private final List<String> events = new ArrayList<>();
  private final EventSink sink = new EventSink() {
    @Override
    public void normal(String reason, String message) {
      events.add(reason);
    }

    @Override
    public void warning(String reason, String message) {
      events.add(reason);
    }
  };

  record Want(String name, int size, Map<String, String> tags) implements Desired {}

  record Have(int size, String state, Map<String, String> tags) {}

  /** A resource AWS creates asynchronously, recording every write. */
  static final class Box implements AwsResource<Want, Have> {
    Have current;
    RuntimeException failOnObserve;
    boolean taggable = true;
    boolean keepOnDelete;
    final List<String> writes = new ArrayList<>();

    @Override
    public String kind() {
      return "Box";
    }

    @Override
    public Optional<Have> observe(Want desired) {
      if (failOnObserve != null) {
        throw failOnObserve;
      }
      return Optional.ofNullable(current);
    }

    @Override
    public Map<String, String> tags(Have actual) {
      return actual.tags();
    }

    @Override
    public boolean taggable() {
      return taggable;
    }

    @Override
    public AwsState state(Have actual) {
      return switch (actual.state()) {
        case "CREATING" -> AwsState.of("CREATING", AwsState.Phase.CREATING);
        case "FAILED" -> new AwsState("FAILED", AwsState.Phase.FAILED, "out of capacity");
        default -> AwsState.stable(actual.state());
      };
    }

    @Override
    public String arn(Have actual) {
      return "arn:box";
    }

    @Override
    public Drift drift(Want desired, Have actual) {
      return Drift.builder().field("size", desired.size(), actual.size()).build();
    }

    @Override
    public Applied create(Want desired) {
      writes.add("create");
      current = new Have(desired.size(), "CREATING", desired.tags());
      return Applied.ASYNC;
    }

    @Override
    public Applied update(Want desired, Have actual, Drift drift) {
      writes.add("update");
      current = new Have(desired.size(), "ACTIVE", actual.tags());
      return Applied.SETTLED;
    }

    @Override
    public Applied delete(Have actual) {
      writes.add("delete");
      if (keepOnDelete) {
        return Applied.notDeleted("BoxKept", "Box b still holds things; left in place");
      }
      current = null;
      return Applied.SETTLED;
    }
  }

  private final Box box = new Box();
  private final Want want = new Want("b", 2, OWN_TAGS);

  @Test
  void createsWhatIsAbsentAndWaitsWhileAwsCreatesIt() {
    Step<Have> first = Converger.converge(box, want, OWNER, sink);
    assertThat(first.outcome().reason()).isEqualTo(Reasons.CREATING);
    assertThat(first.status().getState()).isEqualTo("CREATING");

    Step<Have> second = Converger.converge(box, want, OWNER, sink);
    assertThat(second.outcome().kind()).isEqualTo(Outcome.Kind.PROGRESSING);
    assertThat(box.writes).containsExactly("create");
    assertThat(events).containsExactly("Created");
  }

  @Test
  void inSyncCostsNoWriteAndDriftIsUpdated() {
    box.current = new Have(2, "ACTIVE", OWN_TAGS);
    assertThat(Converger.converge(box, want, OWNER, sink).outcome().isReady()).isTrue();
    assertThat(box.writes).isEmpty();

    box.current = new Have(5, "ACTIVE", OWN_TAGS);
    Step<Have> updated = Converger.converge(box, want, OWNER, sink);
    assertThat(updated.outcome().isReady()).isTrue();
    assertThat(box.writes).containsExactly("update");
    assertThat(events).containsExactly("Updated");
  }

  @Test
  void neverTouchesAResourceOwnedByAnotherObjectOrByNoOne() {
    box.current = new Have(5, "ACTIVE", Map.of(Ownership.OWNER, "other/ubapipeline/x"));
    assertThat(Converger.converge(box, want, OWNER, sink).outcome().reason()).isEqualTo(Reasons.OWNED_BY_ANOTHER);
    box.current = new Have(5, "ACTIVE", Map.of());
    assertThat(Converger.converge(box, want, OWNER, sink).outcome().reason()).isEqualTo(Reasons.ALREADY_EXISTS);

    Step<Have> deletion = Converger.delete(box, want, OWNER, sink);
    assertThat(deletion.gone()).as("someone else's resource counts as gone for this object").isTrue();
    assertThat(box.writes).isEmpty();
    assertThat(box.current).isNotNull();
  }

  @Test
  void aFailedResourceIsDegradedWithAwsReason() {
    box.current = new Have(2, "FAILED", OWN_TAGS);
    Outcome outcome = Converger.converge(box, want, OWNER, sink).outcome();
    assertThat(outcome.reason()).isEqualTo(Reasons.AWS_RESOURCE_FAILED);
    assertThat(outcome.message()).contains("out of capacity");
  }

  @Test
  void aFailedResourceTriedAgainIsDeletedThenCreatedFromTheNewSpec() {
    box.current = new Have(1, "FAILED", OWN_TAGS);
    Step<Have> failed = Converger.converge(box, want, OWNER, sink);

    Step<Have> retried = Converger.retryFailed(box, want, failed.actual().orElseThrow(), sink);
    assertThat(retried.outcome().reason()).isEqualTo(Reasons.CREATING);
    assertThat(retried.outcome().message()).contains("was FAILED", "tried again");
    assertThat(retried.owned()).as("status keeps recording the resource while it is replaced").isTrue();
    Step<Have> next = Converger.converge(box, want, OWNER, sink);
    assertThat(next.outcome().reason()).isEqualTo(Reasons.CREATING);
    assertThat(box.writes).containsExactly("delete", "create");
    assertThat(box.current.size()).isEqualTo(2);
    assertThat(events).containsExactly("Retrying", "Created");
  }

  @Test
  void awsErrorsBecomeOutcomesAndNotFoundDuringDeletionMeansGone() {
    box.failOnObserve = AwsServiceException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("Box").build())
        .build();
    assertThat(Converger.converge(box, want, OWNER, sink).outcome().reason()).isEqualTo(Reasons.ACCESS_DENIED);

    box.failOnObserve = AwsServiceException.builder().statusCode(400)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").serviceName("Box").build())
        .build();
    assertThat(Converger.delete(box, want, OWNER, sink).gone()).isTrue();
  }

  @Test
  void deletesOwnResourceAndReportsGoneOnceAwsNoLongerReturnsIt() {
    box.current = new Have(2, "ACTIVE", OWN_TAGS);
    assertThat(Converger.delete(box, want, OWNER, sink).gone()).isTrue();
    assertThat(box.writes).containsExactly("delete");
    assertThat(events).containsExactly("Deleted");
  }

  @Test
  void aResourceItsTypeDeclinesToDeleteStaysAndCountsAsGone() {
    box.keepOnDelete = true;
    box.current = new Have(2, "ACTIVE", OWN_TAGS);
    Step<Have> deletion = Converger.delete(box, want, OWNER, sink);
    assertThat(deletion.gone()).isTrue();
    assertThat(deletion.status().getMessage()).isEqualTo("Box b still holds things; left in place");
    assertThat(box.current).isNotNull();
    assertThat(box.writes).containsExactly("delete");
    // the Event says why; there is no "Deleted" Event for what was kept
    assertThat(events).containsExactly("BoxKept");
  }

  @Test
  void aResourceTypeAwsCannotTagIsNotCheckedForOwnerTags() {
    box.taggable = false;
    box.current = new Have(5, "ACTIVE", Map.of());
    Step<Have> updated = Converger.converge(box, want, OWNER, sink);
    assertThat(updated.outcome().isReady()).isTrue();
    assertThat(updated.owned()).isTrue();
    assertThat(Converger.delete(box, want, OWNER, sink).gone()).isTrue();
    assertThat(box.writes).containsExactly("update", "delete");
  }

  @Test
  void aStepIsOwnedWhenTheResourceIsOursOrBeingCreated() {
    assertThat(Converger.converge(box, want, OWNER, sink).owned()).as("being created").isTrue();
    box.current = new Have(2, "ACTIVE", Map.of());
    assertThat(Converger.converge(box, want, OWNER, sink).owned()).as("AlreadyExists").isFalse();
  }
}
