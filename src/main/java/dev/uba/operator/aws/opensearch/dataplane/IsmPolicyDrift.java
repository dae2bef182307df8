package dev.uba.operator.aws.opensearch.dataplane;

import dev.uba.operator.engine.Drift;

/**
 * The differences between a desired and an actual ISM policy (pure): description, default state,
 * the states (their actions without ISM's retry defaults, their transitions and conditions), and
 * the ISM template (patterns as a set, priority). What ISM adds is no difference.
 */
public final class IsmPolicyDrift {
  public static final String DESCRIPTION = "description";
  public static final String DEFAULT_STATE = "default state";
  public static final String STATES = "states";
  public static final String ISM_TEMPLATE = "ism template";

  private IsmPolicyDrift() {}

  public static Drift of(IsmPolicyDesired desired, IsmPolicyActual actual) {
    return Drift.builder()
        .named(DESCRIPTION, desired.description(), actual.description())
        .field(DEFAULT_STATE, IsmPolicyDesired.HOT, actual.defaultState())
        .field(STATES, desired.states(), actual.states())
        .field(ISM_TEMPLATE, desired.ismTemplates(), actual.ismTemplates())
        .build();
  }
}
