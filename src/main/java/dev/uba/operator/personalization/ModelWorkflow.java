package dev.uba.operator.personalization;

import static dev.uba.operator.engine.Workflow.WhenBlocked.STOP;

import dev.uba.operator.aws.personalize.PersonalizeCampaign;
import dev.uba.operator.aws.personalize.PersonalizeDataset;
import dev.uba.operator.aws.personalize.PersonalizeDatasetGroup;
import dev.uba.operator.aws.personalize.PersonalizeEventTracker;
import dev.uba.operator.aws.personalize.PersonalizeImportJob;
import dev.uba.operator.aws.personalize.PersonalizeSchema;
import dev.uba.operator.aws.personalize.PersonalizeSolution;
import dev.uba.operator.aws.personalize.PersonalizeSolutionVersion;
import dev.uba.operator.engine.Workflow;

/**
 * A model's resources, declared once: the data-access role (only without
 * spec.trainingData.roleArn), dataset group, schema, interactions dataset, the event tracker beside
 * the chain, import job, solution, solution version (training, retraining) and campaign.
 *
 * <p>The chain stops ({@link Workflow.WhenBlocked#STOP}) at the first step AWS is still working on
 * (or failed): later steps are not looked at, and status.step names that step. The event tracker
 * needs the dataset group and the schema, and nothing waits on it. Removing the role (a roleArn is
 * given) or the tracker (spec.eventTracker false) deletes it, or releases it under deletionPolicy
 * Retain. Deletion runs in reverse order, each step once AWS no longer returns the one after it
 * (Personalize refuses to delete a dataset group that still holds datasets, trackers or
 * solutions): campaign, solution (a running training is stopped first; versions go with it), event
 * tracker, dataset (import jobs go with it), schema, dataset group, role.
 */
final class ModelWorkflow {
  static final Workflow<ModelPass> WORKFLOW = Workflow.<ModelPass>builder()
      .node("role", "IamRole", ChainSteps::role).named(p -> p.desired().role().name())
      .when(ModelPass::createsRole).recordedWhen(p -> p.status().getDataAccessRole() != null)
      .deletedBy(ChainSteps::deleteRole).releasedBy(p -> p.status().setDataAccessRole(null))
      .whenBlocked(STOP)
      .node("datasetGroup", PersonalizeDatasetGroup.KIND, ChainSteps::datasetGroup).dependsOn("role")
      .deletedBy(ChainSteps::deleteDatasetGroup).whenBlocked(STOP)
      .node("schema", PersonalizeSchema.KIND, ChainSteps::schema).dependsOn("datasetGroup")
      .deletedBy(ChainSteps::deleteSchema).whenBlocked(STOP)
      .node("dataset", PersonalizeDataset.KIND, ChainSteps::dataset).dependsOn("schema")
      .deletedBy(ChainSteps::deleteDataset).whenBlocked(STOP)
      .node("eventTracker", PersonalizeEventTracker.KIND, ChainSteps::eventTracker).dependsOn("schema")
      .named(p -> p.desired().eventTracker().name())
      .when(ModelPass::wantsEventTracker)
      .recordedWhen(p -> p.status().getEventTrackerArn() != null
          || p.status().getFailedGenerations().containsKey(PersonalizeEventTracker.KIND))
      .deletedBy(ChainSteps::deleteEventTracker).releasedBy(p -> ModelStatusUpdate.eventTrackerGone(p.status()))
      .whenBlocked(STOP)
      // Import jobs cannot be deleted: they go with their dataset.
      .node("importJob", PersonalizeImportJob.KIND, ImportStep::reconcile).dependsOn("dataset").whenBlocked(STOP)
      .node("solution", PersonalizeSolution.KIND, ChainSteps::solution).dependsOn("importJob")
      .deletedBy(ChainSteps::deleteSolution).whenBlocked(STOP)
      // Solution versions go with their solution.
      .node("solutionVersion", PersonalizeSolutionVersion.KIND, TrainingStep::reconcile).dependsOn("solution")
      .whenBlocked(STOP)
      .node("campaign", PersonalizeCampaign.KIND, CampaignStep::reconcile).dependsOn("solutionVersion")
      .deletedBy(CampaignStep::delete).whenBlocked(STOP)
      .build();

  private ModelWorkflow() {}
}
