package dev.uba.operator.api.v1alpha1;

/** What happens to an object's AWS resources when the object is deleted. */
public enum DeletionPolicy {
  Delete,
  Retain
}
