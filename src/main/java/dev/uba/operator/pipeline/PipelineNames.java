package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.engine.Names;

/** The AWS names of a pipeline's resources: the spec's where given, else derived (pure). */
public record PipelineNames(String ownerId, String stream, String domain, String ingestionRole, String producerPolicy) {
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
    return new PipelineNames(
        Names.ownerId(ns, KIND, name), stream, domain,
        Names.awsName(Names.IAM_ROLE, ns, KIND, name, "-ingest"),
        Names.awsName(Names.IAM_POLICY, ns, KIND, name, "-producer"));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
