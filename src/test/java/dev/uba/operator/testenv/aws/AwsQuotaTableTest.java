package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented figures the quota mode enforces. */
class AwsQuotaTableTest {

  /** IAM action prefixes of deploy/iam-policy.json to SigV4 signing names. */
  private static final Map<String, String> SIGNING_NAMES = Map.ofEntries(
      Map.entry("kinesis", "kinesis"), Map.entry("es", "es"), Map.entry("iam", "iam"),
      Map.entry("cloudwatch", "monitoring"), Map.entry("logs", "logs"), Map.entry("sns", "sns"),
      Map.entry("events", "events"), Map.entry("firehose", "firehose"), Map.entry("personalize", "personalize"),
      Map.entry("sts", "sts"), Map.entry("tag", "tagging"));

  private static double rate(String service, String operation) {
    return AwsQuotaTable.of(service, operation).orElseThrow().perSecond();
  }

  @Test
  void theFiguresOfTheIssueAreThoseOfAwsDocumentation() {
    assertThat(rate("kinesis", "CreateStream")).isEqualTo(5);
    assertThat(rate("kinesis", "ListTagsForStream")).isEqualTo(5);
    assertThat(rate("kinesis", "DescribeStreamSummary")).isEqualTo(20);
    assertThat(rate("kinesis", "DescribeStream")).isEqualTo(10);
    assertThat(rate("monitoring", "PutMetricAlarm")).isEqualTo(3);
    assertThat(rate("monitoring", "DescribeAlarms")).isEqualTo(9);
    assertThat(rate("monitoring", "GetMetricData")).isEqualTo(500);
    assertThat(rate("sns", "ListTagsForResource")).isEqualTo(10);
    assertThat(rate("sns", "Subscribe")).isEqualTo(100);
    assertThat(rate("logs", "CreateLogGroup")).isEqualTo(10);
    assertThat(rate("logs", "PutMetricFilter")).isEqualTo(5);
    assertThat(rate("events", "PutRule")).isEqualTo(50);
    assertThat(rate("firehose", "DescribeDeliveryStream")).isEqualTo(5);
  }

  @Test
  void perStreamQuotasAreSharedByCallsOnOneStreamOnly() {
    AwsQuotaTable.Quota retention =
        AwsQuotaTable.of("kinesis", "IncreaseStreamRetentionPeriod").orElseThrow();
    assertThat(retention.limits()).extracting(AwsQuotaTable.Limit::scope)
        .containsExactly(AwsQuotaTable.Scope.STREAM);

    AwsQuotaTable.Quota mode = AwsQuotaTable.of("kinesis", "UpdateStreamMode").orElseThrow();
    assertThat(mode.limits().get(0).burst()).as("two switches a day").isEqualTo(2);

    AwsQuotaTable.Quota scaling = AwsQuotaTable.of("kinesis", "UpdateShardCount").orElseThrow();
    assertThat(scaling.limits()).extracting(AwsQuotaTable.Limit::scope)
        .containsExactly(AwsQuotaTable.Scope.ACCOUNT, AwsQuotaTable.Scope.STREAM);
    assertThat(scaling.perSecond()).isEqualTo(10);
  }

  @Test
  void whatAwsDoesNotPublishIsAnAssumptionAndSaysSo() {
    AwsQuotaTable.Quota createRole = AwsQuotaTable.of("iam", "CreateRole").orElseThrow();
    assertThat(createRole.published()).isFalse();
    assertThat(createRole.perSecond()).isEqualTo(AwsQuotaTable.UNPUBLISHED_PER_SECOND);
    assertThat(AwsQuotaTable.of("es", "DescribeDomain").orElseThrow().published()).isFalse();
    assertThat(AwsQuotaTable.of("kinesis", "CreateStream").orElseThrow().published()).isTrue();
  }

  @Test
  void dataPlanesAndS3HaveNoPerAccountCallRate() {
    assertThat(AwsQuotaTable.of("kinesis", "PutRecords")).isEmpty();
    assertThat(AwsQuotaTable.of("firehose", "PutRecordBatch")).isEmpty();
    assertThat(AwsQuotaTable.of("s3", "PUT /bucket")).isEmpty();
  }

  @Test
  void everyControlPlaneActionTheOperatorMayCallHasAQuota() throws IOException {
    JsonNode policy = new ObjectMapper().readTree(Path.of("deploy/iam-policy.json").toFile());
    List<String> missing = new ArrayList<>();
    for (JsonNode statement : policy.get("Statement")) {
      JsonNode actions = statement.get("Action");
      for (JsonNode action : actions.isArray() ? actions : List.of(actions)) {
        String[] parts = action.asText().split(":");
        if (parts[0].equals("s3") || parts[1].equals("PassRole")) {
          continue; // S3: per-prefix rates; PassRole is a permission, not a call
        }
        String service = SIGNING_NAMES.get(parts[0]);
        if (service == null || AwsQuotaTable.of(service, parts[1]).isEmpty()) {
          missing.add(action.asText());
        }
      }
    }

    assertThat(missing).isEmpty();
  }
}
