package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * A standard SNS topic: one the operator manages, or an existing one an object only notifies and
 * subscribes to, never changed.
 *
 * @param arn known in advance: arn:PARTITION:sns:REGION:ACCOUNT:NAME
 * @param kmsKeyId the customer-managed key for server-side encryption; null for none
 * @param policy the topic's access policy (JSON); null when not converged
 * @param managed false for an existing topic: it is read without its tags (nobody compares them or
 *     checks its owner), so that looking it up costs one read
 */
public record TopicDesired(String name, String arn, String kmsKeyId, String policy, Map<String, String> tags,
    boolean managed) implements Desired {

  /** A topic the operator creates and manages. */
  public static TopicDesired managed(String name, String arn, String kmsKeyId, String policy, Map<String, String> tags) {
    return new TopicDesired(name, arn, kmsKeyId, policy, tags, true);
  }

  /** A topic someone else owns, given by its ARN (read-only). */
  public static TopicDesired existing(String arn) {
    return new TopicDesired(TopicActual.nameOf(arn), arn, null, null, Map.of(), false);
  }

  /** What deleting a managed topic needs: its ARN (its tags are read for the ownership check). */
  public static TopicDesired toDelete(String arn) {
    return new TopicDesired(TopicActual.nameOf(arn), arn, null, null, Map.of(), true);
  }
}
