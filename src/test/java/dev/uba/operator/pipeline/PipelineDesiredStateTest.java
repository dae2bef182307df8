package dev.uba.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.StreamSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineDesiredStateTest {
  private static final PipelineDesiredState.Location WHERE =
      new PipelineDesiredState.Location("us-east-1", "123456789012", "aws");
  private static final String STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/analytics-clickstream";
  private static final String DOMAIN_ARN = "arn:aws:es:us-east-1:123456789012:domain/analytics-clickstream";
  private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/uba/analytics-clickstream-ingest";

  private static UbaPipeline pipeline(UbaPipelineSpec spec) {
    UbaPipeline p = new UbaPipeline();
    p.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("clickstream").build());
    p.setSpec(spec);
    return p;
  }

  private static PipelineDesiredState of(UbaPipelineSpec spec) {
    UbaPipeline p = pipeline(spec);
    return PipelineDesiredState.of(p, PipelineNames.of(p), WHERE);
  }

  private static UbaPipelineSpec withSearch() {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setTags(Map.of("team", "growth"));
    SearchSpec search = new SearchSpec();
    search.setAccessPrincipals(List.of("arn:aws:iam::123456789012:role/analysts"));
    spec.setSearch(search);
    return spec;
  }

  @Test
  void namesAreDerivedFromNamespaceAndName() {
    PipelineNames names = PipelineNames.of(pipeline(withSearch()));
    assertThat(names.ownerId()).isEqualTo("analytics/ubapipeline/clickstream");
    assertThat(names.stream()).isEqualTo("analytics-clickstream");
    assertThat(names.domain()).isEqualTo("analytics-clickstream");
    assertThat(names.ingestionRole()).isEqualTo("analytics-clickstream-ingest");
    assertThat(names.producerPolicy()).isEqualTo("analytics-clickstream-producer");
  }

  @Test
  void namesGivenInSpecWin() {
    UbaPipelineSpec spec = withSearch();
    spec.getStream().setName("events");
    spec.getSearch().setDomainName("search-events");
    PipelineDesiredState desired = of(spec);
    assertThat(desired.stream().name()).isEqualTo("events");
    assertThat(desired.domain().name()).isEqualTo("search-events");
    assertThat(desired.domain().arn()).isEqualTo("arn:aws:es:us-east-1:123456789012:domain/search-events");
    assertThat(desired.producerPolicy().document()).contains("arn:aws:kinesis:us-east-1:123456789012:stream/events");
  }

  @Test
  void streamDefaults() {
    PipelineDesiredState desired = of(new UbaPipelineSpec());
    assertThat(desired.stream().name()).isEqualTo("analytics-clickstream");
    assertThat(desired.stream().mode()).isEqualTo("PROVISIONED");
    assertThat(desired.stream().shards()).isEqualTo(1);
    assertThat(desired.stream().retentionHours()).isEqualTo(24);
    assertThat(desired.stream().kmsKeyId()).isEqualTo("alias/aws/kinesis");
    assertThat(desired.stream().encrypted()).isTrue();
  }

  @Test
  void streamDefaultsAlsoApplyWithoutAStreamBlock() {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setStream(null);
    PipelineDesiredState desired = of(spec);
    assertThat(desired.stream().mode()).isEqualTo("PROVISIONED");
    assertThat(desired.stream().shards()).isEqualTo(1);
    assertThat(desired.stream().retentionHours()).isEqualTo(24);
    assertThat(desired.stream().kmsKeyId()).isEqualTo("alias/aws/kinesis");
  }

  @Test
  void streamFromSpec() {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.getStream().setShards(4);
    spec.getStream().setRetentionHours(168);
    spec.getStream().getEncryption().setKmsKeyId("alias/mine");
    PipelineDesiredState desired = of(spec);
    assertThat(desired.stream().shards()).isEqualTo(4);
    assertThat(desired.stream().retentionHours()).isEqualTo(168);
    assertThat(desired.stream().kmsKeyId()).isEqualTo("alias/mine");
  }

  @Test
  void encryptionNoneMeansNoKey() {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.getStream().getEncryption().setType(StreamSpec.StreamEncryption.Type.NONE);
    PipelineDesiredState desired = of(spec);
    assertThat(desired.stream().kmsKeyId()).isNull();
    assertThat(desired.stream().encrypted()).isFalse();
  }

  @Test
  void onDemandStream() {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.getStream().setMode(StreamSpec.Mode.ON_DEMAND);
    assertThat(of(spec).stream().mode()).isEqualTo("ON_DEMAND");
    assertThat(of(spec).stream().provisioned()).isFalse();
  }

  @Test
  void everyResourceCarriesTheSpecAndOwnershipTags() {
    PipelineDesiredState desired = of(withSearch());
    Map<String, String> expected = Map.of("team", "growth", "uba.dev/managed-by", "uba-operator",
        "uba.dev/owner", "analytics/ubapipeline/clickstream");
    assertThat(desired.stream().tags()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(desired.producerPolicy().tags()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(desired.ingestionRole().tags()).containsExactlyInAnyOrderEntriesOf(expected);
    assertThat(desired.domain().tags()).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void withoutSearchThereIsNoDomainAndNoRole() {
    PipelineDesiredState desired = of(new UbaPipelineSpec());
    assertThat(desired.domain()).isNull();
    assertThat(desired.ingestionRole()).isNull();
    assertThat(desired.producerPolicy()).isNotNull();
    assertThat(desired.producerPolicy().name()).isEqualTo("analytics-clickstream-producer");
    assertThat(desired.producerPolicy().arn()).isEqualTo("arn:aws:iam::123456789012:policy/uba/analytics-clickstream-producer");
    assertThat(desired.producerPolicy().path()).isEqualTo("/uba/");
    // one created before the path /uba/ is still found under its old ARN
    assertThat(desired.producerPolicy().legacyArn())
        .isEqualTo("arn:aws:iam::123456789012:policy/analytics-clickstream-producer");
  }

  @Test
  void producerPolicyGrantsTheStream() {
    PipelineDesiredState desired = of(new UbaPipelineSpec());
    assertThat(desired.producerPolicy().document()).isEqualTo(PipelinePolicies.producer(STREAM_ARN));
  }

  @Test
  void ingestionRoleIsTrustedByFirehoseAndHoldsTheIngestionPolicy() {
    PipelineDesiredState desired = of(withSearch());
    assertThat(desired.ingestionRole().name()).isEqualTo("analytics-clickstream-ingest");
    assertThat(desired.ingestionRole().inlinePolicyName()).isEqualTo("uba-ingest");
    assertThat(desired.ingestionRole().trustPolicy()).contains("firehose.amazonaws.com");
    assertThat(desired.ingestionRole().inlinePolicy()).isEqualTo(PipelinePolicies.ingestion(STREAM_ARN, DOMAIN_ARN));
  }

  @Test
  void domainDefaultsAndAccessPolicy() {
    PipelineDesiredState desired = of(withSearch());
    var domain = desired.domain();
    assertThat(domain.name()).isEqualTo("analytics-clickstream");
    assertThat(domain.arn()).isEqualTo(DOMAIN_ARN);
    assertThat(domain.engineVersion()).isEqualTo("OpenSearch_2.11");
    assertThat(domain.instanceType()).isEqualTo("r6g.large.search");
    assertThat(domain.instanceCount()).isEqualTo(1);
    assertThat(domain.dedicatedMasters()).isFalse();
    assertThat(domain.zoneAwareness()).isFalse();
    assertThat(domain.volumeSizeGiB()).isEqualTo(10);
    assertThat(domain.volumeType()).isEqualTo("gp3");
    assertThat(domain.encryptionAtRest()).isTrue();
    assertThat(domain.nodeToNodeEncryption()).isTrue();
    assertThat(domain.enforceHttps()).isTrue();
    assertThat(domain.accessPolicy()).isEqualTo(PipelinePolicies.domainAccess(DOMAIN_ARN, ROLE_ARN,
        List.of("arn:aws:iam::123456789012:role/analysts")));
    assertThat(domain.accessPolicy()).doesNotContain("\"*\"");
  }

  @Test
  void domainFromSpec() {
    UbaPipelineSpec spec = withSearch();
    SearchSpec s = spec.getSearch();
    s.setInstanceCount(4);
    SearchSpec.DedicatedMasters masters = new SearchSpec.DedicatedMasters();
    masters.setInstanceType("m6g.large.search");
    masters.setCount(5);
    s.setDedicatedMasters(masters);
    SearchSpec.ZoneAwareness zones = new SearchSpec.ZoneAwareness();
    zones.setAvailabilityZoneCount(2);
    s.setZoneAwareness(zones);
    s.getEncryptionAtRest().setKmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k");
    var domain = of(spec).domain();
    assertThat(domain.instanceCount()).isEqualTo(4);
    assertThat(domain.dedicatedMasterType()).isEqualTo("m6g.large.search");
    assertThat(domain.dedicatedMasterCount()).isEqualTo(5);
    assertThat(domain.zoneCount()).isEqualTo(2);
    assertThat(domain.zoneAwareness()).isTrue();
    assertThat(domain.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/k");
  }

  @Test
  void arnsFollowThePartition() {
    UbaPipeline p = pipeline(withSearch());
    PipelineDesiredState desired = PipelineDesiredState.of(p, PipelineNames.of(p),
        new PipelineDesiredState.Location("cn-north-1", "123456789012", "aws-cn"));
    assertThat(desired.domain().arn()).isEqualTo("arn:aws-cn:es:cn-north-1:123456789012:domain/analytics-clickstream");
    assertThat(desired.producerPolicy().arn()).startsWith("arn:aws-cn:iam::123456789012:policy/");
    assertThat(desired.producerPolicy().document())
        .contains("arn:aws-cn:kinesis:cn-north-1:123456789012:stream/analytics-clickstream");
  }

  @Test
  void rolesAreCreatedUnderTheOperatorsPathWithTheConfiguredBoundary() {
    UbaPipeline p = pipeline(withSearch());
    String boundary = "arn:aws:iam::123456789012:policy/uba-boundary";
    PipelineDesiredState desired = PipelineDesiredState.of(p, PipelineNames.of(p),
        new PipelineDesiredState.Location("us-east-1", "123456789012", "aws", null, boundary));
    assertThat(desired.ingestionRole().path()).isEqualTo("/uba/");
    assertThat(desired.ingestionRole().permissionsBoundary()).isEqualTo(boundary);
    assertThat(of(withSearch()).ingestionRole().permissionsBoundary()).as("no boundary configured").isNull();
  }

  @Test
  void anIngestionRoleCreatedBeforeThePathKeepsItsArnWhereItIsUsed() {
    UbaPipelineSpec spec = withSearch();
    spec.setDelivery(new dev.uba.operator.api.v1alpha1.DeliverySpec());
    spec.setArchive(new dev.uba.operator.api.v1alpha1.ArchiveSpec());
    UbaPipeline p = pipeline(spec);
    String legacy = "arn:aws:iam::123456789012:role/analytics-clickstream-ingest";
    p.setStatus(new dev.uba.operator.api.v1alpha1.UbaPipelineStatus());
    p.getStatus().setIngestionRole(new dev.uba.operator.api.v1alpha1.NamedArn("analytics-clickstream-ingest", legacy));
    PipelineDesiredState desired = PipelineDesiredState.of(p, PipelineNames.of(p), WHERE);
    assertThat(desired.domain().accessPolicy()).contains(legacy).doesNotContain("role/uba/");
    assertThat(desired.delivery().settings().roleArn()).isEqualTo(legacy);
    assertThat(of(spec).delivery().settings().roleArn()).as("a new role").isEqualTo(ROLE_ARN);
  }
}
