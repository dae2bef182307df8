package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uba.operator.api.v1alpha1.StreamSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input gets a clear error: the schema refuses what it can at apply time, the operator refuses
 * cross-field rules and downgrades with Degraded/InvalidSpec naming the field, and makes no AWS call
 * for them. The operator watches only this class's namespace and never resyncs during the test, so
 * its AWS call count is this namespace's.
 */
class SpecValidationIT {
  private static KubeApi kube;
  private static RunningOperator operator;
  private static KubernetesClient client;
  private static Pipelines pipelines;
  private static String ns;

  @BeforeAll
  static void start() {
    kube = KubeApi.shared();
    ns = kube.newNamespace("invalid");
    operator = RunningOperator.start(kube, LocalAws.shared(), Duration.ofMillis(500), Duration.ofHours(1), Set.of(ns));
    client = kube.newClient();
    pipelines = new Pipelines(client);
  }

  @AfterAll
  static void stop() {
    operator.close();
    client.close();
  }

  private void applyRaw(String yaml) {
    client.resource(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).inNamespace(ns).create();
  }

  @Test
  void schemaRefusesARetentionBelow24HoursNamingTheField() {
    assertThatThrownBy(() -> applyRaw("""
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: short-retention}
        spec:
          stream: {retentionHours: 10}
        """))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining("spec.stream.retentionHours");
  }

  @Test
  void schemaRefusesFourDedicatedMastersNamingTheField() {
    assertThatThrownBy(() -> applyRaw("""
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: four-masters}
        spec:
          search: {dedicatedMasters: {instanceType: m6g.large.search, count: 4}}
        """))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(422))
        .hasMessageContaining("spec.search.dedicatedMasters.count");
  }

  @Test
  void schemaRefusesA29CharacterDomainNameNamingTheField() {
    assertThatThrownBy(() -> applyRaw("""
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: long-domain}
        spec:
          search: {domainName: abcdefghijklmnopqrstuvwxyz123}
        """))
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("spec.search.domainName");
  }

  @Test
  void schemaRefusesBadArchiveAndDeliveryFieldsNamingEach() {
    String[][] cases = {
        {"archive: {bucketName: Not_A_Bucket}", "spec.archive.bucketName"},
        {"archive: {expireAfterDays: -1}", "spec.archive.expireAfterDays"},
        {"archive: {}\n  delivery: {bufferSizeMiB: 0}", "spec.delivery.bufferSizeMiB"},
        {"archive: {}\n  delivery: {indexRotation: Daily}", "spec.delivery.indexRotation"},
        {"archive: {}\n  delivery: {s3Prefix: events}", "spec.delivery.s3Prefix"},
        {"archive: {}\n  delivery: {processorLambdaArn: 'arn:aws:sqs:us-east-1:123456789012:q'}",
            "spec.delivery.processorLambdaArn"},
        {"archive: {}\n  delivery: {backup: Everything}", "spec.delivery.backup"},
        {"search: {retentionDays: 0}", "spec.search.retentionDays"},
        {"search: {indexTemplate: {replicas: 16}}", "spec.search.indexTemplate.replicas"},
    };
    for (String[] c : cases) {
      assertThatThrownBy(() -> applyRaw("apiVersion: uba.dev/v1alpha1\nkind: UbaPipeline\n"
          + "metadata: {name: bad-delivery}\nspec:\n  " + c[0] + "\n"))
          .as(c[0]).isInstanceOf(KubernetesClientException.class).hasMessageContaining(c[1]);
    }
  }

  @Test
  void aDeliveryWithoutAnArchiveIsDegradedNamingTheArchiveWithNoAwsCall() {
    long before = operator.awsCalls().total();
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: no-archive}
        spec:
          delivery: {}
        """);
    assertDegraded("no-archive", "InvalidSpec", "spec.archive");
    assertThat(operator.awsCalls().total()).as("AWS calls for an invalid spec").isEqualTo(before);
  }

  @Test
  void crossFieldRulesEndDegradedWithTheFieldPathAndNoAwsCall() {
    long before = operator.awsCalls().total();
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: on-demand-shards}
        spec:
          stream: {mode: ON_DEMAND, shards: 2}
        """);
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: uneven-zones}
        spec:
          search:
            instanceCount: 3
            zoneAwareness: {enabled: true, availabilityZoneCount: 2}
        """);
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: reserved-tag}
        spec:
          tags: {"uba.dev/owner": "someone-else"}
        """);

    assertDegraded("on-demand-shards", "InvalidSpec", "spec.stream.shards");
    assertDegraded("uneven-zones", "InvalidSpec", "spec.search.instanceCount");
    assertDegraded("reserved-tag", "InvalidSpec", "spec.tags[uba.dev/owner]");
    assertThat(operator.awsCalls().total()).as("AWS calls for invalid specs").isEqualTo(before);

    // Fixing the spec is all it takes: the operator then converges.
    pipelines.edit(ns, "on-demand-shards", p -> {
      p.getSpec().getStream().setShards(null);
      return p;
    });
    UbaPipeline fixed = pipelines.awaitReady(ns, "on-demand-shards");
    assertThat(fixed.getStatus().getStream().getMode()).isEqualTo("ON_DEMAND");
  }

  @Test
  void anEngineDowngradeIsRefusedWithoutTouchingTheDomain() {
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: downgrade}
        spec:
          search: {engineVersion: OpenSearch_2.11}
        """);
    pipelines.awaitReady(ns, "downgrade");
    long before = operator.awsCalls().total();

    pipelines.edit(ns, "downgrade", p -> {
      p.getSpec().getSearch().setEngineVersion("OpenSearch_1.3");
      return p;
    });

    assertDegraded("downgrade", "InvalidSpec", "spec.search.engineVersion");
    assertThat(operator.awsCalls().total()).as("AWS calls after the downgrade").isEqualTo(before);
    assertThat(pipelines.get(ns, "downgrade").getStatus().getSearch().getEngineVersion()).isEqualTo("OpenSearch_2.11");
  }

  @Test
  void aChangedStreamNameIsAnImmutableField() {
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: renamed}
        spec:
          stream: {name: first-name}
        """);
    pipelines.awaitReady(ns, "renamed");

    pipelines.edit(ns, "renamed", p -> {
      p.getSpec().getStream().setName("second-name");
      p.getSpec().getStream().setMode(StreamSpec.Mode.PROVISIONED);
      return p;
    });

    assertDegraded("renamed", "ImmutableField", "spec.stream.name");
  }

  private void assertDegraded(String name, String reason, String fieldPath) {
    UbaPipeline p = pipelines.awaitDegraded(ns, name, reason);
    Condition degraded = Pipelines.condition(p, "Degraded").orElseThrow();
    assertThat(degraded.getMessage()).contains(fieldPath);
    assertThat(p.getStatus().getPhase().name()).isEqualTo("Degraded");
    assertThat(Pipelines.isTrue(p, "Ready")).isFalse();
    assertThat(pipelines.events(ns, name)).anySatisfy(e -> assertThat(e.getReason()).isEqualTo("Degraded"));
  }
}
