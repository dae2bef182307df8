package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.io.IOException;

/**
 * Classifies data-plane failures by what the user must do, as the engine's AwsErrors does for AWS
 * APIs: not reached (connection refused, timeout), 5xx and 408 are retried with backoff, 429 is
 * Throttled, 401 and 403 are AccessDenied, 409 (changed by someone else since it was read) is read
 * again on the next pass, and any other 4xx is AwsValidationError, OpenSearch's own words in the
 * message. Pure.
 */
public final class DataPlaneErrors {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_TEXT = 500;
  /** The status of a call that did not reach OpenSearch (connection refused, timeout, unknown host). */
  public static final int NOT_REACHED = 0;
  /** The status of a call that was not sent at all (no credentials to sign it with). */
  public static final int NOT_SENT = -1;

  private DataPlaneErrors() {}

  /**
   * The outcome of a failed call.
   *
   * @param action what was tried ("PUT _index_template/uba-events on https://...")
   * @param status the HTTP status; {@link #NOT_REACHED} or {@link #NOT_SENT} when there is none
   * @param description OpenSearch's words ({@link #describe}), or the failure
   */
  public static Outcome outcomeOf(String action, int status, String description) {
    String words = description == null || description.isBlank() ? "" : ": " + description;
    if (status == NOT_REACHED) {
      return Outcome.retrying(Reasons.AWS_UNAVAILABLE, action + " could not reach OpenSearch" + words);
    }
    if (status == NOT_SENT) {
      return Outcome.retrying(Reasons.AWS_UNAVAILABLE, action + " was not sent" + words);
    }
    String text = action + " failed: OpenSearch answered " + status + words;
    if (status == 401 || status == 403) {
      return Outcome.degraded(Reasons.ACCESS_DENIED, text);
    }
    if (status == 429) {
      return Outcome.retrying(Reasons.THROTTLED, text);
    }
    if (status == 409) {
      return Outcome.progressing(Reasons.UPDATING, text + "; it is read again on the next pass");
    }
    if (status >= 500 || status == 408) {
      return Outcome.retrying(Reasons.AWS_UNAVAILABLE, text);
    }
    if (status >= 400) {
      return Outcome.degraded(Reasons.AWS_VALIDATION_ERROR, text);
    }
    return Outcome.retrying(Reasons.AWS_UNAVAILABLE, text);
  }

  /**
   * OpenSearch's words from an error body: {@code "<type>: <reason>"} of its {@code error} object
   * (and the {@code caused_by} reason where it says more), AWS's {@code Message} of a refusal by the
   * domain's access policy, or the first line of anything else.
   */
  public static String describe(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode root = JSON.readTree(body);
      JsonNode error = root.path("error");
      if (error.isObject()) {
        String text = typeAndReason(error);
        JsonNode cause = error.path("caused_by");
        String causeReason = cause.path("reason").asText("");
        if (!causeReason.isEmpty() && !text.contains(causeReason)) {
          text += " (caused by " + typeAndReason(cause) + ")";
        }
        return cut(text);
      }
      if (error.isTextual()) {
        return cut(error.asText());
      }
      for (String field : new String[] {"Message", "message", "reason"}) {
        if (root.path(field).isTextual()) {
          return cut(root.path(field).asText());
        }
      }
    } catch (IOException notJson) {
      // an HTML page of a proxy, or plain text
    }
    return cut(firstLine(body.strip()));
  }

  /** The failure of a call that did not reach OpenSearch, in words ("Connect to ... failed: Connection refused"). */
  public static String describe(Throwable e) {
    Throwable t = e;
    while (t.getMessage() == null && t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : cut(firstLine(t.getMessage()));
  }

  private static String typeAndReason(JsonNode error) {
    String type = error.path("type").asText("");
    String reason = error.path("reason").asText("");
    return type.isEmpty() ? reason : reason.isEmpty() ? type : type + ": " + reason;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String cut(String s) {
    return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT) + "...";
  }
}
