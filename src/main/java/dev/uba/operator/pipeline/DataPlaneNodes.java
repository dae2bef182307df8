package dev.uba.operator.pipeline;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.Desired;
import dev.uba.operator.engine.NodeResult;
import java.util.function.Function;

/**
 * The index template and the ISM policy the pipeline keeps inside its domain, reached through the
 * endpoint the domain's node has just recorded in status. Both are parts of the domain (the
 * workflow's partOf): deleting the domain takes them along with no data-plane call; removed from the
 * spec while the domain stays, they are deleted from it.
 */
final class DataPlaneNodes {
  private DataPlaneNodes() {}

  static NodeResult indexTemplate(PipelinePass p) {
    var desired = p.desired().indexTemplate();
    return converge(p, "OpenSearchIndexTemplate", desired, endpoint -> p.resources().dataPlane().indexTemplate(endpoint),
        installed -> p.status().getSearch().setIndexTemplate(installed ? desired.name() : null));
  }

  static NodeResult ismPolicy(PipelinePass p) {
    var desired = p.desired().ismPolicy();
    return converge(p, "OpenSearchIsmPolicy", desired, endpoint -> p.resources().dataPlane().ismPolicy(endpoint),
        installed -> p.status().getSearch().setIsmPolicy(installed ? desired.name() : null));
  }

  static NodeResult removeIndexTemplate(PipelinePass p) {
    return remove(p, p.status().getSearch() == null ? null : p.status().getSearch().getIndexTemplate(),
        endpoint -> p.resources().dataPlane().indexTemplate(endpoint),
        name -> dev.uba.operator.aws.opensearch.dataplane.IndexTemplateDesired.forIndex(name, 1, 1, null));
  }

  static NodeResult removeIsmPolicy(PipelinePass p) {
    return remove(p, p.status().getSearch() == null ? null : p.status().getSearch().getIsmPolicy(),
        endpoint -> p.resources().dataPlane().ismPolicy(endpoint),
        name -> new dev.uba.operator.aws.opensearch.dataplane.IsmPolicyDesired(name, java.util.List.of(), 1, null));
  }

  private static <D extends Desired, A> NodeResult converge(PipelinePass p, String kind, D desired,
      Function<String, AwsResource<D, A>> resourceAt, java.util.function.Consumer<Boolean> record) {
    AwsResource<D, A> resource;
    try {
      resource = resourceAt.apply(p.status().getSearch() == null ? null : p.status().getSearch().getEndpoint());
    } catch (IllegalArgumentException e) {
      return NodeResult.waiting(kind, desired.name(), "waiting for the domain's endpoint");
    }
    var step = Converger.converge(resource, desired, p.ownerId(), p.events());
    record.accept(step.actual().isPresent());
    return NodeResult.of(step);
  }

  private static <D extends Desired, A> NodeResult remove(PipelinePass p, String installed,
      Function<String, AwsResource<D, A>> resourceAt, Function<String, D> identity) {
    if (installed == null || p.status().getSearch() == null) {
      return NodeResult.nothing();
    }
    try {
      var resource = resourceAt.apply(p.status().getSearch().getEndpoint());
      return NodeResult.deleted(Converger.delete(resource, identity.apply(installed), p.ownerId(), p.events()));
    } catch (IllegalArgumentException e) {
      return NodeResult.nothing();
    }
  }
}
