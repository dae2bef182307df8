package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.Drift;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/** A Personalize dataset group. Reads: DescribeDatasetGroup, ListTagsForResource. */
public final class PersonalizeDatasetGroup extends PersonalizeResourceBase<DatasetGroupDesired, DatasetGroupActual> {
  public static final String KIND = "PersonalizeDatasetGroup";

  public PersonalizeDatasetGroup(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<DatasetGroupActual> observe(DatasetGroupDesired desired) {
    return absentIfNotFound(() -> {
      var g = personalize.describeDatasetGroup(r -> r.datasetGroupArn(desired.arn())).datasetGroup();
      return new DatasetGroupActual(g.name(), g.datasetGroupArn(), g.status(), g.failureReason(), g.domainAsString(),
          readTags(g.datasetGroupArn()));
    });
  }

  @Override
  public Drift drift(DatasetGroupDesired desired, DatasetGroupActual actual) {
    return PersonalizeDrift.datasetGroup(desired, actual);
  }

  @Override
  public Applied create(DatasetGroupDesired desired) {
    personalize.createDatasetGroup(r -> r.name(desired.name()).domain(desired.domain()).tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(DatasetGroupActual actual) {
    personalize.deleteDatasetGroup(r -> r.datasetGroupArn(actual.arn()));
    return Applied.ASYNC;
  }
}
