package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.WorkflowPass;
import java.time.Instant;

/**
 * What one pass over a pipeline knows.
 *
 * @param desired what the spec asks for now
 * @param inUse what the pipeline has, named as status recorded it: what removal and deletion act on
 *     (spec.search may be gone while the domain and role still exist)
 */
record PipelinePass(PipelineDesiredState desired, PipelineDesiredState inUse, UbaPipelineStatus status,
    PipelineResources resources, String ownerId, EventSink events, DeletionPolicy deletionPolicy, long generation,
    Instant now) implements WorkflowPass {

  boolean searchWanted() {
    return desired.domain() != null;
  }

  boolean roleWanted() {
    return desired.ingestionRole() != null;
  }

  boolean archiveWanted() {
    return desired.archive() != null;
  }

  boolean indexTemplateWanted() {
    return desired.indexTemplate() != null;
  }

  boolean ismPolicyWanted() {
    return desired.ismPolicy() != null;
  }

  boolean deliveryWanted() {
    return desired.delivery() != null;
  }
}
