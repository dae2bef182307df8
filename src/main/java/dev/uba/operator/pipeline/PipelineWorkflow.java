package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.NamedArn;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Workflow;

/**
 * A pipeline's resources and their dependencies: the stream and the producer policy stand alone;
 * with spec.search, the ingestion role, then the domain, whose access policy names the role (AWS
 * refuses a principal that does not exist, so the domain waits until the role exists). Deletion runs
 * the other way round: domain, role, producer policy, stream.
 */
final class PipelineWorkflow {
  static final Workflow<PipelinePass> WORKFLOW = Workflow.<PipelinePass>builder()
      .node("stream", "KinesisStream", PipelineWorkflow::stream)
      .named(p -> p.desired().stream().name())
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().stream(), p.inUse().stream(), p.ownerId(), p.events())))

      .node("producerPolicy", "IamPolicy", PipelineWorkflow::producerPolicy)
      .named(p -> p.desired().producerPolicy().name())
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().producerPolicy(), p.inUse().producerPolicy(), p.ownerId(), p.events())))

      .node("ingestionRole", "IamRole", PipelineWorkflow::ingestionRole)
      .named(p -> p.inUse().ingestionRole().name())
      .when(PipelinePass::searchWanted)
      .recordedWhen(p -> p.status().getIngestionRole() != null)
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().ingestionRole(), p.inUse().ingestionRole(), p.ownerId(), p.events())))
      .releasedBy(p -> p.status().setIngestionRole(null))

      .node("domain", "OpenSearchDomain", PipelineWorkflow::domain)
      .named(p -> p.inUse().domain().name())
      .dependsOn("ingestionRole")
      .when(PipelinePass::searchWanted)
      .recordedWhen(p -> p.status().getSearch() != null)
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().domain(), p.inUse().domain(), p.ownerId(), p.events())))
      .releasedBy(p -> p.status().setSearch(null))
      .build();

  private PipelineWorkflow() {}

  private static NodeResult stream(PipelinePass p) {
    var step = Converger.converge(p.resources().stream(), p.desired().stream(), p.ownerId(), p.events());
    PipelineStatusUpdate.stream(p.status(), p.desired().stream(), step, p.resources().streamBudget());
    return NodeResult.of(step);
  }

  private static NodeResult producerPolicy(PipelinePass p) {
    var desired = p.desired().producerPolicy();
    var step = Converger.converge(p.resources().producerPolicy(), desired, p.ownerId(), p.events());
    p.status().setProducerPolicy(step.owned() ? new NamedArn(desired.name(), step.status().getArn()) : null);
    return NodeResult.of(step);
  }

  /** The domain may go on once the role exists and is ours; it need not be in sync yet. */
  private static NodeResult ingestionRole(PipelinePass p) {
    var desired = p.desired().ingestionRole();
    var step = Converger.converge(p.resources().ingestionRole(), desired, p.ownerId(), p.events());
    p.status().setIngestionRole(step.owned() ? new NamedArn(desired.name(), step.status().getArn()) : null);
    return NodeResult.of(step, step.actual().isPresent() && step.owned());
  }

  private static NodeResult domain(PipelinePass p) {
    var step = Converger.converge(p.resources().domain(), p.desired().domain(), p.ownerId(), p.events());
    PipelineStatusUpdate.search(p.status(), p.desired().domain(), step);
    return NodeResult.of(step);
  }
}
