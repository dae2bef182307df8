package dev.uba.operator.aws.personalize;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The Interactions dataset of a dataset group. Param: schemaArn; parent: the dataset group. Its
 * ARN is AWS's dataset/&lt;group name&gt;/INTERACTIONS. Deletion waits while an import job is still
 * running (AWS refuses it then). Reads: DescribeDataset, ListTagsForResource.
 */
public final class PersonalizeDataset extends PersonalizeResourceBase {
  public PersonalizeDataset(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return "PersonalizeDataset";
  }

  @Override
  public Optional<PersonalizeActual> observe(PersonalizeDesired desired) {
    return absentIfNotFound(() -> {
      var d = personalize.describeDataset(r -> r.datasetArn(desired.arn())).dataset();
      return new PersonalizeActual(d.name(), d.datasetArn(), d.status(), null, readTags(d.datasetArn()),
          Map.of("schemaArn", String.valueOf(d.schemaArn())));
    });
  }

  @Override
  public Applied create(PersonalizeDesired desired) {
    personalize.createDataset(r -> r.name(desired.name()).datasetGroupArn(desired.parentArn())
        .schemaArn(desired.param("schemaArn")).datasetType("Interactions").tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(PersonalizeActual actual) {
    boolean importing = personalize.listDatasetImportJobsPaginator(r -> r.datasetArn(actual.arn()))
        .datasetImportJobs().stream().anyMatch(j -> j.status() != null && j.status().startsWith("CREATE ")
            && !j.status().equals("CREATE FAILED"));
    if (importing) {
      return Applied.ASYNC;
    }
    personalize.deleteDataset(r -> r.datasetArn(actual.arn()));
    return Applied.ASYNC;
  }
}
