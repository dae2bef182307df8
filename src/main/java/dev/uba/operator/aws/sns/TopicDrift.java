package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.PolicyDocuments;

/**
 * Differences between the topic the spec asks for and the one SNS reports (pure): its KMS key, its
 * access policy (compared semantically: SNS reformats the document it is given) and its tags.
 */
public final class TopicDrift {
  public static final String KMS_KEY = "KMS key";
  public static final String POLICY = "access policy";

  private TopicDrift() {}

  public static Drift of(TopicDesired desired, TopicActual actual) {
    return Drift.builder()
        .field(KMS_KEY, desired.kmsKeyId(), actual.kmsKeyId())
        .namedIf(!PolicyDocuments.equivalent(desired.policy(), actual.policy()), POLICY, desired.policy(),
            actual.policy())
        .tags(desired.tags(), actual.tags())
        .build();
  }
}
