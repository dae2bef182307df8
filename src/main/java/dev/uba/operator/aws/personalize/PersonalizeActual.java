package dev.uba.operator.aws.personalize;

import java.util.Map;

/**
 * A Personalize resource as its Describe action reports it.
 *
 * @param status AWS's status word (CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, ...)
 * @param failureReason AWS's reason for CREATE FAILED, or null
 * @param fields type-specific values (a campaign's deployed version, ...); never printed, since an
 *     event tracker's holds its tracking ID
 */
public record PersonalizeActual(String name, String arn, String status, String failureReason,
    Map<String, String> tags, Map<String, String> fields) {

  public String field(String key) {
    return fields.get(key);
  }

  @Override
  public String toString() {
    return "PersonalizeActual[" + name + ", " + arn + ", " + status + "]";
  }
}
