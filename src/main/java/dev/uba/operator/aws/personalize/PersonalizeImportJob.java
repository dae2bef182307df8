package dev.uba.operator.aws.personalize;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A dataset import job, named &lt;namespace&gt;-&lt;name&gt;-&lt;n&gt;. A job is never changed: a new
 * source means a new job with the next n (decided by the reconciler). Params: dataLocation,
 * roleArn; parent: the dataset. There is no delete action: jobs go with their dataset. Reads:
 * DescribeDatasetImportJob, ListTagsForResource.
 */
public final class PersonalizeImportJob extends PersonalizeResourceBase {
  public PersonalizeImportJob(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return "PersonalizeDatasetImportJob";
  }

  @Override
  public Optional<PersonalizeActual> observe(PersonalizeDesired desired) {
    return absentIfNotFound(() -> {
      var j = personalize.describeDatasetImportJob(r -> r.datasetImportJobArn(desired.arn())).datasetImportJob();
      String location = j.dataSource() == null ? "" : String.valueOf(j.dataSource().dataLocation());
      return new PersonalizeActual(j.jobName(), j.datasetImportJobArn(), j.status(), j.failureReason(),
          readTags(j.datasetImportJobArn()), Map.of("dataLocation", location));
    });
  }

  @Override
  public Applied create(PersonalizeDesired desired) {
    personalize.createDatasetImportJob(r -> r.jobName(desired.name()).datasetArn(desired.parentArn())
        .roleArn(desired.param("roleArn")).dataSource(s -> s.dataLocation(desired.param("dataLocation")))
        .importMode("FULL").tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  /** Import jobs cannot be deleted; they are removed with their dataset. */
  @Override
  public Applied delete(PersonalizeActual actual) {
    return Applied.ASYNC;
  }
}
