package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.aws.personalize.CampaignDesired;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;

/**
 * The campaign deploys the version the training step hands on. Deploying another version than the
 * one served is the Campaign step (UpdateCampaign: AWS keeps serving the old version until the
 * update is ACTIVE); once the campaign serves it, it becomes status.solutionVersionArn, with its
 * metrics. A failed campaign (or campaign update) is tried again after a spec change.
 */
final class CampaignStep {
  private CampaignStep() {}

  static NodeResult reconcile(ModelPass p) {
    var target = p.deployment();
    if (target.isEmpty()) {
      return NodeResult.nothing();
    }
    PersonalizationModelStatus status = p.status();
    String served = status.getSolutionVersionArn();
    String version = target.get().solutionVersionArn();
    CampaignDesired desired = p.desired().campaign(version);
    var s = p.convergeOrRetry(p.aws().campaign(), desired);
    ModelStatusUpdate.campaign(status, desired, s);
    boolean switching = !version.equals(served);
    NodeResult result = switching ? p.chainStep("Campaign", s) : NodeResult.of(s);
    if (switching && s.outcome().isReady()) {
      ModelStatusUpdate.serving(status, target.get(), p.now());
      p.events().normal("Serving", "campaign " + desired.name() + " serves solution version " + version
          + (served == null ? "" : " (was " + served + ")"));
    }
    return result;
  }

  /** The campaign of the version served (the one deployed). */
  static NodeResult delete(ModelPass p) {
    return NodeResult.deleted(Converger.delete(p.aws().campaign(), p.desired().campaign(p.status().getSolutionVersionArn()),
        p.ownerId(), p.events()));
  }
}
