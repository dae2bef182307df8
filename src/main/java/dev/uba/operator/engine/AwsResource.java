package dev.uba.operator.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one contract of every AWS resource type the operator manages. An implementation holds the AWS
 * calls of one resource type and nothing else; {@link Converger} decides which of them to make.
 *
 * @param <D> the desired state, computed from the spec by a pure function
 * @param <A> the actual state as read from AWS
 */
public interface AwsResource<D extends Desired, A> {

  /** The kind reported in status.resources (KinesisStream, OpenSearchDomain, ...). */
  String kind();

  /** Reads AWS; empty when the resource does not exist (deletion finished). Reads only. */
  Optional<A> observe(D desired);

  /** The resource's tags as AWS reports them, for the ownership check. */
  Map<String, String> tags(A actual);

  /**
   * False for resource types AWS cannot tag (an SNS subscription, a CloudWatch Logs metric filter):
   * the {@link Converger} then skips the ownership check, and ownership follows from what the
   * resource belongs to (a topic, a log group) or from its name, derived from the object. The
   * reconciler converges (and so checks) that parent first.
   */
  default boolean taggable() {
    return true;
  }

  /** AWS's state word and whether the resource can be changed now. */
  AwsState state(A actual);

  /** The ARN of the existing resource. */
  String arn(A actual);

  /**
   * The differences between desired and actual, one readable entry per field ("shards 1 -> 2");
   * empty when in sync. Pure; semantic where AWS reformats what it is given (policy documents).
   */
  List<String> drift(D desired, A actual);

  /** Creates the resource with its ownership tags. */
  Applied create(D desired);

  /** Makes the next change towards the desired state; AWS may need several passes. */
  Applied update(D desired, A actual, List<String> drift);

  /** Starts deleting the resource (and what must go first, such as policy attachments). */
  Applied delete(A actual);

  /**
   * Tries again a resource AWS has put in a FAILED state, once the spec has changed: by default it
   * is deleted, and {@link Converger#converge} creates it anew from the new spec once AWS no
   * longer returns it. A type whose failed change leaves the resource itself working (a campaign
   * whose update failed) makes the change again instead.
   */
  default Applied retry(D desired, A actual) {
    return delete(actual);
  }

  /** What AWS does after a write. */
  enum Applied {
    /** Done: the next observe sees the new state. */
    SETTLED,
    /** AWS carries on asynchronously; look again after the poll interval. */
    ASYNC
  }
}
