package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;

/**
 * What a pipeline has in AWS, named as it was created: status records the names of what exists, and
 * spec.search may be gone while its domain and role still have to be removed.
 */
final class PipelineInUse {
  private PipelineInUse() {}

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
