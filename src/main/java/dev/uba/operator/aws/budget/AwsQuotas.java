package dev.uba.operator.aws.budget;

import dev.uba.operator.aws.AwsCallMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * AWS's documented per-account rate quotas of the API operations the operator calls (pure data).
 * Figures move: each entry names the page it comes from, with the API reference's own sentence where
 * it has one. Where AWS publishes no rate (IAM, OpenSearch Service, Personalize, the Resource Groups
 * Tagging API, STS, S3's bucket configuration), the table assumes {@link #UNPUBLISHED_READ} calls a
 * second for reads and {@link #UNPUBLISHED_WRITE} for writes, the lowest figures AWS publishes for
 * comparable control-plane calls (CloudWatch Logs, Kinesis), and says so. Where a quota differs by
 * region, the lowest is taken.
 */
public final class AwsQuotas {
  /** Assumed for a read (Describe, Get, List, Head) whose quota AWS does not publish. */
  public static final double UNPUBLISHED_READ = 10;
  /** Assumed for a write whose quota AWS does not publish. */
  public static final double UNPUBLISHED_WRITE = 5;

  static final String KINESIS_API = "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_%s.html";
  static final String KINESIS_LIMITS = "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html";
  static final String CLOUDWATCH = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html";
  static final String LOGS = "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html";
  static final String SNS = "https://docs.aws.amazon.com/general/latest/gr/sns.html";
  static final String EVENTBRIDGE = "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html";
  static final String FIREHOSE = "https://docs.aws.amazon.com/firehose/latest/dev/limits.html";
  static final String IAM = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
  static final String OPENSEARCH = "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/limits.html";
  static final String PERSONALIZE = "https://docs.aws.amazon.com/personalize/latest/dg/limits.html";
  static final String TAGGING =
      "https://docs.aws.amazon.com/resourcegroupstagging/latest/APIReference/API_GetResources.html";
  static final String STS = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html";
  static final String S3 = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/optimizing-performance.html";

  private static final Map<String, AwsQuota> TABLE = table();

  private AwsQuotas() {}

  /** The quota of an operation: the table's entry, else a conservative assumption for an unknown one. */
  public static AwsQuota of(String service, String operation) {
    return listed(service, operation).orElseGet(() -> assumed(service, operation,
        "not in the operator's table; assumed as for an operation AWS publishes no rate for"));
  }

  /** The table's own entry, if it has one. */
  public static Optional<AwsQuota> listed(String service, String operation) {
    return Optional.ofNullable(TABLE.get(key(service, operation)));
  }

  /** Every entry, in the order of the table. */
  public static Iterable<AwsQuota> all() {
    return TABLE.values();
  }

  private static Map<String, AwsQuota> table() {
    Map<String, AwsQuota> t = new LinkedHashMap<>();
    // Kinesis Data Streams: the API reference's sentence of each operation, "This operation has a
    // limit of N transactions per second per account". The limits page says ListTagsForStream is per
    // stream; its API reference says per account: planned per account.
    kinesis(t, "CreateStream", 5, "CreateStream has a limit of five transactions per second per account.");
    kinesis(t, "DeleteStream", 5, "This operation has a limit of five transactions per second per account.");
    kinesis(t, "ListStreams", 5, "This operation has a limit of five transactions per second per account.");
    kinesis(t, "AddTagsToStream", 5, "This operation has a limit of five transactions per second per account.");
    kinesis(t, "RemoveTagsFromStream", 5,
        "This operation has a limit of five transactions per second per account.");
    kinesis(t, "ListTagsForStream", 5, "This operation has a limit of five transactions per second per account.");
    kinesis(t, "DescribeStream", 10, "This operation has a limit of 10 transactions per second per account.");
    kinesis(t, "DescribeStreamSummary", 20,
        "This operation has a limit of 20 transactions per second per account.");
    kinesis(t, "UpdateShardCount", 10, "UpdateShardCount: 10 calls per second per account; besides, at most 10 "
        + "scalings per stream per rolling 24 hours, each at most doubling or halving the shards.");
    put(t, "Kinesis", "IncreaseStreamRetentionPeriod", 5, true, KINESIS_LIMITS
        + ": 5 transactions per second per stream; planned per account.");
    put(t, "Kinesis", "DecreaseStreamRetentionPeriod", 5, true, KINESIS_LIMITS
        + ": 5 transactions per second per stream; planned per account.");
    t.put(key("Kinesis", "StartStreamEncryption"), assumed("Kinesis", "StartStreamEncryption", KINESIS_LIMITS
        + " publishes 25 key changes per stream per rolling 24 hours, no rate"));
    t.put(key("Kinesis", "StopStreamEncryption"), assumed("Kinesis", "StopStreamEncryption", KINESIS_LIMITS
        + " publishes 25 key changes per stream per rolling 24 hours, no rate"));
    t.put(key("Kinesis", "UpdateStreamMode"), assumed("Kinesis", "UpdateStreamMode", KINESIS_LIMITS
        + " publishes two mode switches per stream per 24 hours, no rate"));

    // CloudWatch: "CloudWatch service quotas", the table of API request rates (TPS per account and region).
    put(t, "CloudWatch", "PutMetricAlarm", 3, true, CLOUDWATCH + ": PutMetricAlarm 3 TPS.");
    put(t, "CloudWatch", "DeleteAlarms", 3, true, CLOUDWATCH + ": DeleteAlarms 3 TPS.");
    put(t, "CloudWatch", "DescribeAlarms", 9, true, CLOUDWATCH + ": DescribeAlarms 9 TPS.");
    put(t, "CloudWatch", "ListTagsForResource", 10, true, CLOUDWATCH + ": ListTagsForResource 10 TPS.");
    put(t, "CloudWatch", "TagResource", 20, true, CLOUDWATCH + ": TagResource 20 TPS.");
    put(t, "CloudWatch", "UntagResource", 20, true, CLOUDWATCH + ": UntagResource 20 TPS.");
    put(t, "CloudWatch", "GetMetricData", 500, true,
        CLOUDWATCH + ": GetMetricData 500 TPS (and 180,000 datapoints per second).");

    // CloudWatch Logs: "CloudWatch Logs quotas", requests per second per account and region.
    put(t, "CloudWatchLogs", "CreateLogGroup", 10, true, LOGS + ": CreateLogGroup 10 transactions per second.");
    put(t, "CloudWatchLogs", "DescribeLogGroups", 10, true,
        LOGS + ": DescribeLogGroups 10 transactions per second.");
    put(t, "CloudWatchLogs", "DeleteLogGroup", 10, true, LOGS + ": DeleteLogGroup 10 transactions per second.");
    put(t, "CloudWatchLogs", "PutRetentionPolicy", 5, true,
        LOGS + ": PutRetentionPolicy 5 transactions per second.");
    put(t, "CloudWatchLogs", "PutMetricFilter", 5, true, LOGS + ": PutMetricFilter 5 transactions per second.");
    put(t, "CloudWatchLogs", "DescribeMetricFilters", 5, true,
        LOGS + ": DescribeMetricFilters 5 transactions per second.");
    put(t, "CloudWatchLogs", "ListTagsForResource", 5, true,
        LOGS + ": ListTagsForResource 5 transactions per second.");
    put(t, "CloudWatchLogs", "TagResource", 5, true, LOGS + ": TagResource 5 transactions per second.");
    put(t, "CloudWatchLogs", "UntagResource", 5, false,
        LOGS + " lists no rate for UntagResource; assumed as TagResource, 5 transactions per second.");
    put(t, "CloudWatchLogs", "DeleteMetricFilter", 5, false,
        LOGS + " lists no rate for DeleteMetricFilter; assumed as PutMetricFilter, 5 transactions per second.");

    // SNS: "Amazon SNS endpoints and quotas", API throttling (transactions per second per account and
    // region); topic calls range from 30 to 3,000 by region: the lowest is planned.
    put(t, "Sns", "Subscribe", 100, true, SNS + ": Subscribe 100 transactions per second.");
    put(t, "Sns", "Unsubscribe", 100, true, SNS + ": Unsubscribe 100 transactions per second.");
    put(t, "Sns", "ListSubscriptionsByTopic", 30, true,
        SNS + ": ListSubscriptionsByTopic 30 transactions per second.");
    put(t, "Sns", "ListTagsForResource", 10, true, SNS + ": ListTagsForResource 10 transactions per second.");
    put(t, "Sns", "TagResource", 10, true, SNS + ": TagResource 10 transactions per second.");
    put(t, "Sns", "UntagResource", 10, true, SNS + ": UntagResource 10 transactions per second.");
    for (String op : new String[] {"CreateTopic", "GetTopicAttributes", "SetTopicAttributes", "DeleteTopic"}) {
      put(t, "Sns", op, 30, true, SNS + ": " + op + " 30 to 3,000 transactions per second by region; the lowest.");
    }

    // EventBridge: "Amazon EventBridge quotas": the control-plane APIs, 50 transactions per second.
    for (String op : new String[] {"PutRule", "DescribeRule", "DeleteRule", "PutTargets", "RemoveTargets",
        "ListTargetsByRule", "ListTagsForResource", "TagResource", "UntagResource"}) {
      put(t, "EventBridge", op, 50, true, EVENTBRIDGE + ": " + op + ", a control-plane API, 50 TPS.");
    }

    // Amazon Data Firehose: "Quota", 5 transactions per second per account and region each (hard).
    for (String op : new String[] {"CreateDeliveryStream", "DeleteDeliveryStream", "DescribeDeliveryStream",
        "UpdateDestination", "ListTagsForDeliveryStream", "TagDeliveryStream", "UntagDeliveryStream"}) {
      put(t, "Firehose", op, 5, true, FIREHOSE + ": " + op + " 5 transactions per second (not adjustable).");
    }

    // IAM: one control plane for all commercial regions; AWS publishes no API rates (it throttles per
    // API and the quotas are not adjustable). Keyed per partition, not per region.
    for (String op : new String[] {"CreateRole", "GetRole", "DeleteRole", "TagRole", "UntagRole",
        "UpdateAssumeRolePolicy", "PutRolePermissionsBoundary", "PutRolePolicy", "GetRolePolicy", "DeleteRolePolicy",
        "ListRolePolicies",
        "ListAttachedRolePolicies", "DetachRolePolicy", "DetachGroupPolicy", "DetachUserPolicy",
        "ListInstanceProfilesForRole", "RemoveRoleFromInstanceProfile", "CreatePolicy", "GetPolicy",
        "DeletePolicy", "TagPolicy", "UntagPolicy", "CreatePolicyVersion", "GetPolicyVersion",
        "DeletePolicyVersion", "ListPolicyVersions", "ListEntitiesForPolicy", "ListPolicies", "ListPolicyTags"}) {
      AwsQuota q = assumed("Iam", op, IAM + " publishes no API request rates");
      t.put(key("Iam", op), new AwsQuota(q.service(), op, q.callsPerSecond(), false, true, q.source()));
    }

    // OpenSearch Service: no published rates for the configuration API (throttling is reported in practice).
    for (String op : new String[] {"CreateDomain", "DescribeDomain", "DescribeDomains", "UpdateDomainConfig",
        "UpgradeDomain", "DeleteDomain", "AddTags", "ListTags", "RemoveTags"}) {
      t.put(key("OpenSearch", op), assumed("OpenSearch", op, OPENSEARCH + " publishes no API request rates"));
    }

    // Personalize: no published control-plane rates (only concurrent jobs and trainings per region).
    for (String op : new String[] {"CreateSchema", "DescribeSchema", "DeleteSchema", "CreateDatasetGroup",
        "DescribeDatasetGroup", "DeleteDatasetGroup", "CreateDataset", "DescribeDataset", "DeleteDataset",
        "CreateDatasetImportJob", "DescribeDatasetImportJob", "ListDatasetImportJobs", "CreateSolution",
        "DescribeSolution", "DeleteSolution", "CreateSolutionVersion", "DescribeSolutionVersion",
        "ListSolutionVersions", "StopSolutionVersionCreation", "GetSolutionMetrics", "CreateCampaign",
        "DescribeCampaign", "UpdateCampaign", "DeleteCampaign", "CreateEventTracker", "DescribeEventTracker",
        "ListEventTrackers", "DeleteEventTracker", "ListTagsForResource", "TagResource", "UntagResource"}) {
      t.put(key("Personalize", op), assumed("Personalize", op, PERSONALIZE + " publishes no API request rates"));
    }

    // S3: AWS publishes request rates per bucket prefix (3,500 writes, 5,500 reads a second), not per
    // account, and none for the bucket configuration calls the operator makes.
    for (String op : new String[] {"CreateBucket", "HeadBucket", "DeleteBucket", "GetBucketTagging",
        "PutBucketTagging", "GetBucketPolicy", "PutBucketPolicy", "GetBucketEncryption", "PutBucketEncryption",
        "GetPublicAccessBlock", "PutPublicAccessBlock", "GetBucketOwnershipControls", "PutBucketOwnershipControls",
        "GetBucketLifecycleConfiguration", "PutBucketLifecycleConfiguration", "ListObjectVersions",
        "DeleteObjects"}) {
      t.put(key("S3", op), assumed("S3", op, S3
          + " publishes rates per prefix (3,500 writes, 5,500 reads a second), none for bucket configuration"));
    }

    t.put(key("ResourceGroupsTaggingApi", "GetResources"), assumed("ResourceGroupsTaggingApi", "GetResources",
        TAGGING + " publishes no request rate (100 resources a page)"));
    t.put(key("Sts", "GetCallerIdentity"), assumed("Sts", "GetCallerIdentity",
        STS + ": no rate the operator relies on; called once per region"));
    return t;
  }

  private static void kinesis(Map<String, AwsQuota> t, String operation, double rate, String sentence) {
    put(t, "Kinesis", operation, rate, true, String.format(KINESIS_API, operation) + ": \"" + sentence + "\"");
  }

  private static void put(Map<String, AwsQuota> t, String service, String operation, double rate,
      boolean published, String source) {
    t.put(key(service, operation), new AwsQuota(service, operation, rate, published, false, source));
  }

  /** The conservative figure for an operation whose rate AWS does not publish. */
  private static AwsQuota assumed(String service, String operation, String why) {
    boolean read = AwsCallMetrics.isRead(operation);
    double rate = read ? UNPUBLISHED_READ : UNPUBLISHED_WRITE;
    return new AwsQuota(service, operation, rate, false, "Iam".equals(service),
        why + "; assumed " + (int) rate + " calls per second, as for a " + (read ? "read" : "write")
            + " AWS publishes no rate for");
  }

  private static String key(String service, String operation) {
    return service + "/" + operation;
  }
}
