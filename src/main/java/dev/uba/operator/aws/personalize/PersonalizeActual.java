package dev.uba.operator.aws.personalize;

import java.util.Map;

/** What every Personalize resource reports through its Describe action. */
public interface PersonalizeActual {
  String arn();

  /** AWS's status word (CREATE PENDING, CREATE IN_PROGRESS, ACTIVE, CREATE FAILED, ...). */
  String status();

  /** AWS's reason for CREATE FAILED, where the type reports one; null otherwise. */
  default String failureReason() {
    return null;
  }

  Map<String, String> tags();
}
