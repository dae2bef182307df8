package dev.uba.operator.engine;

/**
 * Where one managed resource (or a whole object) stands after a reconcile pass, and so what the
 * conditions say and when the object is looked at again.
 */
public record Outcome(Kind kind, String reason, String message) {

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
}
