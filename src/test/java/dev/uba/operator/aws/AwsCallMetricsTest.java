package dev.uba.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AwsCallMetricsTest {
  @Test
  void readsAreDescribeListGetAndHeadCalls() {
    for (String read : new String[] {"DescribeStreamSummary", "ListTagsForStream", "GetBucketPolicy", "HeadBucket"}) {
      assertThat(AwsCallMetrics.isRead(read)).as(read).isTrue();
    }
    for (String write : new String[] {"CreateBucket", "PutBucketPolicy", "DeleteObjects", "UpdateShardCount"}) {
      assertThat(AwsCallMetrics.isRead(write)).as(write).isFalse();
    }
  }
}
