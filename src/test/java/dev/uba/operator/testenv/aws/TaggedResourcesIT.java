package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.ResourceTagMapping;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What the local AWS answers to the Tagging API's GetResources for each resource type the operator
 * tags: the emulator's own answer covers topics, alarms, log groups and delivery streams, the
 * proxy adds Kinesis streams and EventBridge rules; OpenSearch domains are not listed (the
 * operator reads their tags with ListTags).
 */
class TaggedResourcesIT {
  private static final Map<String, String> OURS = Map.of("uba.dev/managed-by", "uba-operator", "uba.dev/owner", "ns/x");

  private static LocalAws aws;
  private static ResourceGroupsTaggingApiClient tagging;
  private static KinesisClient kinesis;
  private static SnsClient sns;
  private static CloudWatchClient cloudWatch;
  private static CloudWatchLogsClient logs;
  private static EventBridgeClient events;
  private static FirehoseClient firehose;
  private static OpenSearchClient openSearch;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    tagging = TestClients.tagging(aws.endpoint(), false);
    kinesis = TestClients.kinesis(aws.endpoint(), false);
    sns = TestClients.sns(aws.endpoint(), false);
    cloudWatch = TestClients.cloudWatch(aws.endpoint(), false);
    logs = TestClients.logs(aws.endpoint(), false);
    events = TestClients.events(aws.endpoint(), false);
    firehose = TestClients.firehose(aws.endpoint(), false);
    openSearch = TestClients.openSearch(aws.endpoint(), false);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : List.<AutoCloseable>of(tagging, kinesis, sns, cloudWatch, logs, events, firehose, openSearch)) {
      try {
        c.close();
      } catch (Exception ignored) {
        // closing test clients
      }
    }
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
    aws.lifecycle().instant();
  }

  @Test
  void getResourcesListsEveryTaggedTypeButDomainsWithTheirTags() {
    kinesis.createStream(r -> r.streamName("clicks").shardCount(1).tags(OURS));
    kinesis.createStream(r -> r.streamName("untagged").shardCount(1));
    sns.createTopic(r -> r.name("alerts").tags(t -> t.key("uba.dev/managed-by").value("uba-operator"),
        t -> t.key("uba.dev/owner").value("ns/x")));
    cloudWatch.putMetricAlarm(r -> r.alarmName("spikes").namespace("n").metricName("m").statistic("Sum").period(60)
        .evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold")
        .tags(t -> t.key("uba.dev/managed-by").value("uba-operator"), t -> t.key("uba.dev/owner").value("ns/x")));
    logs.createLogGroup(r -> r.logGroupName("errors").tags(OURS));
    events.putRule(r -> r.name("on-alarm").eventPattern("{\"source\":[\"aws.cloudwatch\"]}")
        .tags(t -> t.key("uba.dev/managed-by").value("uba-operator"), t -> t.key("uba.dev/owner").value("ns/x")));
    events.putRule(r -> r.name("someone-elses").eventPattern("{\"source\":[\"x\"]}")
        .tags(t -> t.key("team").value("other")));
    firehose.createDeliveryStream(r -> r.deliveryStreamName("to-s3")
        .extendedS3DestinationConfiguration(d -> d.roleARN("arn:aws:iam::123456789012:role/r")
            .bucketARN("arn:aws:s3:::some-bucket"))
        .tags(t -> t.key("uba.dev/managed-by").value("uba-operator"), t -> t.key("uba.dev/owner").value("ns/x")));
    openSearch.createDomain(r -> r.domainName("search").tagList(t -> t.key("uba.dev/managed-by").value("uba-operator")));
    aws.calls().clear();

    List<ResourceTagMapping> all = allPages(null, 2);

    assertThat(all).extracting(ResourceTagMapping::resourceARN).containsExactlyInAnyOrder(
        "arn:aws:kinesis:us-east-1:123456789012:stream/clicks",
        "arn:aws:sns:us-east-1:123456789012:alerts",
        "arn:aws:cloudwatch:us-east-1:123456789012:alarm:spikes",
        "arn:aws:logs:us-east-1:123456789012:log-group:errors",
        "arn:aws:events:us-east-1:123456789012:rule/on-alarm",
        "arn:aws:firehose:us-east-1:123456789012:deliverystream/to-s3");
    assertThat(all).allSatisfy(m -> assertThat(m.tags()).extracting(t -> t.key() + "=" + t.value())
        .containsExactlyInAnyOrder("uba.dev/managed-by=uba-operator", "uba.dev/owner=ns/x"));
    assertThat(aws.calls().count("tagging", "GetResources")).as("pages of two").isEqualTo(3);
  }

  @Test
  void aTagChangedOrAResourceDeletedShowsInTheNextAnswer() {
    kinesis.createStream(r -> r.streamName("clicks").shardCount(1).tags(OURS));
    logs.createLogGroup(r -> r.logGroupName("errors").tags(OURS));
    kinesis.addTagsToStream(r -> r.streamName("clicks").tags(Map.of("rogue", "yes")));
    logs.deleteLogGroup(r -> r.logGroupName("errors"));

    List<ResourceTagMapping> all = allPages(List.of("kinesis", "logs"), 100);

    assertThat(all).extracting(ResourceTagMapping::resourceARN)
        .containsExactly("arn:aws:kinesis:us-east-1:123456789012:stream/clicks");
    assertThat(all.get(0).tags()).extracting(t -> t.key() + "=" + t.value()).contains("rogue=yes");
  }

  private static List<ResourceTagMapping> allPages(List<String> types, int perPage) {
    List<ResourceTagMapping> all = new ArrayList<>();
    String token = null;
    do {
      String from = token;
      GetResourcesResponse page = tagging.getResources(r -> {
        r.tagFilters(f -> f.key("uba.dev/managed-by").values("uba-operator")).resourcesPerPage(perPage)
            .paginationToken(from);
        if (types != null) {
          r.resourceTypeFilters(types);
        }
      });
      all.addAll(page.resourceTagMappingList());
      token = page.paginationToken();
    } while (token != null && !token.isEmpty());
    return all;
  }
}
