package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.NamedArn;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Workflow;

/**
 * A pipeline's resources and their dependencies. The archive, the stream and the producer policy
 * stand alone; the ingestion role serves search and delivery; the domain's access policy names the
 * role (AWS refuses a principal that does not exist, so the domain waits until the role exists); the
 * delivery stream needs the stream and domain ACTIVE and the role, bucket and log group present.
 * Deletion runs the other way round: delivery, domain, role, log group, stream, policy, archive.
 */
final class PipelineWorkflow {
  static final Workflow<PipelinePass> WORKFLOW = Workflow.<PipelinePass>builder()
      .node("archive", "S3Bucket", PipelineWorkflow::archive)
      .named(p -> p.inUse().archive().name())
      .when(PipelinePass::archiveWanted)
      .recordedWhen(p -> p.status().getArchive() != null)
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().archive(), p.inUse().archive(), p.ownerId(), p.events())))
      .releasedBy(p -> p.status().setArchive(null))

      .node("stream", "KinesisStream", PipelineWorkflow::stream)
      .named(p -> p.desired().stream().name())
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().stream(), p.inUse().stream(), p.ownerId(), p.events())))

      .node("producerPolicy", "IamPolicy", PipelineWorkflow::producerPolicy)
      .named(p -> p.desired().producerPolicy().name())
      .deletedAfter("stream")
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().producerPolicy(), p.inUse().producerPolicy(), p.ownerId(), p.events())))

      .node("deliveryLogGroup", "LogGroup", PipelineWorkflow::deliveryLogGroup)
      .named(p -> deliveryLogGroupInUse(p).name())
      .when(p -> p.desired().deliveryLogGroup() != null)
      .recordedWhen(PipelineWorkflow::hadDeliveryLogGroup)
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().deliveryLogGroup(), deliveryLogGroupInUse(p), p.ownerId(), p.events())))

      .node("ingestionRole", "IamRole", PipelineWorkflow::ingestionRole)
      .named(p -> p.inUse().ingestionRole().name())
      .when(PipelinePass::roleWanted)
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

      .node("indexTemplate", "OpenSearchIndexTemplate", DataPlaneNodes::indexTemplate)
      .named(p -> p.status().getSearch() == null ? "" : p.status().getSearch().getIndexTemplate())
      .partOf("domain")
      .when(PipelinePass::indexTemplateWanted)
      .recordedWhen(p -> p.status().getSearch() != null && p.status().getSearch().getIndexTemplate() != null)
      .deletedBy(DataPlaneNodes::removeIndexTemplate)
      .releasedBy(p -> p.status().getSearch().setIndexTemplate(null))


      .node("ismPolicy", "OpenSearchIsmPolicy", DataPlaneNodes::ismPolicy)
      .named(p -> p.status().getSearch() == null ? "" : p.status().getSearch().getIsmPolicy())
      .partOf("domain")
      .when(PipelinePass::ismPolicyWanted)
      .recordedWhen(p -> p.status().getSearch() != null && p.status().getSearch().getIsmPolicy() != null)
      .deletedBy(DataPlaneNodes::removeIsmPolicy)
      .releasedBy(p -> p.status().getSearch().setIsmPolicy(null))

      // The template is installed first, so the first index Firehose makes already has the mapping.
      .node("delivery", "DeliveryStream", DeliveryNodes::delivery)
      .named(p -> p.inUse().delivery().name())
      .dependsOn("stream", "archive", "deliveryLogGroup", "ingestionRole", "domain", "indexTemplate", "ismPolicy")
      .when(PipelinePass::deliveryWanted)
      .recordedWhen(p -> p.status().getDelivery() != null)
      .deletedBy(p -> NodeResult.deleted(
          Converger.delete(p.resources().delivery(), p.inUse().delivery(), p.ownerId(), p.events())))
      .releasedBy(p -> p.status().setDelivery(null))

      .node("dataFlow", "DataFlow", DeliveryNodes::dataFlow)
      .dependsOn("delivery")
      .when(PipelinePass::deliveryWanted)
      .whenBlocked(Workflow.WhenBlocked.STOP)
      .build();

  private PipelineWorkflow() {}

  /**
   * The last pass listed the delivery's log group: status has no field of its own for it, and it
   * outlives status.delivery when the delivery is removed (it is deleted after the stream).
   */
  private static boolean hadDeliveryLogGroup(PipelinePass p) {
    return p.status().getResources() != null && p.status().getResources().stream()
        .anyMatch(r -> "LogGroup".equals(r.getKind()) && r.getArn() != null);
  }

  /** The log group a delivery has, even once spec.delivery.errorLogging turned it off. */
  private static LogGroupDesired deliveryLogGroupInUse(PipelinePass p) {
    return p.inUse().deliveryLogGroup() != null ? p.inUse().deliveryLogGroup()
        : LogGroupDesired.toDelete(p.status().getResources().stream().filter(r -> "LogGroup".equals(r.getKind()))
            .map(r -> r.getName()).findFirst().orElseThrow());
  }

  private static NodeResult archive(PipelinePass p) {
    var desired = p.desired().archive();
    var step = Converger.converge(p.resources().archive(), desired, p.ownerId(), p.events());
    p.status().setArchive(step.record(p.status().getArchive(),
        () -> new UbaPipelineStatus.ArchiveStatus(desired.name(), desired.arn())));
    return NodeResult.of(step, step.actual().isPresent() && step.owned());
  }

  private static NodeResult stream(PipelinePass p) {
    var step = Converger.converge(p.resources().stream(), p.desired().stream(), p.ownerId(), p.events());
    PipelineStatusUpdate.stream(p.status(), p.desired().stream(), step, p.resources().streamBudget());
    return NodeResult.of(step);
  }

  private static NodeResult producerPolicy(PipelinePass p) {
    var desired = p.desired().producerPolicy();
    var step = Converger.converge(p.resources().producerPolicy(), desired, p.ownerId(), p.events());
    p.status().setProducerPolicy(step.record(p.status().getProducerPolicy(),
        () -> new NamedArn(desired.name(), step.status().getArn())));
    return NodeResult.of(step);
  }

  private static NodeResult deliveryLogGroup(PipelinePass p) {
    var step = Converger.converge(p.resources().deliveryLogGroup(), p.desired().deliveryLogGroup(), p.ownerId(),
        p.events());
    return NodeResult.of(step, step.actual().isPresent() && step.owned());
  }

  /** The domain may go on once the role exists and is ours; it need not be in sync yet. */
  private static NodeResult ingestionRole(PipelinePass p) {
    var desired = p.desired().ingestionRole();
    var step = Converger.converge(p.resources().ingestionRole(), desired, p.ownerId(), p.events());
    p.status().setIngestionRole(step.record(p.status().getIngestionRole(),
        () -> new NamedArn(desired.name(), step.status().getArn())));
    return NodeResult.of(step, step.actual().isPresent() && step.owned());
  }

  private static NodeResult domain(PipelinePass p) {
    var step = Converger.converge(p.resources().domain(), p.desired().domain(), p.ownerId(), p.events());
    PipelineStatusUpdate.search(p.status(), p.desired().domain(), step);
    return NodeResult.of(step);
  }
}
