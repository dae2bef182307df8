package dev.uba.operator.aws.logs;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * A CloudWatch Logs log group: one the operator owns (its retention and tags converged), or one an
 * object only uses and never changes.
 *
 * @param arn known in advance, without the ":*" suffix: arn:PARTITION:logs:REGION:ACCOUNT:log-group:NAME;
 *     null where only the name is known
 * @param retentionDays null when not converged (a used log group, or one being deleted)
 * @param managed false for a log group the object only uses: it is read without its tags (nobody
 *     compares them or checks its owner), so that looking it up costs one read
 */
public record LogGroupDesired(String name, String arn, Integer retentionDays, Map<String, String> tags,
    boolean managed) implements Desired {

  /** A log group the operator creates and owns. */
  public static LogGroupDesired managed(String name, String arn, int retentionDays, Map<String, String> tags) {
    return new LogGroupDesired(name, arn, retentionDays, tags, true);
  }

  /** A log group someone else owns, which the object uses (read-only). */
  public static LogGroupDesired used(String name) {
    return new LogGroupDesired(name, null, null, Map.of(), false);
  }

  /** What deleting an owned log group needs: its name (its tags are read for the ownership check). */
  public static LogGroupDesired toDelete(String name) {
    return new LogGroupDesired(name, null, null, Map.of(), true);
  }
}
