package dev.uba.operator.engine;

/** Condition reasons of the API contract. */
public final class Reasons {
  public static final String READY = "Ready";
  public static final String NOT_READY = "NotReady";
  public static final String CREATING = "Creating";
  public static final String UPDATING = "Updating";
  public static final String DELETING = "Deleting";
  public static final String WAITING = "Waiting";
  public static final String THROTTLED = "Throttled";
  public static final String AWS_UNAVAILABLE = "AwsUnavailable";
  public static final String ACCESS_DENIED = "AccessDenied";
  public static final String QUOTA_EXCEEDED = "QuotaExceeded";
  public static final String AWS_VALIDATION_ERROR = "AwsValidationError";
  public static final String AWS_RESOURCE_FAILED = "AwsResourceFailed";
  public static final String OWNED_BY_ANOTHER = "OwnedByAnother";
  public static final String ALREADY_EXISTS = "AlreadyExists";
  public static final String INVALID_SPEC = "InvalidSpec";
  public static final String IMMUTABLE_FIELD = "ImmutableField";
  public static final String CONVERGED = "Converged";
  public static final String HEALTHY = "Healthy";
  public static final String PIPELINE_NOT_READY = "PipelineNotReady";
  public static final String PIPELINE_NOT_FOUND = "PipelineNotFound";
  /** The operator failed in a way no AWS answer explains (a bug, the Kubernetes API); retried with backoff. */
  public static final String RECONCILE_ERROR = "ReconcileError";

  private Reasons() {}
}
