package dev.uba.operator.api.v1alpha1;

/** The one-word summary of an object's state, derived from its conditions. */
public enum Phase {
  Pending,
  Provisioning,
  Ready,
  Degraded,
  Deleting
}
