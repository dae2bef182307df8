package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.Drift;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A dataset import job, named &lt;namespace&gt;-&lt;name&gt;-&lt;n&gt;. A job is never changed: a new
 * source means a new job with the next n (decided by the model). There is no delete action: jobs
 * go with their dataset. Reads: DescribeDatasetImportJob, ListTagsForResource.
 */
public final class PersonalizeImportJob extends PersonalizeResourceBase<ImportJobDesired, ImportJobActual> {
  public static final String KIND = "PersonalizeDatasetImportJob";

  public PersonalizeImportJob(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<ImportJobActual> observe(ImportJobDesired desired) {
    return absentIfNotFound(() -> {
      var j = personalize.describeDatasetImportJob(r -> r.datasetImportJobArn(desired.arn())).datasetImportJob();
      String location = j.dataSource() == null ? "" : String.valueOf(j.dataSource().dataLocation());
      return new ImportJobActual(j.jobName(), j.datasetImportJobArn(), j.status(), j.failureReason(), location,
          readTags(j.datasetImportJobArn()));
    });
  }

  @Override
  public Drift drift(ImportJobDesired desired, ImportJobActual actual) {
    return PersonalizeDrift.importJob(desired, actual);
  }

  @Override
  public Applied create(ImportJobDesired desired) {
    personalize.createDatasetImportJob(r -> r.jobName(desired.name()).datasetArn(desired.datasetArn())
        .roleArn(desired.roleArn()).dataSource(s -> s.dataLocation(desired.dataLocation()))
        .importMode("FULL").tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  /** Import jobs cannot be deleted; they are removed with their dataset. */
  @Override
  public Applied delete(ImportJobActual actual) {
    return Applied.ASYNC;
  }
}
