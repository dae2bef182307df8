package dev.uba.operator.engine;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;

/**
 * What every kind's pass gives its {@link Workflow}: whose resources these are, where Events go,
 * and what happens to a resource whose block was removed from the spec.
 */
public interface WorkflowPass {
  /** The ownership tag value of the object (namespace/kind/name). */
  String ownerId();

  EventSink events();

  DeletionPolicy deletionPolicy();
}
