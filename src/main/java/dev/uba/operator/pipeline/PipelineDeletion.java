package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes a pipeline's resources in reverse dependency order (domain, role, producer policy, stream),
 * one at a time, each only once AWS no longer returns the one before. Names come from status where
 * recorded, since those are the resources that were created.
 */
final class PipelineDeletion {
  private final PipelineResources resources;
  private final String ownerId;
  private final EventSink events;

  PipelineDeletion(PipelineResources resources, String ownerId, EventSink events) {
    this.resources = resources;
    this.ownerId = ownerId;
    this.events = events;
  }

  /** Empty when everything is gone; otherwise the outcome of the resource still being deleted. */
  List<Outcome> run(PipelineDesiredState desired, UbaPipelineStatus status) {
    List<Step<?>> steps = new ArrayList<>();
    if (!deleted(resources.domain(), desired.domain(), steps)
        || !deleted(resources.ingestionRole(), desired.ingestionRole(), steps)
        || !deleted(resources.producerPolicy(), desired.producerPolicy(), steps)
        || !deleted(resources.stream(), desired.stream(), steps)) {
      Step<?> current = steps.get(steps.size() - 1);
      List<ResourceStatus> remaining = new ArrayList<>();
      remaining.add(current.status());
      status.getResources().stream()
          .filter(r -> !r.getKind().equals(current.status().getKind()) && steps.stream()
              .noneMatch(s -> s.status().getKind().equals(r.getKind())))
          .forEach(remaining::add);
      status.setResources(remaining);
      return List.of(current.outcome());
    }
    return List.of();
  }

  private <D extends Desired, A> boolean deleted(AwsResource<D, A> resource, D desired, List<Step<?>> steps) {
    if (desired == null) {
      return true;
    }
    Step<A> step = Converger.delete(resource, desired, ownerId, events);
    steps.add(step);
    return step.gone();
  }

  static boolean searchRemoved(UbaPipeline pipeline, UbaPipelineStatus status) {
    return pipeline.getSpec().getSearch() == null
        && (status.getSearch() != null || status.getIngestionRole() != null);
  }

  /** The pipeline as if spec.search were still there, so the domain and role it had can be found. */
  static UbaPipeline withSearch(UbaPipeline pipeline, UbaPipelineStatus status) {
    if (pipeline.getSpec().getSearch() != null || (status.getSearch() == null && status.getIngestionRole() == null)) {
      return pipeline;
    }
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setRegion(pipeline.getSpec().getRegion());
    spec.setDeletionPolicy(pipeline.getSpec().getDeletionPolicy());
    spec.setTags(pipeline.getSpec().getTags());
    spec.setStream(pipeline.getSpec().getStream());
    SearchSpec search = new SearchSpec();
    if (status.getSearch() != null) {
      search.setDomainName(status.getSearch().getDomainName());
    }
    spec.setSearch(search);
    UbaPipeline copy = new UbaPipeline();
    copy.setMetadata(pipeline.getMetadata());
    copy.setSpec(spec);
    copy.setStatus(status);
    return copy;
  }

  /** The names of the resources the pipeline has: from status where recorded, else derived. */
  static PipelineNames namesInUse(UbaPipeline pipeline) {
    UbaPipelineStatus status = pipeline.getStatus() == null ? new UbaPipelineStatus() : pipeline.getStatus();
    PipelineNames derived = PipelineNames.of(withSearch(pipeline, status));
    String stream = status.getStream() != null && status.getStream().getName() != null
        ? status.getStream().getName() : derived.stream();
    String domain = status.getSearch() != null && status.getSearch().getDomainName() != null
        ? status.getSearch().getDomainName() : derived.domain();
    return new PipelineNames(derived.ownerId(), stream, domain, derived.ingestionRole(), derived.producerPolicy());
  }
}
