package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.Tag;

class CallLogIT {

  static {
    System.setProperty("aws.cborEnabled", "false");
  }

  private static final String TRUST_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Principal\":{\"Service\":\"firehose.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private static LocalAws aws;
  private static KinesisClient kinesis;
  private static KinesisClient kinesisDirect;
  private static IamClient iam;
  private static OpenSearchClient openSearch;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    kinesis = TestClients.kinesis(aws.endpoint(), false);
    kinesisDirect = TestClients.kinesis(aws.motoEndpoint(), false);
    iam = TestClients.iam(aws.endpoint(), false);
    openSearch = TestClients.openSearch(aws.endpoint(), false);
  }

  @AfterAll
  static void closeClients() {
    kinesis.close();
    kinesisDirect.close();
    iam.close();
    openSearch.close();
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
    aws.lifecycle().instant();
  }

  @Test
  void kinesisCallsAreNamedByTheirTargetAndCountedAsReadsOrWrites() {
    kinesis.createStream(b -> b.streamName("s").shardCount(1));
    kinesis.describeStreamSummary(b -> b.streamName("s"));
    kinesis.describeStreamSummary(b -> b.streamName("s"));
    kinesis.listStreams();
    kinesis.addTagsToStream(b -> b.streamName("s").tags(Map.of("a", "b")));

    CallLog log = aws.calls();
    assertThat(log.count("kinesis", "CreateStream")).isEqualTo(1);
    assertThat(log.count("kinesis", "DescribeStreamSummary")).isEqualTo(2);
    assertThat(log.count("kinesis", "ListStreams")).isEqualTo(1);
    assertThat(log.writes("kinesis")).isEqualTo(2);
    assertThat(log.reads("kinesis")).isEqualTo(3);
    assertThat(log.total()).isEqualTo(5);
  }

  @Test
  void iamCallsAreNamedByTheirAction() {
    iam.createRole(b -> b.roleName("role").assumeRolePolicyDocument(TRUST_POLICY));
    iam.getRole(b -> b.roleName("role"));
    iam.putRolePolicy(b -> b.roleName("role").policyName("p").policyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\"}]}"));
    iam.listRolePolicies(b -> b.roleName("role"));

    CallLog log = aws.calls();
    assertThat(log.snapshot()).extracting(CallLog.Call::service).containsOnly("iam");
    assertThat(log.snapshot()).extracting(CallLog.Call::operation)
        .containsExactly("CreateRole", "GetRole", "PutRolePolicy", "ListRolePolicies");
    assertThat(log.writes("iam")).isEqualTo(2);
    assertThat(log.reads()).isEqualTo(2);
  }

  @Test
  void openSearchCallsAreNamedByMethodAndPath() {
    String arn = openSearch.createDomain(b -> b.domainName("dom").engineVersion("OpenSearch_2.11"))
        .domainStatus().arn();
    openSearch.describeDomain(b -> b.domainName("dom"));
    openSearch.describeDomains(b -> b.domainNames("dom"));
    openSearch.describeDomainConfig(b -> b.domainName("dom"));
    openSearch.updateDomainConfig(b -> b.domainName("dom").clusterConfig(c -> c.instanceCount(2)));
    openSearch.addTags(b -> b.arn(arn).tagList(Tag.builder().key("k").value("v").build()));
    openSearch.listTags(b -> b.arn(arn));
    openSearch.removeTags(b -> b.arn(arn).tagKeys("k"));
    openSearch.listDomainNames(b -> { });
    openSearch.upgradeDomain(b -> b.domainName("dom").targetVersion("OpenSearch_2.13"));
    openSearch.getUpgradeStatus(b -> b.domainName("dom"));
    openSearch.deleteDomain(b -> b.domainName("dom"));

    assertThat(aws.calls().snapshot()).extracting(CallLog.Call::operation).containsExactly(
        "CreateDomain", "DescribeDomain", "DescribeDomains", "DescribeDomainConfig",
        "UpdateDomainConfig", "AddTags", "ListTags", "RemoveTags", "ListDomainNames",
        "UpgradeDomain", "GetUpgradeStatus", "DeleteDomain");
    assertThat(aws.calls().snapshot()).extracting(CallLog.Call::service).containsOnly("es");
    assertThat(aws.calls().writes("es")).isEqualTo(6);
    assertThat(aws.calls().reads("es")).isEqualTo(6);
    assertThat(aws.calls().snapshot()).allSatisfy(c -> assertThat(c.succeeded()).isTrue());
  }

  @Test
  void callsStraightToTheEmulatorAreNotCounted() {
    kinesisDirect.createStream(b -> b.streamName("uncounted").shardCount(1));
    kinesisDirect.listStreams();

    assertThat(aws.calls().total()).isZero();
    assertThat(kinesis.listStreams().streamNames()).contains("uncounted");
    assertThat(aws.calls().total()).isOne();
  }

  @Test
  void errorAnswersAreRecordedWithTheirCode() {
    assertThatThrownBy(() -> kinesis.describeStreamSummary(b -> b.streamName("nope")))
        .isInstanceOf(software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException.class);

    assertThat(aws.calls().snapshot()).singleElement().satisfies(c -> {
      assertThat(c.status()).isEqualTo(400);
      assertThat(c.errorCode()).isEqualTo("ResourceNotFoundException");
      assertThat(c.write()).isFalse();
      assertThat(c.fault()).isNull();
    });
  }

  @Test
  void countsAreExactUnderConcurrentCalls() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int n = t;
        done.add(pool.submit(() -> {
          kinesis.createStream(b -> b.streamName("c" + n).shardCount(1));
          for (int i = 0; i < 5; i++) {
            kinesis.describeStreamSummary(b -> b.streamName("c" + n));
          }
          return null;
        }));
      }
      for (var f : done) {
        f.get(30, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(aws.calls().count("kinesis", "CreateStream")).isEqualTo(4);
    assertThat(aws.calls().count("kinesis", "DescribeStreamSummary")).isEqualTo(20);
    assertThat(aws.calls().total()).isEqualTo(24);
    assertThat(kinesis.listStreams().streamNames()).containsExactlyInAnyOrder("c0", "c1", "c2", "c3");
  }

  @Test
  void snapshotIsImmutableAndClearEmptiesTheLog() {
    kinesis.listStreams();
    List<CallLog.Call> snapshot = aws.calls().snapshot();

    assertThatThrownBy(() -> snapshot.add(snapshot.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    aws.calls().clear();
    assertThat(aws.calls().total()).isZero();
    assertThat(snapshot).hasSize(1);
  }
}
