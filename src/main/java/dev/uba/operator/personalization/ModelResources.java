package dev.uba.operator.personalization;

import dev.uba.operator.aws.iam.RoleActual;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.personalize.CampaignActual;
import dev.uba.operator.aws.personalize.CampaignDesired;
import dev.uba.operator.aws.personalize.DatasetActual;
import dev.uba.operator.aws.personalize.DatasetDesired;
import dev.uba.operator.aws.personalize.DatasetGroupActual;
import dev.uba.operator.aws.personalize.DatasetGroupDesired;
import dev.uba.operator.aws.personalize.EventTrackerActual;
import dev.uba.operator.aws.personalize.EventTrackerDesired;
import dev.uba.operator.aws.personalize.ImportJobActual;
import dev.uba.operator.aws.personalize.ImportJobDesired;
import dev.uba.operator.aws.personalize.SchemaActual;
import dev.uba.operator.aws.personalize.SchemaDesired;
import dev.uba.operator.aws.personalize.SolutionActual;
import dev.uba.operator.aws.personalize.SolutionDesired;
import dev.uba.operator.aws.personalize.SolutionVersionActual;
import dev.uba.operator.aws.personalize.SolutionVersionDesired;
import dev.uba.operator.engine.AwsResource;

/**
 * The AWS resource types of one model, bound to the clients of its region (or fakes in tests):
 * every AWS call of the kind goes through one of them, and so through the engine's contract.
 */
record ModelResources(
    AwsResource<RoleDesired, RoleActual> role,
    AwsResource<DatasetGroupDesired, DatasetGroupActual> datasetGroup,
    AwsResource<SchemaDesired, SchemaActual> schema,
    AwsResource<DatasetDesired, DatasetActual> dataset,
    AwsResource<ImportJobDesired, ImportJobActual> importJob,
    AwsResource<EventTrackerDesired, EventTrackerActual> eventTracker,
    AwsResource<SolutionDesired, SolutionActual> solution,
    AwsResource<SolutionVersionDesired, SolutionVersionActual> solutionVersion,
    AwsResource<CampaignDesired, CampaignActual> campaign) {

  /**
   * The same types with their tags left as they are: for a pass that does not know the inherited
   * tags, so that it never strips them (resources it creates get the tags it knows; the next pass
   * that knows adds the others).
   */
  ModelResources keepingTags() {
    return new ModelResources(TagsKept.of(role), TagsKept.of(datasetGroup), TagsKept.of(schema),
        TagsKept.of(dataset), TagsKept.of(importJob), TagsKept.of(eventTracker), TagsKept.of(solution),
        TagsKept.of(solutionVersion), TagsKept.of(campaign));
  }
}
