package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One resource of the local Amazon Personalize ({@link PersonalizeEmulator}): its type, ARN, the
 * fields its Describe action returns, its status machinery and its tags. Only used under the
 * emulator's lock.
 */
final class PersonalizeResource {

  /**
   * A resource type: the ARN resource type, the member names of its Describe and List answers, the
   * fields of its summary (the {@code *Summary} shapes of the API reference) and where its
   * transitional states are configured.
   */
  enum Kind {
    DATASET_GROUP("dataset-group", "Dataset group", "datasetGroupArn", "datasetGroup",
        "datasetGroups", LocalPersonalize.Resource.DATASET_GROUP,
        List.of("name", "datasetGroupArn", "status", "creationDateTime", "lastUpdatedDateTime",
            "failureReason", "domain")),
    SCHEMA("schema", "Schema", "schemaArn", "schema", "schemas", null,
        List.of("name", "schemaArn", "creationDateTime", "lastUpdatedDateTime", "domain")),
    DATASET("dataset", "Dataset", "datasetArn", "dataset", "datasets",
        LocalPersonalize.Resource.DATASET,
        List.of("name", "datasetArn", "datasetType", "status", "creationDateTime",
            "lastUpdatedDateTime")),
    DATASET_IMPORT_JOB("dataset-import-job", "Dataset import job", "datasetImportJobArn",
        "datasetImportJob", "datasetImportJobs", LocalPersonalize.Resource.DATASET_IMPORT_JOB,
        List.of("datasetImportJobArn", "jobName", "status", "creationDateTime",
            "lastUpdatedDateTime", "failureReason", "importMode")),
    EVENT_TRACKER("event-tracker", "Event tracker", "eventTrackerArn", "eventTracker",
        "eventTrackers", LocalPersonalize.Resource.EVENT_TRACKER,
        List.of("name", "eventTrackerArn", "status", "creationDateTime", "lastUpdatedDateTime")),
    SOLUTION("solution", "Solution", "solutionArn", "solution", "solutions",
        LocalPersonalize.Resource.SOLUTION,
        List.of("name", "solutionArn", "status", "creationDateTime", "lastUpdatedDateTime",
            "recipeArn")),
    SOLUTION_VERSION("solution", "Solution version", "solutionVersionArn", "solutionVersion",
        "solutionVersions", LocalPersonalize.Resource.SOLUTION_VERSION,
        List.of("solutionVersionArn", "status", "trainingMode", "trainingType",
            "creationDateTime", "lastUpdatedDateTime", "failureReason")),
    CAMPAIGN("campaign", "Campaign", "campaignArn", "campaign", "campaigns",
        LocalPersonalize.Resource.CAMPAIGN,
        List.of("name", "campaignArn", "status", "creationDateTime", "lastUpdatedDateTime",
            "failureReason")),
    FILTER("filter", "Filter", "filterArn", "filter", "Filters", LocalPersonalize.Resource.FILTER,
        List.of("name", "filterArn", "creationDateTime", "lastUpdatedDateTime", "datasetGroupArn",
            "failureReason", "status"));

    final String arnType;
    final String display;
    final String arnField;
    final String describeMember;
    final String listMember;
    final LocalPersonalize.Resource settings;
    final List<String> summaryFields;

    Kind(String arnType, String display, String arnField, String describeMember,
        String listMember, LocalPersonalize.Resource settings, List<String> summaryFields) {
      this.arnType = arnType;
      this.display = display;
      this.arnField = arnField;
      this.describeMember = describeMember;
      this.listMember = listMember;
      this.settings = settings;
      this.summaryFields = summaryFields;
    }

    boolean hasStatus() {
      return settings != null;
    }
  }

  /** Where a resource (or a campaign update) is in its life. */
  enum Phase {
    CREATING,
    /** StopSolutionVersionCreation on a version that was CREATE IN_PROGRESS. */
    STOPPING,
    DELETING,
    /** Reporting its outcome: ACTIVE, CREATE FAILED or CREATE STOPPED. */
    FINAL
  }

  /** The status machinery of a resource or of a campaign update. */
  static final class Progress {
    Phase phase = Phase.FINAL;
    Transition transition;
    /** Describes that have reported the current transitional state so far. */
    int reports;
    /** What the resource reports once it is final. */
    String outcome = PersonalizeEmulator.ACTIVE;
    /** Shown with {@code CREATE FAILED}. */
    String failureReason;

    boolean isFinal() {
      return phase == Phase.FINAL;
    }

    /**
     * The status string the API reference gives for the current state. While creating: the
     * first describe sees {@code CREATE PENDING}, later ones {@code CREATE IN_PROGRESS}. While
     * deleting: {@code DELETE PENDING}, then {@code DELETE IN_PROGRESS} when
     * {@code deleteInProgress} (dataset groups list only DELETE PENDING).
     */
    String status(boolean deleteInProgress) {
      switch (phase) {
        case CREATING:
          return reports <= 1 ? "CREATE PENDING" : "CREATE IN_PROGRESS";
        case STOPPING:
          return "CREATE STOPPING";
        case DELETING:
          return reports <= 1 || !deleteInProgress ? "DELETE PENDING" : "DELETE IN_PROGRESS";
        default:
          return outcome;
      }
    }

    /** True while CREATE PENDING or CREATE IN_PROGRESS (the states AWS's refusals name). */
    boolean isCreating() {
      return phase == Phase.CREATING || phase == Phase.STOPPING;
    }
  }

  /** An UpdateCampaign in progress or done, reported as {@code latestCampaignUpdate}. */
  static final class CampaignUpdate {
    final String solutionVersionArn;
    final int minProvisionedTps;
    final JsonNode campaignConfig;
    final double created;
    double updated;
    final Progress progress = new Progress();

    CampaignUpdate(String solutionVersionArn, int minProvisionedTps, JsonNode campaignConfig,
        double now) {
      this.solutionVersionArn = solutionVersionArn;
      this.minProvisionedTps = minProvisionedTps;
      this.campaignConfig = campaignConfig;
      this.created = now;
      this.updated = now;
    }
  }

  final Kind kind;
  final String arn;
  final String name;
  final String region;
  /** The fields of its Describe answer other than status, failure reason and times. */
  final ObjectNode fields;
  /**
   * The resource it belongs to: the dataset group (datasets, event trackers, solutions, filters),
   * the dataset (import jobs), the solution (solution versions), the deployed solution version
   * (campaigns); null for dataset groups and schemas.
   */
  String parent;
  final double created;
  double updated;
  final Progress progress = new Progress();
  final Map<String, String> tags = new LinkedHashMap<>();
  /** Campaigns: the latest UpdateCampaign, or null. */
  CampaignUpdate update;

  PersonalizeResource(Kind kind, String arn, String name, String region, ObjectNode fields,
      String parent, double now) {
    this.kind = kind;
    this.arn = arn;
    this.name = name;
    this.region = region;
    this.fields = fields;
    this.parent = parent;
    this.created = now;
    this.updated = now;
  }

  String status() {
    return progress.status(kind != Kind.DATASET_GROUP);
  }

  boolean isActive() {
    return progress.isFinal() && PersonalizeEmulator.ACTIVE.equals(progress.outcome);
  }

  @Override
  public String toString() {
    return kind.display + " " + arn + " (" + (kind.hasStatus() ? status() : "final") + ")";
  }
}
