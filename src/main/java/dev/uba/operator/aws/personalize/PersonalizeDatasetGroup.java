package dev.uba.operator.aws.personalize;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;


/** A Personalize dataset group. Reads: DescribeDatasetGroup, ListTagsForResource. Param: domain. */
public final class PersonalizeDatasetGroup extends PersonalizeResourceBase {
  public static final String KIND = "PersonalizeDatasetGroup";

  public PersonalizeDatasetGroup(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<PersonalizeActual> observe(PersonalizeDesired desired) {
    return absentIfNotFound(() -> {
      software.amazon.awssdk.services.personalize.model.DatasetGroup g = personalize.describeDatasetGroup(r -> r.datasetGroupArn(desired.arn())).datasetGroup();
      return new PersonalizeActual(g.name(), g.datasetGroupArn(), g.status(), g.failureReason(),
          readTags(g.datasetGroupArn()), g.domainAsString() == null ? Map.of() : Map.of("domain", g.domainAsString()));
    });
  }

  @Override
  public Applied create(PersonalizeDesired desired) {
    personalize.createDatasetGroup(r -> r.name(desired.name()).domain(desired.param("domain"))
        .tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(PersonalizeActual actual) {
    personalize.deleteDatasetGroup(r -> r.datasetGroupArn(actual.arn()));
    return Applied.ASYNC;
  }
}
