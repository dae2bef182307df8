package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.ArchiveSpec;
import dev.uba.operator.api.v1alpha1.DeliverySpec;
import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;

/**
 * What a pipeline has in AWS, named as it was created: status records the names of what exists, and
 * a block (search, archive, delivery) may be gone from the spec while its resources still have to be
 * removed.
 */
final class PipelineInUse {
  private PipelineInUse() {}

  /** The pipeline as if every block status still records were in the spec, so its resources can be found. */
  static UbaPipeline withRecorded(UbaPipeline pipeline, UbaPipelineStatus status) {
    UbaPipelineSpec was = pipeline.getSpec();
    boolean search = was.getSearch() == null && status.getSearch() != null;
    boolean archive = was.getArchive() == null && status.getArchive() != null;
    boolean delivery = was.getDelivery() == null && status.getDelivery() != null;
    if (!search && !archive && !delivery) {
      return pipeline;
    }
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setRegion(was.getRegion());
    spec.setDeletionPolicy(was.getDeletionPolicy());
    spec.setTags(was.getTags());
    spec.setStream(was.getStream());
    spec.setSearch(search ? recordedSearch(status) : was.getSearch());
    spec.setArchive(archive ? recordedArchive(status) : was.getArchive());
    spec.setDelivery(delivery ? recordedDelivery(status) : was.getDelivery());
    UbaPipeline copy = new UbaPipeline();
    copy.setMetadata(pipeline.getMetadata());
    copy.setSpec(spec);
    copy.setStatus(status);
    return copy;
  }

  private static SearchSpec recordedSearch(UbaPipelineStatus status) {
    SearchSpec search = new SearchSpec();
    search.setDomainName(status.getSearch().getDomainName());
    return search;
  }

  /** A removed archive is deleted only if empty: nothing delivered is emptied because a block went. */
  private static ArchiveSpec recordedArchive(UbaPipelineStatus status) {
    ArchiveSpec archive = new ArchiveSpec();
    archive.setBucketName(status.getArchive().getBucketName());
    archive.setForceDestroy(false);
    return archive;
  }

  private static DeliverySpec recordedDelivery(UbaPipelineStatus status) {
    DeliverySpec delivery = new DeliverySpec();
    delivery.setName(status.getDelivery().getName());
    return delivery;
  }

  /** The names of the resources the pipeline has: from status where recorded, else derived. */
  static PipelineNames namesInUse(UbaPipeline pipeline) {
    UbaPipelineStatus status = pipeline.getStatus() == null ? new UbaPipelineStatus() : pipeline.getStatus();
    PipelineNames derived = PipelineNames.of(withRecorded(pipeline, status));
    String stream = status.getStream() != null && status.getStream().getName() != null
        ? status.getStream().getName() : derived.stream();
    String domain = status.getSearch() != null && status.getSearch().getDomainName() != null
        ? status.getSearch().getDomainName() : derived.domain();
    String delivery = status.getDelivery() != null && status.getDelivery().getName() != null
        ? status.getDelivery().getName() : derived.delivery();
    String bucket = status.getArchive() != null && status.getArchive().getBucketName() != null
        ? status.getArchive().getBucketName() : derived.bucket();
    return new PipelineNames(derived.ownerId(), stream, domain, derived.ingestionRole(), derived.producerPolicy(),
        delivery, bucket);
  }
}
