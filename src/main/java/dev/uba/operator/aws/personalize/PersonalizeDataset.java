package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.Drift;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * The Interactions dataset of a dataset group. Its ARN is AWS's dataset/&lt;group
 * name&gt;/INTERACTIONS. Deletion waits while an import job is still running (AWS refuses it then).
 * Reads: DescribeDataset, ListTagsForResource.
 */
public final class PersonalizeDataset extends PersonalizeResourceBase<DatasetDesired, DatasetActual> {
  public static final String KIND = "PersonalizeDataset";

  public PersonalizeDataset(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<DatasetActual> observe(DatasetDesired desired) {
    return absentIfNotFound(() -> {
      var d = personalize.describeDataset(r -> r.datasetArn(desired.arn())).dataset();
      return new DatasetActual(d.name(), d.datasetArn(), d.status(), d.schemaArn(), readTags(d.datasetArn()));
    });
  }

  @Override
  public Drift drift(DatasetDesired desired, DatasetActual actual) {
    return PersonalizeDrift.dataset(desired, actual);
  }

  @Override
  public Applied create(DatasetDesired desired) {
    personalize.createDataset(r -> r.name(desired.name()).datasetGroupArn(desired.datasetGroupArn())
        .schemaArn(desired.schemaArn()).datasetType("Interactions").tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(DatasetActual actual) {
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
