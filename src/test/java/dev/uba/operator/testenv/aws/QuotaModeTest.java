package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Which calls the quota mode lets through, on a clock the test moves. */
class QuotaModeTest {

  private final AtomicLong clock = new AtomicLong();
  private final QuotaMode quotas = new QuotaMode(clock::get);

  private static AwsRequest listTags(String accessKey, String region) {
    return WireRequests.json(accessKey, region, "kinesis", "Kinesis_20131202", "ListTagsForStream",
        "{\"StreamName\":\"s\"}");
  }

  private int admitted(AwsRequest req, int calls) {
    int n = 0;
    for (int i = 0; i < calls; i++) {
      n += quotas.admit(req) ? 1 : 0;
    }
    return n;
  }

  @Test
  void offByDefaultEverythingPasses() {
    assertThat(quotas.isEnabled()).isFalse();
    assertThat(admitted(listTags("AKID", "us-east-1"), 50)).isEqualTo(50);
    assertThat(quotas.refusedTotal()).isZero();
  }

  @Test
  void aBurstOverTheQuotaIsRefusedAndCountedByOperation() {
    quotas.enable();

    assertThat(admitted(listTags("AKID", "us-east-1"), 12)).isEqualTo(5);
    assertThat(quotas.refused("kinesis", "ListTagsForStream")).isEqualTo(7);
    assertThat(quotas.refused()).containsOnlyKeys("kinesis.ListTagsForStream");

    clock.addAndGet(1_000_000_000L);
    assertThat(admitted(listTags("AKID", "us-east-1"), 12)).as("a second later").isEqualTo(5);
  }

  @Test
  void operationsAccountsAndRegionsHaveBucketsOfTheirOwn() {
    quotas.enable();
    admitted(listTags("AKID", "us-east-1"), 10);

    assertThat(admitted(listTags("OTHER", "us-east-1"), 10)).isEqualTo(5);
    assertThat(admitted(listTags("AKID", "eu-west-1"), 10)).isEqualTo(5);
    AwsRequest summary = WireRequests.json("kinesis", "Kinesis_20131202", "DescribeStreamSummary",
        "{\"StreamName\":\"s\"}");
    assertThat(admitted(summary, 30)).isEqualTo(20);
  }

  @Test
  void perStreamQuotasCountEachStreamApart() {
    quotas.enable();
    AwsRequest onA = WireRequests.json("kinesis", "Kinesis_20131202", "UpdateStreamMode",
        "{\"StreamARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/a\"}");
    AwsRequest onB = WireRequests.json("kinesis", "Kinesis_20131202", "UpdateStreamMode",
        "{\"StreamARN\":\"arn:aws:kinesis:us-east-1:123456789012:stream/b\"}");

    assertThat(admitted(onA, 3)).as("two switches a day on one stream").isEqualTo(2);
    assertThat(admitted(onB, 1)).isEqualTo(1);
    clock.addAndGet(3_600_000_000_000L);
    assertThat(admitted(onA, 1)).as("an hour later the day is not over").isZero();
  }

  @Test
  void operationsWithoutAQuotaAreNeverRefused() {
    quotas.enable();
    AwsRequest put = WireRequests.json("kinesis", "Kinesis_20131202", "PutRecords",
        "{\"StreamName\":\"s\"}");

    assertThat(admitted(put, 100)).isEqualTo(100);
  }

  @Test
  void clearingTurnsTheModeOffAndForgetsTheCounts() {
    quotas.enable();
    admitted(listTags("AKID", "us-east-1"), 10);

    quotas.clear();

    assertThat(quotas.isEnabled()).isFalse();
    assertThat(quotas.refusedTotal()).isZero();
    quotas.enable();
    assertThat(admitted(listTags("AKID", "us-east-1"), 10)).as("buckets full again").isEqualTo(5);
  }
}
