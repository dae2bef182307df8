package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.testenv.AwsCheck;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import dev.uba.operator.testenv.opensearch.DataPlaneStub;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;

/**
 * A pipeline's life against the real API server and the local AWS: create to Ready with every field
 * visible in AWS, spec updates, deletion with Delete and with Retain. AWS is checked with a separate
 * client, as a user would.
 */
class UbaPipelineLifecycleIT {
  private static LocalAws aws;
  private static RunningOperator operator;
  private static KubernetesClient client;
  private static Pipelines pipelines;
  private static AwsCheck check;
  private static KubeApi kube;

  @BeforeAll
  static void start() {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofMinutes(10));
    client = kube.newClient();
    pipelines = new Pipelines(client);
    check = new AwsCheck(aws.motoEndpoint());
  }

  @AfterAll
  static void stop() {
    operator.close();
    client.close();
    check.close();
  }

  @Test
  void createsEveryResourceOfTheContractAndReportsReady() {
    String ns = kube.newNamespace("create");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: clickstream}
        spec:
          region: us-east-1
          tags: {team: growth}
          stream: {shards: 2, retentionHours: 48}
          search:
            instanceCount: 2
            zoneAwareness: {enabled: true, availabilityZoneCount: 2}
            storage: {volumeSizeGiB: 20}
            encryptionAtRest: {enabled: true, kmsKeyId: ""}
            accessPrincipals: ["arn:aws:iam::123456789012:role/analysts"]
        """);

    UbaPipeline ready = pipelines.awaitReady(ns, "clickstream");

    var status = ready.getStatus();
    String streamName = ns + "-clickstream";
    assertThat(status.getPhase().name()).isEqualTo("Ready");
    assertThat(status.getRegion()).isEqualTo("us-east-1");
    assertThat(Pipelines.isTrue(ready, "Progressing")).isFalse();
    assertThat(Pipelines.isTrue(ready, "Degraded")).isFalse();
    assertThat(status.getStream().getName()).isEqualTo(streamName);
    assertThat(status.getStream().getStatus()).isEqualTo("ACTIVE");
    assertThat(status.getStream().getShards()).isEqualTo(2);
    assertThat(status.getStream().getArn()).endsWith(":stream/" + streamName);
    assertThat(status.getSearch().getDomainName()).isEqualTo(ns + "-clickstream");
    assertThat(status.getSearch().getEndpoint()).isNotBlank();
    assertThat(status.getSearch().getProcessing()).isFalse();
    assertThat(status.getIngestionRole().getName()).isEqualTo(ns + "-clickstream-ingest");
    assertThat(status.getProducerPolicy().getArn()).endsWith(":policy/uba/" + ns + "-clickstream-producer");
    // with search, the index template of the contract is kept on the domain (indexTemplate.enabled defaults to true)
    assertThat(status.getResources()).extracting(r -> r.getKind())
        .containsExactly("KinesisStream", "IamPolicy", "IamRole", "OpenSearchDomain", "OpenSearchIndexTemplate");
    assertThat(status.getResources()).allSatisfy(r -> assertThat(r.isReady()).isTrue());
    assertThat(status.getSearch().getIndexTemplate()).isEqualTo("uba-events");
    assertThat(DataPlaneStub.shared().template("uba-events").path("template").path("mappings").path("properties")
        .path("timestamp").path("type").asText()).isEqualTo("date");

    StreamDescriptionSummary stream = check.kinesis.describeStreamSummary(r -> r.streamName(streamName))
        .streamDescriptionSummary();
    assertThat(stream.openShardCount()).isEqualTo(2);
    assertThat(stream.retentionPeriodHours()).isEqualTo(48);
    assertThat(stream.encryptionTypeAsString()).isEqualTo("KMS");
    assertThat(stream.keyId()).isEqualTo("alias/aws/kinesis");
    String owner = ns + "/ubapipeline/clickstream";
    assertThat(check.streamTags(streamName)).containsEntry("team", "growth")
        .containsEntry("uba.dev/managed-by", "uba-operator").containsEntry("uba.dev/owner", owner);

    DomainStatus domain = check.openSearch.describeDomain(r -> r.domainName(ns + "-clickstream")).domainStatus();
    assertThat(domain.engineVersion()).isEqualTo("OpenSearch_2.11");
    assertThat(domain.clusterConfig().instanceTypeAsString()).isEqualTo("r6g.large.search");
    assertThat(domain.clusterConfig().instanceCount()).isEqualTo(2);
    assertThat(domain.clusterConfig().zoneAwarenessEnabled()).isTrue();
    assertThat(domain.ebsOptions().volumeSize()).isEqualTo(20);
    assertThat(domain.ebsOptions().volumeTypeAsString()).isEqualTo("gp3");
    assertThat(domain.encryptionAtRestOptions().enabled()).isTrue();
    assertThat(domain.nodeToNodeEncryptionOptions().enabled()).isTrue();
    assertThat(domain.domainEndpointOptions().enforceHTTPS()).isTrue();
    assertThat(domain.domainEndpointOptions().tlsSecurityPolicyAsString()).isEqualTo("Policy-Min-TLS-1-2-2019-07");
    assertThat(domain.accessPolicies()).contains(status.getIngestionRole().getArn())
        .contains("arn:aws:iam::123456789012:role/analysts").contains("es:ESHttp*")
        .doesNotContain("\"*\"");
    assertThat(check.openSearch.listTags(r -> r.arn(domain.arn())).tagList())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("uba.dev/owner=" + owner));

    var role = check.iam.getRole(r -> r.roleName(ns + "-clickstream-ingest")).role();
    assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
        .contains("firehose.amazonaws.com");
    String ingest = check.iam.getRolePolicy(r -> r.roleName(role.roleName()).policyName("uba-ingest")).policyDocument();
    assertThat(URLDecoder.decode(ingest, StandardCharsets.UTF_8))
        .contains("kinesis:GetRecords", "es:ESHttpPost", status.getStream().getArn())
        .doesNotContain("\"Resource\":\"*\"");
    var policy = check.iam.getPolicy(r -> r.policyArn(status.getProducerPolicy().getArn())).policy();
    String producer = check.iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
        .policyVersion().document();
    assertThat(URLDecoder.decode(producer, StandardCharsets.UTF_8)).contains("kinesis:PutRecords");

    assertThat(pipelines.events(ns, "clickstream")).extracting(Event::getReason).contains("Created");
  }

  @Test
  void specUpdatesConvergeInAws() {
    String ns = kube.newNamespace("update");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: orders}
        spec:
          tags: {team: growth}
          search: {}
        """);
    pipelines.awaitReady(ns, "orders");

    pipelines.edit(ns, "orders", p -> {
      p.getSpec().getStream().setShards(3);
      p.getSpec().getStream().setRetentionHours(72);
      p.getSpec().getStream().getEncryption().setType(
          dev.uba.operator.api.v1alpha1.StreamSpec.StreamEncryption.Type.NONE);
      p.getSpec().getSearch().setInstanceCount(2);
      p.getSpec().getSearch().setEngineVersion("OpenSearch_2.13");
      p.getSpec().getSearch().setAccessPrincipals(List.of("arn:aws:iam::123456789012:role/analysts"));
      p.getSpec().setTags(Map.of("env", "prod"));
      return p;
    });
    UbaPipeline ready = pipelines.awaitReady(ns, "orders");

    String name = ns + "-orders";
    var stream = check.kinesis.describeStreamSummary(r -> r.streamName(name)).streamDescriptionSummary();
    assertThat(stream.openShardCount()).isEqualTo(3);
    assertThat(stream.retentionPeriodHours()).isEqualTo(72);
    assertThat(stream.encryptionTypeAsString()).isEqualTo("NONE");
    assertThat(check.streamTags(name)).containsEntry("env", "prod").doesNotContainKey("team");
    var domain = check.openSearch.describeDomain(r -> r.domainName(name)).domainStatus();
    assertThat(domain.clusterConfig().instanceCount()).isEqualTo(2);
    // moto has no UpgradeDomain: the local AWS keeps the upgraded version, so ask through it.
    try (AwsCheck throughLocalAws = new AwsCheck(aws.endpoint())) {
      assertThat(throughLocalAws.openSearch.describeDomain(r -> r.domainName(name)).domainStatus().engineVersion())
          .isEqualTo("OpenSearch_2.13");
    }
    assertThat(ready.getStatus().getSearch().getEngineVersion()).isEqualTo("OpenSearch_2.13");
    assertThat(domain.accessPolicies()).contains("arn:aws:iam::123456789012:role/analysts");
    assertThat(ready.getStatus().getStream().getShards()).isEqualTo(3);
    // 1 -> 3 shards takes two UpdateShardCount calls (AWS at most doubles per call).
    assertThat(ready.getStatus().getStream().getShardCountUpdates()).hasSize(2);
    assertThat(pipelines.events(ns, "orders")).extracting(Event::getReason).contains("Updated");
  }

  @Test
  void deleteRemovesEveryAwsResourceBeforeTheObjectGoes() {
    String ns = kube.newNamespace("delete");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: gone}
        spec:
          search: {}
        """);
    UbaPipeline ready = pipelines.awaitReady(ns, "gone");
    String name = ns + "-gone";
    String policyArn = ready.getStatus().getProducerPolicy().getArn();
    // An application role attached the producer policy; deletion must detach it first.
    check.iam.createRole(r -> r.roleName(ns + "-app").assumeRolePolicyDocument(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    check.iam.attachRolePolicy(r -> r.roleName(ns + "-app").policyArn(policyArn));

    pipelines.delete(ns, "gone");
    await().atMost(Pipelines.TIMEOUT).until(() -> {
      UbaPipeline p = pipelines.get(ns, "gone");
      return p == null || (p.getStatus() != null && "Deleting".equals(String.valueOf(p.getStatus().getPhase())));
    });
    pipelines.awaitGone(ns, "gone");

    assertThat(check.streamExists(name)).isFalse();
    assertThat(check.domainExists(name)).isFalse();
    assertThat(check.roleExists(name + "-ingest")).isFalse();
    assertThat(check.policyExists(policyArn)).isFalse();
    assertThat(check.iam.listAttachedRolePolicies(r -> r.roleName(ns + "-app")).attachedPolicies()).isEmpty();
    assertThat(pipelines.events(ns, "gone")).extracting(Event::getReason).contains("Deleted", "Detached");
  }

  @Test
  void retainLeavesTheAwsResourcesWithTheirOwnershipTags() {
    String ns = kube.newNamespace("retain");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: kept}
        spec:
          deletionPolicy: Retain
          search: {}
        """);
    UbaPipeline ready = pipelines.awaitReady(ns, "kept");

    pipelines.delete(ns, "kept");
    pipelines.awaitGone(ns, "kept");

    String name = ns + "-kept";
    assertThat(check.streamExists(name)).isTrue();
    assertThat(check.streamTags(name)).containsEntry("uba.dev/owner", ns + "/ubapipeline/kept");
    assertThat(check.domainExists(name)).isTrue();
    assertThat(check.roleExists(name + "-ingest")).isTrue();
    assertThat(check.policyExists(ready.getStatus().getProducerPolicy().getArn())).isTrue();
  }

  @Test
  void removingSearchDeletesTheDomainAndTheRole() {
    String ns = kube.newNamespace("nosearch");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: slim}
        spec:
          search: {}
        """);
    pipelines.awaitReady(ns, "slim");

    pipelines.edit(ns, "slim", p -> {
      p.getSpec().setSearch(null);
      return p;
    });
    UbaPipeline ready = pipelines.awaitStatus(ns, "slim",
        p -> Pipelines.isTrue(p, "Ready") && p.getStatus().getSearch() == null
            && p.getStatus().getIngestionRole() == null);

    assertThat(check.domainExists(ns + "-slim")).isFalse();
    assertThat(check.roleExists(ns + "-slim-ingest")).isFalse();
    assertThat(check.streamExists(ns + "-slim")).isTrue();
    assertThat(ready.getStatus().getResources()).extracting(r -> r.getKind())
        .containsExactly("KinesisStream", "IamPolicy");
  }

}
