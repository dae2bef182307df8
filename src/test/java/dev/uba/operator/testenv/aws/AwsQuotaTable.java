package dev.uba.operator.testenv.aws;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * AWS's documented per-account API rate quotas, as the local AWS's quota mode ({@link QuotaMode})
 * enforces them: the stand-in for AWS, at the full quota. Deliberately independent of the
 * operator's own budget table, so that a mistake there shows up here as refused calls.
 *
 * <p>Services are named by their SigV4 signing name ({@code monitoring} is CloudWatch, {@code logs}
 * CloudWatch Logs, {@code events} EventBridge, {@code es} OpenSearch Service, {@code tagging} the
 * Resource Groups Tagging API). AWS publishes rates, not bucket sizes: every bucket holds one
 * second's worth of calls (at least one). Where AWS publishes nothing for an operation (IAM, the
 * OpenSearch Service configuration API, the Tagging API, Personalize, STS, and the operations of
 * other services their quota pages leave out) the table says so ({@link Quota#published()} false)
 * and assumes {@link #UNPUBLISHED_PER_SECOND} per second, since such services do throttle in
 * practice.
 *
 * <p>Sources (figures move; re-check them there):
 * <ul>
 *   <li>Kinesis: Amazon Kinesis Data Streams Developer Guide, "Quotas and limits", and each
 *       action's API reference ("This operation has a limit of N transactions per second per
 *       account").
 *   <li>CloudWatch: Amazon CloudWatch User Guide, "CloudWatch service quotas" (API requests).
 *   <li>CloudWatch Logs: Amazon CloudWatch Logs User Guide, "CloudWatch Logs quotas".
 *   <li>SNS: AWS General Reference, "Amazon SNS endpoints and quotas", API throttling. CreateTopic,
 *       DeleteTopic, Get/SetTopicAttributes are 30 to 3,000 by region: the lowest figure is used.
 *   <li>EventBridge: Amazon EventBridge User Guide, "EventBridge quotas" (control-plane API
 *       requests, 50 per second).
 *   <li>Firehose: Amazon Data Firehose Developer Guide, "Quota" (5 transactions per second for
 *       each of its control-plane operations, not adjustable).
 *   <li>IAM, OpenSearch Service configuration API, Tagging API, Personalize control plane, STS:
 *       not published.
 * </ul>
 */
public final class AwsQuotaTable {

  /** The rate assumed for an operation AWS publishes no quota for (calls per second). */
  public static final double UNPUBLISHED_PER_SECOND = 10;

  /** Data-plane operations: limited per shard, topic or volume, not by a per-account call rate. */
  private static final Set<String> DATA_PLANE = Set.of("kinesis.PutRecord", "kinesis.PutRecords",
      "kinesis.GetRecords", "kinesis.GetShardIterator", "kinesis.SubscribeToShard",
      "firehose.PutRecord", "firehose.PutRecordBatch", "sns.Publish", "sns.PublishBatch",
      "events.PutEvents", "monitoring.PutMetricData", "logs.PutLogEvents");

  /** Which calls share a bucket. */
  public enum Scope {
    /** All calls of the operation by one account in one region. */
    ACCOUNT,
    /** All calls of the operation on one Kinesis stream (named in the request). */
    STREAM
  }

  /** One rate limit: refilled at {@code perSecond}, {@code burst}, shared by {@code scope}. */
  public record Limit(double perSecond, double burst, Scope scope) {

    static Limit perAccount(double perSecond) {
      return new Limit(perSecond, Math.max(1, perSecond), Scope.ACCOUNT);
    }

    /** {@code calls} per stream per rolling day, as a bucket of that size refilled over a day. */
    static Limit perStreamPerDay(int calls) {
      return new Limit(calls / 86_400d, calls, Scope.STREAM);
    }

    static Limit perStream(double perSecond) {
      return new Limit(perSecond, Math.max(1, perSecond), Scope.STREAM);
    }
  }

  /**
   * The quota of one operation.
   *
   * @param limits every limit a call must pass (all of them)
   * @param published false where AWS publishes no figure and the table assumes one
   */
  public record Quota(String service, String operation, List<Limit> limits, boolean published) {

    /** The account-wide rate, or the smallest rate when every limit is narrower (per stream). */
    public double perSecond() {
      return limits.stream().filter(l -> l.scope() == Scope.ACCOUNT).mapToDouble(Limit::perSecond)
          .min().orElse(limits.stream().mapToDouble(Limit::perSecond).min().orElse(0));
    }
  }

  private static final Map<String, Quota> TABLE = new LinkedHashMap<>();

  static {
    perAccount("kinesis", 5, "CreateStream", "DeleteStream", "ListStreams", "AddTagsToStream",
        "RemoveTagsFromStream", "ListTagsForStream");
    perAccount("kinesis", 10, "DescribeStream");
    perAccount("kinesis", 20, "DescribeStreamSummary");
    put("kinesis", "UpdateShardCount", Limit.perAccount(10), Limit.perStreamPerDay(10));
    put("kinesis", "IncreaseStreamRetentionPeriod", Limit.perStream(5));
    put("kinesis", "DecreaseStreamRetentionPeriod", Limit.perStream(5));
    put("kinesis", "StartStreamEncryption", Limit.perStreamPerDay(25));
    put("kinesis", "StopStreamEncryption", Limit.perStreamPerDay(25));
    put("kinesis", "UpdateStreamMode", Limit.perStreamPerDay(2));

    perAccount("monitoring", 3, "PutMetricAlarm", "DeleteAlarms");
    perAccount("monitoring", 9, "DescribeAlarms");
    perAccount("monitoring", 10, "ListTagsForResource", "PutAnomalyDetector",
        "DescribeAnomalyDetectors");
    perAccount("monitoring", 20, "TagResource", "UntagResource");
    perAccount("monitoring", 500, "GetMetricData");

    perAccount("logs", 10, "CreateLogGroup", "DescribeLogGroups", "DeleteLogGroup");
    perAccount("logs", 5, "PutRetentionPolicy", "PutMetricFilter", "DescribeMetricFilters",
        "ListTagsForResource", "TagResource");

    perAccount("sns", 100, "Subscribe", "Unsubscribe");
    perAccount("sns", 30, "ListSubscriptionsByTopic", "CreateTopic", "GetTopicAttributes",
        "SetTopicAttributes", "DeleteTopic");
    perAccount("sns", 10, "ListTagsForResource", "TagResource");

    perAccount("firehose", 5, "CreateDeliveryStream", "DeleteDeliveryStream",
        "DescribeDeliveryStream", "UpdateDestination", "ListTagsForDeliveryStream",
        "TagDeliveryStream");
  }

  private AwsQuotaTable() {}

  /**
   * The quota of {@code operation} of {@code service}: the table's entry; for EventBridge's
   * control plane its common 50 per second; for any other control-plane operation AWS publishes
   * no figure for, the assumed rate ({@link Quota#published()} false); empty for S3 (whose limits
   * are per prefix, thousands a second) and the data planes (limited per shard or by volume).
   */
  public static Optional<Quota> of(String service, String operation) {
    Quota q = TABLE.get(key(service, operation));
    if (q != null) {
      return Optional.of(q);
    }
    if ("s3".equals(service) || "unknown".equals(service)
        || DATA_PLANE.contains(key(service, operation))) {
      return Optional.empty();
    }
    if ("events".equals(service)) {
      return Optional.of(new Quota(service, operation, List.of(Limit.perAccount(50)), true));
    }
    return Optional.of(new Quota(service, operation,
        List.of(Limit.perAccount(UNPUBLISHED_PER_SECOND)), false));
  }

  /** The operations the table names explicitly, in table order. */
  public static List<Quota> listed() {
    return List.copyOf(TABLE.values());
  }

  private static void perAccount(String service, double perSecond, String... operations) {
    for (String op : operations) {
      put(service, op, Limit.perAccount(perSecond));
    }
  }

  private static void put(String service, String operation, Limit... limits) {
    TABLE.put(key(service, operation), new Quota(service, operation, List.of(limits), true));
  }

  private static String key(String service, String operation) {
    return service + "." + operation;
  }
}
