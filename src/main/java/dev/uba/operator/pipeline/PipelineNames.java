package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.engine.Names;

/** The AWS names of a pipeline's resources: the spec's where given, else derived (pure). */
/**
 * @param bucket spec.archive.bucketName (or the name status recorded); null for the default, which
 *     needs the account and region ({@link Names#s3Bucket})
 */
public record PipelineNames(String ownerId, String stream, String domain, String ingestionRole, String producerPolicy,
    String delivery, String bucket) {
  public static final String KIND = "UbaPipeline";

  public static PipelineNames of(UbaPipeline pipeline) {
    String ns = pipeline.getMetadata().getNamespace();
    String name = pipeline.getMetadata().getName();
    var spec = pipeline.getSpec();
    String stream = spec.getStream() != null && notBlank(spec.getStream().getName())
        ? spec.getStream().getName()
        : Names.awsName(Names.KINESIS_STREAM, ns, KIND, name, "");
    String domain = spec.getSearch() != null && notBlank(spec.getSearch().getDomainName())
        ? spec.getSearch().getDomainName()
        : Names.openSearchDomain(ns, KIND, name);
    String delivery = spec.getDelivery() != null && notBlank(spec.getDelivery().getName())
        ? spec.getDelivery().getName()
        : Names.awsName(Names.DELIVERY_STREAM, ns, KIND, name, "");
    String bucket = spec.getArchive() != null && notBlank(spec.getArchive().getBucketName())
        ? spec.getArchive().getBucketName() : null;
    return new PipelineNames(
        Names.ownerId(ns, KIND, name), stream, domain,
        Names.awsName(Names.IAM_ROLE, ns, KIND, name, "-ingest"),
        Names.awsName(Names.IAM_POLICY, ns, KIND, name, "-producer"), delivery, bucket);
  }

  /** The error log group of a delivery stream, as the contract names it. */
  public String deliveryLogGroup() {
    return "/aws/kinesisfirehose/" + delivery;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
