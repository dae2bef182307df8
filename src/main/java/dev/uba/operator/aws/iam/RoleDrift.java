package dev.uba.operator.aws.iam;

import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.PolicyDocuments;

/**
 * The differences between a desired and an actual role (pure); documents compared semantically. A
 * boundary is compared only when one is wanted: the operator sets its own, it never removes one.
 */
public final class RoleDrift {
  public static final String TRUST_POLICY = "trust policy";
  public static final String PERMISSIONS_BOUNDARY = "permissions boundary";

  private RoleDrift() {}

  /** The field name of the role's inline policy ("inline policy uba-ingest"). */
  public static String inlinePolicy(RoleDesired desired) {
    return "inline policy " + desired.inlinePolicyName();
  }

  public static Drift of(RoleDesired desired, RoleActual actual) {
    return Drift.builder()
        .namedIf(!PolicyDocuments.equivalent(desired.trustPolicy(), actual.trustPolicy()), TRUST_POLICY,
            desired.trustPolicy(), actual.trustPolicy())
        .namedIf(actual.inlinePolicy() == null || !PolicyDocuments.equivalent(desired.inlinePolicy(),
            actual.inlinePolicy()), inlinePolicy(desired), desired.inlinePolicy(), actual.inlinePolicy())
        .namedIf(desired.permissionsBoundary() != null
            && !desired.permissionsBoundary().equals(actual.permissionsBoundary()), PERMISSIONS_BOUNDARY,
            desired.permissionsBoundary(), actual.permissionsBoundary())
        .tags(desired.tags(), actual.tags())
        .build();
  }
}
