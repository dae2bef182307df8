package dev.uba.operator.testenv.aws;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * Test control of the local Amazon Data Firehose: faults a test arranges on purpose. Behaviour in
 * {@link FirehoseLifecycle}.
 *
 * <pre>{@code
 * aws.firehose().failNextCreate("INVALID_KMS_KEY", "The KMS key is invalid.");    // CREATING_FAILED
 * aws.firehose().failNextDelete("RETIRE_KMS_GRANT_FAILED", "Cannot retire the grant."); // DELETING_FAILED
 * aws.firehose().unableToAssumeRoleOnNextCreates(2);  // InvalidArgumentException, as before IAM propagates
 * }</pre>
 *
 * <p>Everything here is wiped by {@link LocalAws#reset()}. Thread-safe.
 */
public final class LocalFirehose {

  private final Deque<FirehoseStream.Failure> createFailures = new ArrayDeque<>();
  private final Deque<FirehoseStream.Failure> deleteFailures = new ArrayDeque<>();
  private int roleRefusals;

  LocalFirehose() {}

  /**
   * The next CreateDeliveryStream succeeds, the stream is CREATING for the configured describes
   * and then {@code CREATING_FAILED} with {@code FailureDescription} {@code {Type, Details}} (Type
   * one of the API's DeliveryStreamFailureType values, e.g. {@code INVALID_KMS_KEY},
   * {@code UNKNOWN_ERROR}). Calls queue up: each failure applies to one further stream.
   */
  public synchronized LocalFirehose failNextCreate(String type, String details) {
    createFailures.addLast(new FirehoseStream.Failure("CREATING_FAILED",
        Objects.requireNonNull(type), Objects.requireNonNull(details)));
    return this;
  }

  /**
   * The next DeleteDeliveryStream is accepted, the stream is DELETING for the configured describes
   * and then {@code DELETING_FAILED} with that FailureDescription (e.g.
   * {@code RETIRE_KMS_GRANT_FAILED}); further deletes leave it so, until one with
   * {@code AllowForceDelete: true} deletes it. Calls queue up.
   */
  public synchronized LocalFirehose failNextDelete(String type, String details) {
    deleteFailures.addLast(new FirehoseStream.Failure("DELETING_FAILED",
        Objects.requireNonNull(type), Objects.requireNonNull(details)));
    return this;
  }

  /**
   * The next {@code n} CreateDeliveryStream calls are refused with HTTP 400
   * {@code InvalidArgumentException} "Firehose is unable to assume role ...", as AWS answers while
   * a newly created IAM role has not propagated yet; nothing is created.
   */
  public synchronized LocalFirehose unableToAssumeRoleOnNextCreates(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0");
    }
    roleRefusals = n;
    return this;
  }

  /** Forgets arranged faults. */
  public synchronized void clear() {
    createFailures.clear();
    deleteFailures.clear();
    roleRefusals = 0;
  }

  // ---- for the lifecycle

  synchronized FirehoseStream.Failure takeCreateFailure() {
    return createFailures.pollFirst();
  }

  synchronized FirehoseStream.Failure takeDeleteFailure() {
    return deleteFailures.pollFirst();
  }

  synchronized boolean takeRoleRefusal() {
    if (roleRefusals == 0) {
      return false;
    }
    roleRefusals--;
    return true;
  }
}
