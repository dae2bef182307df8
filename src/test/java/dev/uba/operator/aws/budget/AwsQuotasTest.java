package dev.uba.operator.aws.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsQuotasTest {

  @Test
  void theFiguresThatBindAreAwsDocumentedOnes() {
    assertThat(AwsQuotas.of("Kinesis", "CreateStream").callsPerSecond()).isEqualTo(5);
    assertThat(AwsQuotas.of("Kinesis", "DescribeStreamSummary").callsPerSecond()).isEqualTo(20);
    assertThat(AwsQuotas.of("Kinesis", "ListTagsForStream").callsPerSecond()).isEqualTo(5);
    assertThat(AwsQuotas.of("CloudWatch", "PutMetricAlarm").callsPerSecond()).isEqualTo(3);
    assertThat(AwsQuotas.of("CloudWatch", "DescribeAlarms").callsPerSecond()).isEqualTo(9);
    assertThat(AwsQuotas.of("Sns", "ListTagsForResource").callsPerSecond()).isEqualTo(10);
    assertThat(AwsQuotas.of("Sns", "ListSubscriptionsByTopic").callsPerSecond()).isEqualTo(30);
    assertThat(AwsQuotas.of("CloudWatchLogs", "PutRetentionPolicy").callsPerSecond()).isEqualTo(5);
    assertThat(AwsQuotas.of("Firehose", "DescribeDeliveryStream").callsPerSecond()).isEqualTo(5);
    assertThat(AwsQuotas.of("EventBridge", "PutRule").callsPerSecond()).isEqualTo(50);
  }

  @Test
  void everyEntryNamesItsSourceAndUnpublishedOnesSaySo() {
    for (AwsQuota q : AwsQuotas.all()) {
      assertThat(q.callsPerSecond()).as("%s %s", q.service(), q.operation()).isPositive();
      assertThat(q.source()).as("%s %s", q.service(), q.operation()).startsWith("https://docs.aws.amazon.com/");
      if (!q.published()) {
        assertThat(q.source()).as("%s %s", q.service(), q.operation()).containsIgnoringCase("assumed");
      }
    }
  }

  @Test
  void operationsWithoutAPublishedRateGetTheConservativeDefault() {
    AwsQuota getRole = AwsQuotas.of("Iam", "GetRole");
    assertThat(getRole.published()).isFalse();
    assertThat(getRole.callsPerSecond()).isEqualTo(AwsQuotas.UNPUBLISHED_READ);
    assertThat(AwsQuotas.of("Iam", "CreateRole").callsPerSecond()).isEqualTo(AwsQuotas.UNPUBLISHED_WRITE);
    assertThat(AwsQuotas.of("OpenSearch", "DescribeDomains").published()).isFalse();
    assertThat(AwsQuotas.of("Personalize", "CreateCampaign").published()).isFalse();
    assertThat(AwsQuotas.of("ResourceGroupsTaggingApi", "GetResources").callsPerSecond())
        .isEqualTo(AwsQuotas.UNPUBLISHED_READ);
    assertThat(AwsQuotas.listed("Kinesis", "NoSuchOperation")).isEmpty();
    assertThat(AwsQuotas.of("Kinesis", "NoSuchOperation").callsPerSecond()).isEqualTo(AwsQuotas.UNPUBLISHED_WRITE);
  }

  @Test
  void iamIsOneBudgetForEveryRegionAndTheOthersOnePerRegion() {
    assertThat(AwsQuotas.of("Iam", "GetRole").global()).isTrue();
    assertThat(AwsQuotas.of("Kinesis", "CreateStream").global()).isFalse();
    AwsRateBudget budget = new AwsRateBudget(0.5, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    assertThat(budget.budget("us-east-1", "Iam", "GetRole")).isSameAs(budget.budget("eu-west-1", "Iam", "GetRole"));
    assertThat(budget.budget("us-east-1", "Kinesis", "CreateStream"))
        .isNotSameAs(budget.budget("eu-west-1", "Kinesis", "CreateStream"));
    assertThat(budget.budget("us-east-1", "Kinesis", "CreateStream").targetRate()).as("half of 5/s").isEqualTo(2.5);
  }
}
