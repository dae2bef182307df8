package dev.uba.operator.personalization;

import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.iam.IamRole;
import dev.uba.operator.aws.personalize.PersonalizeCampaign;
import dev.uba.operator.aws.personalize.PersonalizeDataset;
import dev.uba.operator.aws.personalize.PersonalizeDatasetGroup;
import dev.uba.operator.aws.personalize.PersonalizeEventTracker;
import dev.uba.operator.aws.personalize.PersonalizeImportJob;
import dev.uba.operator.aws.personalize.PersonalizeSchema;
import dev.uba.operator.aws.personalize.PersonalizeSolution;
import dev.uba.operator.aws.personalize.PersonalizeSolutionVersion;

/**
 * Where a model's resource types and its account come from: the AWS clients in production
 * ({@link #of}), in-memory fakes in the sequencing tests.
 */
interface ModelAws {

  /** The resource types of one pass in a region (fresh per pass: a solution version hands over what it started). */
  ModelResources resources(String region);

  /** The region, account and partition the model's ARNs are built from; may ask AWS for the account. */
  ModelDesiredState.Location locate(String region);

  static ModelAws of(AwsClients aws, String permissionsBoundary) {
    return new ModelAws() {
      @Override
      public ModelResources resources(String region) {
        var personalize = aws.personalize(region);
        return new ModelResources(new IamRole(aws.iam(region)), new PersonalizeDatasetGroup(personalize),
            new PersonalizeSchema(personalize), new PersonalizeDataset(personalize),
            new PersonalizeImportJob(personalize), new PersonalizeEventTracker(personalize),
            new PersonalizeSolution(personalize), new PersonalizeSolutionVersion(personalize),
            new PersonalizeCampaign(personalize));
      }

      @Override
      public ModelDesiredState.Location locate(String region) {
        return new ModelDesiredState.Location(region, aws.accountId(region), AwsClients.partition(region),
            permissionsBoundary);
      }
    };
  }
}
