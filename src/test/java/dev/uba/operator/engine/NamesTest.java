package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NamesTest {
  private static final String KIND = "UbaPipeline";

  /** The contract's hash, computed here independently of the code under test. */
  private static String hash8(String namespace, String kindLowerCase, String name) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest((namespace + "/" + kindLowerCase + "/" + name).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 8);
  }

  @Test
  void ownerIdIsNamespaceKindLowerCaseName() {
    assertThat(Names.ownerId("default", "UbaPipeline", "clickstream")).isEqualTo("default/ubapipeline/clickstream");
    assertThat(Names.ownerId("analytics", "AnomalyAlert", "spikes")).isEqualTo("analytics/anomalyalert/spikes");
  }

  @Test
  void shortNamesAreNamespaceDashNamePlusSuffix() {
    assertThat(Names.awsName(Names.KINESIS_STREAM, "analytics", KIND, "clickstream", ""))
        .isEqualTo("analytics-clickstream");
    assertThat(Names.awsName(Names.IAM_ROLE, "analytics", KIND, "clickstream", "-ingest"))
        .isEqualTo("analytics-clickstream-ingest");
    assertThat(Names.awsName(Names.IAM_POLICY, "analytics", KIND, "clickstream", "-producer"))
        .isEqualTo("analytics-clickstream-producer");
    assertThat(Names.openSearchDomain("analytics", KIND, "clickstream")).isEqualTo("analytics-clickstream");
  }

  @Test
  void charactersTheAwsNameDoesNotAllowBecomeDashes() {
    assertThat(Names.awsName(Names.KINESIS_STREAM, "ns", KIND, "a b:c/d", "")).isEqualTo("ns-a-b-c-d");
    // Kinesis allows '.', '_' and '-'
    assertThat(Names.awsName(Names.KINESIS_STREAM, "ns", KIND, "web.app_1", "")).isEqualTo("ns-web.app_1");
    // IAM allows + = , . @ _ -
    assertThat(Names.awsName(Names.IAM_ROLE, "ns", KIND, "a+b=c,d.e@f_g", "")).isEqualTo("ns-a+b=c,d.e@f_g");
    assertThat(Names.awsName(Names.IAM_ROLE, "ns", KIND, "a:b/c", "-ingest")).isEqualTo("ns-a-b-c-ingest");
    assertThat(Names.awsName(Names.IAM_POLICY, "ns", KIND, "a*b", "-producer")).isEqualTo("ns-a-b-producer");
    // OpenSearch allows only [a-z0-9-]: dots of Kubernetes names become dashes
    assertThat(Names.openSearchDomain("ns", KIND, "web.app_1")).isEqualTo("ns-web-app-1");
  }

  @Test
  void openSearchNamesAreLowerCasedAndStartWithALetter() {
    assertThat(Names.openSearchDomain("Team", KIND, "WebApp")).isEqualTo("team-webapp");
    assertThat(Names.openSearchDomain("1team", KIND, "app")).isEqualTo("u1team-app");
    assertThat(Names.openSearchDomain("team", KIND, "app")).matches("[a-z][a-z0-9-]{2,27}");
  }

  @Test
  void longKinesisNamesAreCutToExactly128AndEndInTheHash() throws Exception {
    String name = "n".repeat(200);
    String result = Names.awsName(Names.KINESIS_STREAM, "analytics", KIND, name, "");
    assertThat(result).hasSize(128);
    assertThat(result).endsWith("-" + hash8("analytics", "ubapipeline", name));
    assertThat(result).startsWith("analytics-nnnn");
    assertThat(result.substring(0, 119)).isEqualTo(("analytics-" + name).substring(0, 119));
  }

  @Test
  void longIamRoleNamesAreCutToExactly64AndEndInTheHash() throws Exception {
    String name = "clickstream-" + "x".repeat(60);
    String result = Names.awsName(Names.IAM_ROLE, "analytics", KIND, name, "-ingest");
    assertThat(result).hasSize(64);
    assertThat(result).endsWith("-" + hash8("analytics", "ubapipeline", name));
    assertThat(result).matches("[\\w+=,.@-]+");
  }

  @Test
  void aNameOfExactlyTheLimitIsKeptAsIs() {
    String name = "x".repeat(64 - "ns-".length() - "-ingest".length());
    String result = Names.awsName(Names.IAM_ROLE, "ns", KIND, name, "-ingest");
    assertThat(result).isEqualTo("ns-" + name + "-ingest").hasSize(64);
    String longer = Names.awsName(Names.IAM_ROLE, "ns", KIND, name + "y", "-ingest");
    assertThat(longer).hasSize(64).isNotEqualTo("ns-" + name + "y-ingest");
  }

  @Test
  void longIamPolicyNamesAreCutToExactly128AndEndInTheHash() throws Exception {
    String name = "p".repeat(150);
    String result = Names.awsName(Names.IAM_POLICY, "team", KIND, name, "-producer");
    assertThat(result).hasSize(128);
    assertThat(result).endsWith("-" + hash8("team", "ubapipeline", name));
  }

  @Test
  void longOpenSearchNamesAreCutToExactly28AndEndInTheHash() throws Exception {
    String name = "Clickstream-Events-Production";
    String result = Names.openSearchDomain("analytics", KIND, name);
    assertThat(result).hasSize(28);
    assertThat(result).endsWith("-" + hash8("analytics", "ubapipeline", name));
    assertThat(result).startsWith("analytics-clickst");
    assertThat(result).matches("[a-z][a-z0-9-]{2,27}");
  }

  @Test
  void longOpenSearchNamesStartingWithADigitKeepTheLeadingU() throws Exception {
    String name = "events-of-the-production-cluster";
    String result = Names.openSearchDomain("9ns", KIND, name);
    assertThat(result).hasSize(28).startsWith("u9ns-events");
    assertThat(result).endsWith("-" + hash8("9ns", "ubapipeline", name));
  }

  @Test
  void namesAreStableAcrossCalls() {
    String name = "z".repeat(100);
    assertThat(Names.awsName(Names.IAM_ROLE, "ns", KIND, name, "-ingest"))
        .isEqualTo(Names.awsName(Names.IAM_ROLE, "ns", KIND, name, "-ingest"));
    assertThat(Names.openSearchDomain("ns", KIND, name)).isEqualTo(Names.openSearchDomain("ns", KIND, name));
  }

  @Test
  void distinctObjectsWithTheSameLongPrefixGetDistinctNames() {
    String prefix = "a".repeat(120);
    String first = Names.awsName(Names.IAM_ROLE, "ns", KIND, prefix + "-one", "-ingest");
    String second = Names.awsName(Names.IAM_ROLE, "ns", KIND, prefix + "-two", "-ingest");
    assertThat(first).hasSize(64);
    assertThat(second).hasSize(64);
    assertThat(first).isNotEqualTo(second);

    assertThat(Names.openSearchDomain("ns", KIND, prefix + "1"))
        .isNotEqualTo(Names.openSearchDomain("ns", KIND, prefix + "2"));
    // same name in another namespace
    assertThat(Names.awsName(Names.KINESIS_STREAM, "ns1", KIND, prefix + prefix, ""))
        .isNotEqualTo(Names.awsName(Names.KINESIS_STREAM, "ns2", KIND, prefix + prefix, ""));
  }

  @Test
  void theHashDependsOnTheKind() {
    String name = "a".repeat(120);
    assertThat(Names.awsName(Names.IAM_ROLE, "ns", "UbaPipeline", name, ""))
        .isNotEqualTo(Names.awsName(Names.IAM_ROLE, "ns", "AnomalyAlert", name, ""));
  }

  @Test
  void alertResourceNamesFollowTheirAwsRules() throws Exception {
    String kind = "AnomalyAlert";
    assertThat(Names.awsName(Names.SNS_TOPIC, "analytics", kind, "traffic.drop", "")).isEqualTo("analytics-traffic-drop");
    assertThat(Names.awsName(Names.EVENT_RULE, "analytics", kind, "traffic.drop", "-state"))
        .isEqualTo("analytics-traffic.drop-state");
    assertThat(Names.awsName(Names.CLOUDWATCH_ALARM, "analytics", kind, "traffic.drop", ""))
        .isEqualTo("analytics-traffic.drop");
    assertThat(Names.awsName(Names.METRIC_FILTER, "analytics", kind, "traffic.drop", ""))
        .isEqualTo("analytics-traffic.drop");
    String name = "x".repeat(60);
    assertThat(Names.awsName(Names.EVENT_RULE, "analytics", kind, name, "-state"))
        .hasSize(64).endsWith("-" + hash8("analytics", "anomalyalert", name));
  }

  /** sha256 of account/region/namespace/kind/name, computed here independently of the code under test. */
  private static String bucketHash(String account, String region, String namespace, String name) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256")
        .digest((account + "/" + region + "/" + namespace + "/ubapipeline/" + name).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, 8);
  }

  @Test
  void bucketNamesAreNamespaceDashNameDashTheHashOfAccountRegionAndObject() throws Exception {
    String bucket = Names.s3Bucket("123456789012", "us-east-1", "analytics", KIND, "clickstream");
    assertThat(bucket).isEqualTo("analytics-clickstream-" + bucketHash("123456789012", "us-east-1", "analytics", "clickstream"));
    // pinned, so that a change of the formula cannot pass unnoticed: deployed buckets keep their names
    assertThat(bucket).isEqualTo("analytics-clickstream-1d4d997c");
  }

  @Test
  void bucketNamesDifferByAccountAndByRegion() {
    String here = Names.s3Bucket("123456789012", "us-east-1", "ns", KIND, "p");
    assertThat(Names.s3Bucket("210987654321", "us-east-1", "ns", KIND, "p")).isNotEqualTo(here);
    assertThat(Names.s3Bucket("123456789012", "eu-west-1", "ns", KIND, "p")).isNotEqualTo(here);
    assertThat(Names.s3Bucket("123456789012", "us-east-1", "ns", KIND, "p")).isEqualTo(here);
  }

  @Test
  void bucketNamesAreLowerCaseAndKeepOnlyWhatS3Allows() {
    assertThat(Names.s3Bucket("1", "us-east-1", "Team", KIND, "Web.App_1")).startsWith("team-web.app-1-")
        .matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  }

  @Test
  void longBucketNamesAreCutToExactly63AndStillEndInTheAccountRegionHash() throws Exception {
    String name = "clickstream-" + "x".repeat(80);
    String bucket = Names.s3Bucket("123456789012", "us-east-1", "analytics", KIND, name);
    assertThat(bucket).hasSize(63)
        .isEqualTo(("analytics-" + name).substring(0, 54) + "-" + bucketHash("123456789012", "us-east-1", "analytics", name))
        .matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    assertThat(Names.s3Bucket("123456789012", "us-east-2", "analytics", KIND, name)).hasSize(63).isNotEqualTo(bucket);
    String exact = "y".repeat(63 - "ns-".length() - 9);
    assertThat(Names.s3Bucket("1", "us-east-1", "ns", KIND, exact)).hasSize(63).startsWith("ns-" + exact + "-");
  }

  @Test
  void aCutBucketNameNeverPutsAPeriodBeforeTheHash() {
    String name = "a".repeat(50) + ".b" + "c".repeat(20);
    String bucket = Names.s3Bucket("1", "us-east-1", "ns", KIND, name);
    assertThat(bucket).hasSize(63).doesNotContain(".-").contains("a--");
  }
}
