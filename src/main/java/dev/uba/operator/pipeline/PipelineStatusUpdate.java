package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.kinesis.StreamActual;
import dev.uba.operator.aws.kinesis.StreamChangeBudget;
import dev.uba.operator.aws.kinesis.StreamDesired;
import dev.uba.operator.aws.opensearch.DomainActual;
import dev.uba.operator.aws.opensearch.DomainDesired;
import dev.uba.operator.engine.Step;

/**
 * Copies what a pass saw into the pipeline's status fields; a name only once the object owns the
 * resource ({@link Step#owned()}).
 */
final class PipelineStatusUpdate {
  private PipelineStatusUpdate() {}

  static void stream(UbaPipelineStatus status, StreamDesired desired, Step<StreamActual> step,
      StreamChangeBudget budget) {
    if (step.learntNothing()) {
      return; // keep what the last pass that read it recorded
    }
    if (!step.owned()) {
      status.setStream(null);
      return;
    }
    UbaPipelineStatus.StreamStatus s = status.getStream() == null ? new UbaPipelineStatus.StreamStatus()
        : status.getStream();
    s.setName(desired.name());
    s.setShardCountUpdates(budget.shardUpdates());
    s.setModeSwitches(budget.modeSwitches());
    step.actual().ifPresentOrElse(a -> {
      s.setArn(a.arn());
      s.setStatus(a.status());
      s.setMode(a.mode());
      s.setShards(a.openShards());
    }, () -> s.setStatus("CREATING"));
    status.setStream(s);
  }

  static void search(UbaPipelineStatus status, DomainDesired desired, Step<DomainActual> step) {
    if (step.learntNothing()) {
      return; // keep what the last pass that read it recorded
    }
    if (!step.owned()) {
      status.setSearch(null);
      return;
    }
    UbaPipelineStatus.SearchStatus s = status.getSearch() == null ? new UbaPipelineStatus.SearchStatus()
        : status.getSearch();
    s.setDomainName(desired.name());
    step.actual().ifPresentOrElse(a -> {
      s.setArn(a.arn());
      s.setEndpoint(a.endpoint());
      s.setEngineVersion(a.engineVersion());
      s.setProcessing(a.processing() || a.upgradeProcessing());
      s.setEncryptionAtRest(a.encryptionAtRest());
      s.setNodeToNodeEncryption(a.nodeToNodeEncryption());
    }, () -> {
      s.setProcessing(true);
      s.setEngineVersion(desired.engineVersion());
      s.setEncryptionAtRest(desired.encryptionAtRest());
      s.setNodeToNodeEncryption(desired.nodeToNodeEncryption());
    });
    status.setSearch(s);
  }
}
