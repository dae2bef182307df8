package dev.uba.operator.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * Where one managed resource (or a whole object) stands after a reconcile pass, and so what the
 * conditions say and when the object is looked at again.
 *
 * @param retryAfter when the operator's own AWS rate budget allows the call this resource waits for;
 *     null unless the pass ended for want of budget ({@link #deferred})
 */
public record Outcome(Kind kind, String reason, String message, Duration retryAfter) {

  public Outcome(Kind kind, String reason, String message) {
    this(kind, reason, message, null);
  }

  public enum Kind {
    /** In sync with the spec. */
    READY,
    /** AWS is converging; look again after the poll interval. */
    PROGRESSING,
    /** Throttled or AWS unavailable; look again with backoff. */
    RETRYING,
    /** The account or the spec must change; look again on the next resync. */
    DEGRADED,
    /** The spec is invalid; no AWS call until the spec changes. */
    INVALID_SPEC
  }

  public static Outcome ready() {
    return new Outcome(Kind.READY, Reasons.READY, "");
  }

  public static Outcome progressing(String reason, String message) {
    return new Outcome(Kind.PROGRESSING, reason, message);
  }

  /**
   * The operator's share of an AWS rate quota is used up for now: Progressing, reason Waiting (AWS
   * refused nothing), looked at again once the budget allows the call, not with backoff.
   */
  public static Outcome deferred(String message, Duration retryAfter) {
    return new Outcome(Kind.PROGRESSING, Reasons.WAITING, message, retryAfter);
  }

  public static Outcome retrying(String reason, String message) {
    return new Outcome(Kind.RETRYING, reason, message);
  }

  public static Outcome degraded(String reason, String message) {
    return new Outcome(Kind.DEGRADED, reason, message);
  }

  public static Outcome invalidSpec(String reason, String message) {
    return new Outcome(Kind.INVALID_SPEC, reason, message);
  }

  public boolean isReady() {
    return kind == Kind.READY;
  }

  public boolean isDegraded() {
    return kind == Kind.DEGRADED || kind == Kind.INVALID_SPEC;
  }

  public boolean isProgressing() {
    return kind == Kind.PROGRESSING || kind == Kind.RETRYING;
  }

  /** Waiting for the operator's AWS rate budget (see {@link #deferred}). */
  public boolean isDeferred() {
    return retryAfter != null;
  }

  public Optional<Duration> deferredFor() {
    return Optional.ofNullable(retryAfter);
  }

  /** The same outcome told in other words (a step's name before it). */
  public Outcome withMessage(String newMessage) {
    return new Outcome(kind, reason, newMessage, retryAfter);
  }
}
