package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.packaging.IamPolicyEvaluator.Decision;
import dev.uba.operator.packaging.IamPolicyEvaluator.Request;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/iam-policy.json is least privilege, proven without AWS by {@link IamPolicyEvaluator}: every
 * call the code makes (the actions {@link IamPolicyTest} finds in the sources), on the ARNs and with
 * the tags it makes it with, is allowed; the same calls on what the operator did not create are not.
 *
 * <p>The condition keys each request carries are those the Service Authorization Reference lists for
 * the action: {@code aws:RequestTag/...} where a create takes tags, {@code aws:ResourceTag/...}
 * where the resource type has it (Kinesis streams, OpenSearch domains, IAM roles and policies,
 * CloudWatch alarms, SNS topics, log groups, EventBridge rules; not Firehose delivery streams,
 * Personalize resources or S3 buckets, whose statements are pinned to the account and region instead),
 * {@code iam:PermissionsBoundary}, {@code iam:PassedToService}, {@code iam:PolicyARN}, and the global
 * {@code aws:RequestedRegion} and (S3) {@code aws:ResourceAccount}.
 */
class IamLeastPrivilegeTest {
  static final Path BOUNDARY = Path.of("deploy/permissions-boundary.json");
  static final String ACCOUNT = "123456789012";
  static final String REGION = "eu-west-1";
  static final Map<String, String> PLACEHOLDERS = Map.of("Partition", "aws", "AccountId", ACCOUNT, "Region", REGION);
  static final String BOUNDARY_ARN = "arn:aws:iam::" + ACCOUNT + ":policy/uba-operator-boundary";

  static final String MANAGED_BY = "uba.dev/managed-by";
  static final String STREAM = arn("kinesis", "stream/analytics-clicks");
  static final String DOMAIN = arn("es", "domain/analytics-clicks");
  static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/uba/analytics-clicks-ingest";
  static final String MODEL_ROLE = "arn:aws:iam::" + ACCOUNT + ":role/uba/analytics-recs-personalize";
  static final String POLICY = "arn:aws:iam::" + ACCOUNT + ":policy/uba/analytics-clicks-producer";
  static final String DELIVERY = arn("firehose", "deliverystream/analytics-clicks");
  static final String ALARM = arn("cloudwatch", "alarm:analytics-traffic-drop");
  static final String TOPIC = arn("sns", "analytics-traffic-drop");
  static final String LOG_GROUP = arn("logs", "log-group:/aws/kinesisfirehose/analytics-clicks");
  static final String RULE = arn("events", "rule/analytics-traffic-drop-state");
  static final String BUCKET = "arn:aws:s3:::analytics-clicks-0a1b2c3d";

  private static IamPolicyEvaluator policy;

  static String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + resource;
  }

  @BeforeAll
  static void readPolicy() throws IOException {
    policy = IamPolicyEvaluator.of(new ObjectMapper().readTree(IamPolicyTest.POLICY.toFile()), PLACEHOLDERS);
  }

  /** One request the code makes, with the keys AWS evaluates for it. */
  private static Request call(String action, String resource, Map<String, String> keys) {
    Map<String, String> context = new HashMap<>(keys);
    context.put("aws:RequestedRegion", REGION);
    return new Request(action, resource, context);
  }

  private static Map<String, String> created() {
    return Map.of("aws:RequestTag/" + MANAGED_BY, "uba-operator");
  }

  private static Map<String, String> owned() {
    return Map.of("aws:ResourceTag/" + MANAGED_BY, "uba-operator");
  }

  private static Map<String, String> with(Map<String, String> a, String key, String value) {
    Map<String, String> out = new HashMap<>(a);
    out.put(key, value);
    return out;
  }

  private static final Map<String, String> NONE = Map.of();
  private static final Map<String, String> IN_ACCOUNT = Map.of("aws:ResourceAccount", ACCOUNT);

  /** Every call the code makes, on a resource it makes it on; several where the code has several cases. */
  static List<Request> callsOfTheCode() {
    List<Request> calls = new ArrayList<>();
    calls.add(call("sts:GetCallerIdentity", "*", NONE));
    calls.add(call("tag:GetResources", "*", NONE));
    calls.add(call("iam:ListPolicies", "*", NONE));
    for (String read : List.of("DescribeStreamSummary", "ListTagsForStream")) {
      calls.add(call("kinesis:" + read, STREAM, NONE));
    }
    calls.add(call("kinesis:CreateStream", STREAM, created()));
    for (String write : List.of("AddTagsToStream", "RemoveTagsFromStream", "DecreaseStreamRetentionPeriod",
        "IncreaseStreamRetentionPeriod", "StartStreamEncryption", "StopStreamEncryption", "UpdateShardCount",
        "UpdateStreamMode", "DeleteStream")) {
      calls.add(call("kinesis:" + write, STREAM, owned()));
    }
    for (String read : List.of("DescribeDomains", "ListTags")) {
      calls.add(call("es:" + read, DOMAIN, NONE));
    }
    calls.add(call("es:CreateDomain", DOMAIN, created()));
    for (String write : List.of("AddTags", "RemoveTags", "UpdateDomainConfig", "UpgradeDomain", "DeleteDomain")) {
      calls.add(call("es:" + write, DOMAIN, owned()));
    }
    // IAM: a role or policy is read by name before it exists (no path in the ARN), or as created.
    for (String target : List.of(ROLE, "arn:aws:iam::" + ACCOUNT + ":role/analytics-clicks-ingest")) {
      calls.add(call("iam:GetRole", target, NONE));
      calls.add(call("iam:GetRolePolicy", target, NONE));
    }
    for (String target : List.of(POLICY, "arn:aws:iam::" + ACCOUNT + ":policy/analytics-clicks-producer")) {
      calls.add(call("iam:GetPolicy", target, NONE));
      calls.add(call("iam:GetPolicyVersion", target, NONE));
      calls.add(call("iam:ListPolicyTags", target, NONE));
    }
    calls.add(call("iam:CreateRole", ROLE, with(created(), "iam:PermissionsBoundary", BOUNDARY_ARN)));
    calls.add(call("iam:PutRolePolicy", ROLE, with(owned(), "iam:PermissionsBoundary", BOUNDARY_ARN)));
    calls.add(call("iam:PutRolePermissionsBoundary", ROLE, with(owned(), "iam:PermissionsBoundary", BOUNDARY_ARN)));
    for (String write : List.of("UpdateAssumeRolePolicy", "TagRole", "UntagRole", "DeleteRolePolicy",
        "ListRolePolicies", "ListAttachedRolePolicies", "ListInstanceProfilesForRole", "DeleteRole")) {
      calls.add(call("iam:" + write, ROLE, owned()));
    }
    // Deleting the operator's role: whatever someone attached to it goes first.
    calls.add(call("iam:DetachRolePolicy", ROLE,
        with(owned(), "iam:PolicyARN", "arn:aws:iam::aws:policy/ReadOnlyAccess")));
    calls.add(call("iam:RemoveRoleFromInstanceProfile", "arn:aws:iam::" + ACCOUNT + ":instance-profile/app", NONE));
    calls.add(call("iam:CreatePolicy", POLICY, created()));
    for (String write : List.of("CreatePolicyVersion", "DeletePolicyVersion", "ListPolicyVersions",
        "ListEntitiesForPolicy", "TagPolicy", "UntagPolicy", "DeletePolicy")) {
      calls.add(call("iam:" + write, POLICY, owned()));
    }
    // Deleting the producer policy: detached from the applications' roles, users and groups.
    calls.add(call("iam:DetachRolePolicy", "arn:aws:iam::" + ACCOUNT + ":role/app", Map.of("iam:PolicyARN", POLICY)));
    calls.add(call("iam:DetachUserPolicy", "arn:aws:iam::" + ACCOUNT + ":user/app", Map.of("iam:PolicyARN", POLICY)));
    calls.add(call("iam:DetachGroupPolicy", "arn:aws:iam::" + ACCOUNT + ":group/apps", Map.of("iam:PolicyARN", POLICY)));
    calls.add(call("iam:PassRole", ROLE, Map.of("iam:PassedToService", "firehose.amazonaws.com")));
    calls.add(call("iam:PassRole", MODEL_ROLE, Map.of("iam:PassedToService", "personalize.amazonaws.com")));
    for (String read : List.of("DescribeDeliveryStream", "ListTagsForDeliveryStream")) {
      calls.add(call("firehose:" + read, DELIVERY, NONE));
    }
    calls.add(call("firehose:CreateDeliveryStream", DELIVERY, created()));
    for (String write : List.of("UpdateDestination", "TagDeliveryStream", "UntagDeliveryStream", "DeleteDeliveryStream")) {
      calls.add(call("firehose:" + write, DELIVERY, NONE));
    }
    calls.add(call("cloudwatch:GetMetricData", "*", NONE));
    for (String read : List.of("DescribeAlarms", "ListTagsForResource")) {
      calls.add(call("cloudwatch:" + read, ALARM, NONE));
    }
    calls.add(call("cloudwatch:PutMetricAlarm", ALARM, created()));
    for (String write : List.of("PutMetricAlarm", "TagResource", "UntagResource", "DeleteAlarms")) {
      calls.add(call("cloudwatch:" + write, ALARM, owned()));
    }
    for (String read : List.of("GetTopicAttributes", "ListSubscriptionsByTopic", "ListTagsForResource")) {
      calls.add(call("sns:" + read, TOPIC, NONE));
    }
    calls.add(call("sns:CreateTopic", TOPIC, created()));
    for (String write : List.of("SetTopicAttributes", "TagResource", "UntagResource", "DeleteTopic")) {
      calls.add(call("sns:" + write, TOPIC, owned()));
    }
    // An existing topicArn (its uba.dev/allow-namespaces tag is checked by the operator first).
    String existingTopic = arn("sns", "team-alerts");
    calls.add(call("sns:Subscribe", existingTopic, NONE));
    calls.add(call("sns:Unsubscribe", existingTopic, NONE));
    for (String read : List.of("DescribeLogGroups", "DescribeMetricFilters", "ListTagsForResource")) {
      calls.add(call("logs:" + read, LOG_GROUP, NONE));
    }
    calls.add(call("logs:CreateLogGroup", LOG_GROUP, created()));
    for (String write : List.of("PutRetentionPolicy", "TagResource", "UntagResource", "DeleteLogGroup")) {
      calls.add(call("logs:" + write, LOG_GROUP, owned()));
    }
    String appLogs = arn("logs", "log-group:/app/web");
    calls.add(call("logs:PutMetricFilter", appLogs, NONE));
    calls.add(call("logs:DeleteMetricFilter", appLogs, NONE));
    for (String read : List.of("DescribeRule", "ListTagsForResource", "ListTargetsByRule")) {
      calls.add(call("events:" + read, RULE, NONE));
    }
    calls.add(call("events:PutRule", RULE, created()));
    for (String write : List.of("PutRule", "PutTargets", "RemoveTargets", "TagResource", "UntagResource", "DeleteRule")) {
      calls.add(call("events:" + write, RULE, owned()));
    }
    personalize(calls);
    calls.add(call("s3:CreateBucket", BUCKET, NONE));
    for (String write : List.of("DeleteBucket", "GetBucketOwnershipControls", "GetBucketPolicy",
        "GetBucketPublicAccessBlock", "GetBucketTagging", "GetEncryptionConfiguration", "GetLifecycleConfiguration",
        "ListBucket", "ListBucketVersions", "PutBucketOwnershipControls", "PutBucketPolicy",
        "PutBucketPublicAccessBlock", "PutBucketTagging", "PutEncryptionConfiguration", "PutLifecycleConfiguration")) {
      calls.add(call("s3:" + write, BUCKET, IN_ACCOUNT));
    }
    calls.add(call("s3:DeleteObject", BUCKET + "/events/2026/01/01/x.gz", IN_ACCOUNT));
    calls.add(call("s3:DeleteObjectVersion", BUCKET + "/events/2026/01/01/x.gz", IN_ACCOUNT));
    return calls;
  }

  private static void personalize(List<Request> calls) {
    String group = arn("personalize", "dataset-group/analytics-recs");
    Map<String, String> resources = Map.of(
        "Campaign", arn("personalize", "campaign/analytics-recs"),
        "Dataset", arn("personalize", "dataset/analytics-recs/INTERACTIONS"),
        "DatasetGroup", group,
        "DatasetImportJob", arn("personalize", "dataset-import-job/analytics-recs-1"),
        "EventTracker", arn("personalize", "event-tracker/abc123"),
        "Solution", arn("personalize", "solution/analytics-recs"),
        "SolutionVersion", arn("personalize", "solution/analytics-recs/1a2b3c4d"),
        "Schema", arn("personalize", "schema/analytics-recs-interactions"));
    resources.forEach((type, arn) -> {
      calls.add(call("personalize:Describe" + type, arn, NONE));
      boolean tagged = !type.equals("Schema");
      calls.add(call("personalize:Create" + type, arn, tagged ? created() : NONE));
      if (!type.equals("DatasetImportJob") && !type.equals("SolutionVersion")) {
        calls.add(call("personalize:Delete" + type, arn, NONE));
      }
    });
    calls.add(call("personalize:GetSolutionMetrics", resources.get("SolutionVersion"), NONE));
    calls.add(call("personalize:StopSolutionVersionCreation", resources.get("SolutionVersion"), NONE));
    calls.add(call("personalize:UpdateCampaign", resources.get("Campaign"), NONE));
    calls.add(call("personalize:ListDatasetImportJobs", resources.get("Dataset"), NONE));
    calls.add(call("personalize:ListEventTrackers", group, NONE));
    calls.add(call("personalize:ListSolutionVersions", resources.get("Solution"), NONE));
    for (String tagging : List.of("ListTagsForResource", "TagResource", "UntagResource")) {
      calls.add(call("personalize:" + tagging, group, NONE));
    }
  }

  @Test
  void theCatalogueCoversEveryActionTheCodeCalls() throws IOException {
    Set<String> catalogued = new TreeSet<>();
    callsOfTheCode().forEach(c -> catalogued.add(c.action()));
    Set<String> called = new TreeSet<>(IamPolicyTest.actionsCalledByTheCode().keySet());
    called.add("iam:PassRole");
    assertThat(catalogued).containsExactlyInAnyOrderElementsOf(called);
  }

  @Test
  void everyCallTheCodeMakesIsAllowed() {
    List<String> denied = callsOfTheCode().stream().filter(c -> !policy.allows(c))
        .map(c -> c.action() + " on " + c.resource() + " with " + new TreeSet<>(c.context().keySet())).toList();
    assertThat(denied).as("calls the policy denies").isEmpty();
  }

  @Test
  void theSameWritesOnWhatTheOperatorDidNotCreateAreDenied() {
    String foreignRole = "arn:aws:iam::" + ACCOUNT + ":role/admin";
    String foreignPolicy = "arn:aws:iam::" + ACCOUNT + ":policy/AdminAccess";
    for (String write : List.of("UpdateAssumeRolePolicy", "DeleteRolePolicy", "DeleteRole", "TagRole")) {
      assertThat(policy.allows(call("iam:" + write, foreignRole, owned()))).as(write + " outside /uba/").isFalse();
    }
    assertThat(policy.allows(call("iam:PutRolePolicy", foreignRole,
        with(owned(), "iam:PermissionsBoundary", BOUNDARY_ARN)))).as("PutRolePolicy outside /uba/").isFalse();
    assertThat(policy.allows(call("iam:CreateRole", "arn:aws:iam::" + ACCOUNT + ":role/admin2",
        with(created(), "iam:PermissionsBoundary", BOUNDARY_ARN)))).as("CreateRole outside /uba/").isFalse();
    for (String write : List.of("CreatePolicyVersion", "DeletePolicy", "DeletePolicyVersion", "TagPolicy")) {
      assertThat(policy.allows(call("iam:" + write, foreignPolicy, owned()))).as(write + " outside /uba/").isFalse();
    }
    assertThat(policy.allows(call("iam:CreatePolicyVersion", BOUNDARY_ARN, owned())))
        .as("the operator cannot rewrite its own boundary").isFalse();
    assertThat(policy.allows(call("iam:DetachRolePolicy", "arn:aws:iam::" + ACCOUNT + ":role/app",
        Map.of("iam:PolicyARN", foreignPolicy)))).as("detaching another policy from another role").isFalse();
    assertThat(policy.allows(call("iam:DetachUserPolicy", "arn:aws:iam::" + ACCOUNT + ":user/app",
        Map.of("iam:PolicyARN", foreignPolicy)))).isFalse();
    assertThat(policy.allows(call("iam:UpdateAssumeRolePolicy", ROLE, NONE)))
        .as("a /uba/ role without the operator's tag").isFalse();

    for (String write : List.of("DeleteStream", "UpdateShardCount", "AddTagsToStream", "StopStreamEncryption")) {
      assertThat(policy.allows(call("kinesis:" + write, STREAM, NONE))).as(write + " of an untagged stream").isFalse();
      assertThat(policy.allows(call("kinesis:" + write, STREAM, Map.of("aws:ResourceTag/" + MANAGED_BY, "someone"))))
          .as(write + " of another's stream").isFalse();
    }
    assertThat(policy.allows(call("kinesis:CreateStream", STREAM, NONE))).as("an untagged create").isFalse();
    assertThat(policy.allows(call("es:DeleteDomain", DOMAIN, NONE))).isFalse();
    assertThat(policy.allows(call("es:UpdateDomainConfig", DOMAIN, NONE))).isFalse();
    assertThat(policy.allows(call("sns:SetTopicAttributes", arn("sns", "team-alerts"), NONE)))
        .as("another team's topic policy").isFalse();
    assertThat(policy.allows(call("sns:DeleteTopic", arn("sns", "team-alerts"), NONE))).isFalse();
    assertThat(policy.allows(call("cloudwatch:DeleteAlarms", ALARM, NONE))).isFalse();
    assertThat(policy.allows(call("cloudwatch:PutMetricAlarm", ALARM, NONE))).as("overwriting another's alarm").isFalse();
    assertThat(policy.allows(call("events:PutTargets", RULE, NONE))).isFalse();
    assertThat(policy.allows(call("logs:DeleteLogGroup", LOG_GROUP, NONE))).isFalse();
  }

  @Test
  void createRoleAndPutRolePolicyNeedTheBoundary() {
    assertThat(policy.allows(call("iam:CreateRole", ROLE, created()))).as("no boundary").isFalse();
    assertThat(policy.allows(call("iam:CreateRole", ROLE,
        with(created(), "iam:PermissionsBoundary", "arn:aws:iam::" + ACCOUNT + ":policy/AdministratorAccess"))))
        .as("another boundary").isFalse();
    assertThat(policy.allows(call("iam:PutRolePolicy", ROLE, owned()))).as("a role without the boundary").isFalse();
    assertThat(policy.allows(call("iam:PutRolePermissionsBoundary", ROLE,
        with(owned(), "iam:PermissionsBoundary", "arn:aws:iam::aws:policy/AdministratorAccess")))).isFalse();
  }

  @Test
  void passRoleOnlyOfUbaRolesAndOnlyToFirehoseAndPersonalize() {
    assertThat(policy.allows(call("iam:PassRole", "arn:aws:iam::" + ACCOUNT + ":role/admin",
        Map.of("iam:PassedToService", "personalize.amazonaws.com")))).as("another role").isFalse();
    assertThat(policy.allows(call("iam:PassRole", ROLE, Map.of("iam:PassedToService", "ec2.amazonaws.com"))))
        .as("another service").isFalse();
    assertThat(policy.allows(call("iam:PassRole", ROLE, NONE))).isFalse();
    assertThat(policy.allows(call("iam:PassRole", "arn:aws:iam::210987654321:role/uba/x",
        Map.of("iam:PassedToService", "firehose.amazonaws.com")))).as("another account").isFalse();
  }

  @Test
  void everyArnIsPinnedToTheAccountAndRegion() throws IOException {
    String elsewhere = "arn:aws:kinesis:us-east-1:" + ACCOUNT + ":stream/analytics-clicks";
    assertThat(policy.allows(call("kinesis:CreateStream", elsewhere, created()))).as("another region").isFalse();
    assertThat(policy.allows(call("kinesis:DescribeStreamSummary",
        "arn:aws:kinesis:" + REGION + ":210987654321:stream/s", NONE))).as("another account").isFalse();
    assertThat(policy.allows(call("personalize:DeleteDatasetGroup",
        "arn:aws:personalize:us-east-1:" + ACCOUNT + ":dataset-group/g", NONE))).isFalse();
    Request s3 = new Request("s3:PutBucketPolicy", BUCKET, Map.of("aws:RequestedRegion", "us-east-1",
        "aws:ResourceAccount", ACCOUNT));
    assertThat(policy.allows(s3)).as("S3 in another region").isFalse();
    assertThat(policy.allows(call("s3:PutBucketPolicy", BUCKET, Map.of("aws:ResourceAccount", "210987654321"))))
        .as("a bucket of another account").isFalse();

    JsonNode document = new ObjectMapper().readTree(IamPolicyTest.POLICY.toFile());
    List<String> wildcards = new ArrayList<>();
    for (JsonNode statement : document.path("Statement")) {
      List<String> resources = new ArrayList<>();
      statement.path("Resource").forEach(r -> resources.add(r.asText()));
      if (statement.path("Resource").isTextual()) {
        resources.add(statement.path("Resource").asText());
      }
      for (String resource : resources) {
        if (resource.equals("*")) {
          wildcards.add(statement.path("Sid").asText());
        } else if (!resource.startsWith("arn:${Partition}:s3:::")) {
          assertThat(resource).as(statement.path("Sid").asText()).contains(":${AccountId}:");
          if (!resource.contains(":iam::")) {
            assertThat(resource).as(statement.path("Sid").asText()).contains(":${Region}:");
          }
        }
      }
    }
    // AWS offers nothing narrower for these: no resource types (Service Authorization Reference).
    assertThat(wildcards).containsExactlyInAnyOrder("AccountOfTheCredentials", "ReadTagsOfManyResourcesAtOnce",
        "ListPoliciesOfManyPoliciesAtOnce", "MetricsOfThePipelines");
  }

  @Test
  void theBoundaryGrantsWhatTheRolesNeedAndNoIam() throws IOException {
    JsonNode boundary = new ObjectMapper().readTree(BOUNDARY.toFile());
    IamPolicyEvaluator capped = IamPolicyEvaluator.of(boundary, PLACEHOLDERS);
    for (String action : List.of("kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:DescribeStream",
        "kinesis:ListShards")) {
      assertThat(capped.allows(call(action, STREAM, NONE))).as(action).isTrue();
    }
    for (String action : List.of("es:ESHttpPost", "es:ESHttpPut", "es:ESHttpGet")) {
      assertThat(capped.allows(call(action, DOMAIN + "/uba-events-2026-01-01/_bulk", NONE))).as(action).isTrue();
    }
    assertThat(capped.allows(call("es:ESHttpDelete", DOMAIN + "/uba-events-2026-01-01", NONE))).isFalse();
    assertThat(capped.allows(call("s3:PutObject", BUCKET + "/backup/x.gz", NONE))).isTrue();
    assertThat(capped.allows(call("s3:GetObject", "arn:aws:s3:::training-data/interactions/a.csv", NONE))).isTrue();
    assertThat(capped.allows(call("s3:DeleteObject", BUCKET + "/backup/x.gz", NONE))).isFalse();
    assertThat(capped.allows(call("logs:PutLogEvents", LOG_GROUP + ":log-stream:DestinationDelivery", NONE))).isTrue();
    List<String> actions = new ArrayList<>();
    boundary.path("Statement").forEach(s -> s.path("Action").forEach(a -> actions.add(a.asText())));
    assertThat(actions).noneMatch(a -> a.startsWith("iam:") || a.startsWith("sts:") || a.contains("*"));
  }

  @Test
  void theEvaluatorCanSayNo() {
    JsonNode doc = json("""
        {"Version":"2012-10-17","Statement":[
          {"Effect":"Allow","Action":["s3:Get*","kinesis:DescribeStream?ummary"],"Resource":"arn:aws:s3:::b/${Prefix}*"},
          {"Effect":"Allow","Action":"iam:PassRole","Resource":"arn:aws:iam::1:role/uba/*",
           "Condition":{"StringEquals":{"iam:PassedToService":["a.amazonaws.com","b.amazonaws.com"]},
                        "ArnLike":{"aws:SourceArn":"arn:aws:x:*:1:*"}}},
          {"Effect":"Allow","Action":"sns:*","Resource":"*","Condition":{"StringLike":{"aws:ResourceTag/team":"gr*"}}},
          {"Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/logs/secret*"}]}
        """);
    IamPolicyEvaluator e = IamPolicyEvaluator.of(doc, Map.of("Prefix", "logs/"));
    assertThat(e.evaluate(new Request("s3:GetObject", "arn:aws:s3:::b/logs/a", Map.of()))).isEqualTo(Decision.ALLOW);
    assertThat(e.evaluate(new Request("S3:getobject", "arn:aws:s3:::b/logs/a", Map.of())))
        .as("actions are case-insensitive").isEqualTo(Decision.ALLOW);
    assertThat(e.evaluate(new Request("s3:GetObject", "arn:aws:s3:::B/logs/a", Map.of())))
        .as("resources are case-sensitive").isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(e.evaluate(new Request("s3:GetObject", "arn:aws:s3:::b/other", Map.of())))
        .as("the placeholder was substituted").isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(e.evaluate(new Request("s3:PutObject", "arn:aws:s3:::b/logs/a", Map.of()))).isEqualTo(Decision.IMPLICIT_DENY);
    assertThat(e.evaluate(new Request("s3:GetObject", "arn:aws:s3:::b/logs/secret.txt", Map.of())))
        .as("an explicit deny wins").isEqualTo(Decision.EXPLICIT_DENY);
    assertThat(e.allows(new Request("kinesis:DescribeStreamSummary", "arn:aws:s3:::b/logs/", Map.of()))).isTrue();
    assertThat(e.allows(new Request("kinesis:DescribeStreamXXummary", "arn:aws:s3:::b/logs/", Map.of())))
        .as("? is one character").isFalse();

    Map<String, String> good = Map.of("iam:PassedToService", "b.amazonaws.com", "aws:SourceArn", "arn:aws:x:eu:1:thing");
    assertThat(e.allows(new Request("iam:PassRole", "arn:aws:iam::1:role/uba/r", good))).isTrue();
    assertThat(e.allows(new Request("iam:PassRole", "arn:aws:iam::1:role/r", good))).as("resource").isFalse();
    assertThat(e.allows(new Request("iam:PassRole", "arn:aws:iam::1:role/uba/r",
        Map.of("iam:PassedToService", "c.amazonaws.com", "aws:SourceArn", "arn:aws:x:eu:1:thing")))).isFalse();
    assertThat(e.allows(new Request("iam:PassRole", "arn:aws:iam::1:role/uba/r",
        Map.of("iam:PassedToService", "a.amazonaws.com")))).as("every operator must hold; a missing key fails").isFalse();
    assertThat(e.allows(new Request("sns:Publish", "arn:aws:sns:eu:1:t", Map.of("aws:ResourceTag/team", "growth"))))
        .isTrue();
    assertThat(e.allows(new Request("sns:Publish", "arn:aws:sns:eu:1:t", Map.of("aws:ResourceTag/team", "ops"))))
        .isFalse();
    assertThat(e.allows(new Request("sns:Publish", "arn:aws:sns:eu:1:t", Map.of()))).isFalse();
  }

  @Test
  void theEvaluatorRefusesWhatItCannotEvaluate() {
    assertThatThrownBy(() -> IamPolicyEvaluator.of(json("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*",
          "Condition":{"StringNotEquals":{"aws:RequestedRegion":"x"}}}]}"""), Map.of()))
        .hasMessageContaining("StringNotEquals");
    assertThatThrownBy(() -> IamPolicyEvaluator.of(json("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotAction":"s3:*","Resource":"*"}]}"""), Map.of()))
        .hasMessageContaining("NotAction");
    assertThatThrownBy(() -> IamPolicyEvaluator.of(json("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:${Nope}"}]}"""),
        Map.of())).hasMessageContaining("${Nope}");
    assertThatThrownBy(() -> IamPolicyEvaluator.of(json("{\"Version\":\"2008-10-17\",\"Statement\":[]}"), Map.of()))
        .hasMessageContaining("Version");
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
