package dev.uba.operator.aws.opensearch.dataplane;

import dev.uba.operator.engine.AwsFailure;

/**
 * A data-plane call failed. It is an {@link AwsFailure}, so the engine reports its outcome (classified
 * by {@link DataPlaneErrors}) in status; the HTTP status lets a caller act on a particular answer
 * (409: changed by someone else since it was read).
 */
public class DataPlaneException extends AwsFailure {
  private final int status;

  DataPlaneException(int status, String action, String description, Throwable cause) {
    super(DataPlaneErrors.outcomeOf(action, status, description), cause);
    this.status = status;
  }

  /** The HTTP status OpenSearch answered with; 0 when it was not reached, -1 when nothing was sent. */
  public int status() {
    return status;
  }

  public boolean isConflict() {
    return status == 409;
  }
}
