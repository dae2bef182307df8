package dev.uba.operator.personalization;

import dev.uba.operator.aws.iam.IamRole;
import dev.uba.operator.aws.personalize.PersonalizeCampaign;
import dev.uba.operator.aws.personalize.PersonalizeDataset;
import dev.uba.operator.aws.personalize.PersonalizeDatasetGroup;
import dev.uba.operator.aws.personalize.PersonalizeEventTracker;
import dev.uba.operator.aws.personalize.PersonalizeImportJob;
import dev.uba.operator.aws.personalize.PersonalizeSchema;
import dev.uba.operator.aws.personalize.PersonalizeSolution;
import dev.uba.operator.aws.personalize.PersonalizeSolutionVersion;

/** The AWS resource types of one model, bound to the clients of its region. */
record ModelResources(IamRole role, PersonalizeDatasetGroup datasetGroup, PersonalizeSchema schema,
    PersonalizeDataset dataset, PersonalizeImportJob importJob, PersonalizeEventTracker eventTracker,
    PersonalizeSolution solution, PersonalizeSolutionVersion solutionVersion, PersonalizeCampaign campaign) {}
