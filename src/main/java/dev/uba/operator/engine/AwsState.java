package dev.uba.operator.engine;

/**
 * AWS's own word for a resource's state and what it means for the operator.
 *
 * @param word AWS's state word (ACTIVE, CREATING, Processing, ...), reported in status
 * @param phase whether the operator may act on the resource now
 * @param message AWS's explanation where it gives one (a failure reason)
 */
public record AwsState(String word, Phase phase, String message) {

  public enum Phase {
    /** Settled: the operator may compare and update. */
    STABLE,
    /** Being created by AWS. */
    CREATING,
    /** Being changed by AWS; no second change may be sent. */
    UPDATING,
    /** Being deleted by AWS. */
    DELETING,
    /** AWS gave up on it; the message carries AWS's reason. */
    FAILED
  }

  public static AwsState stable(String word) {
    return new AwsState(word, Phase.STABLE, "");
  }

  public static AwsState of(String word, Phase phase) {
    return new AwsState(word, phase, "");
  }
}
