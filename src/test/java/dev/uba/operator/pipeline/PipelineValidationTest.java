package dev.uba.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.StreamSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.engine.Outcome;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineValidationTest {
  private static final String REGION = "us-east-1";

  private static UbaPipeline pipeline(UbaPipelineSpec spec) {
    UbaPipeline p = new UbaPipeline();
    p.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("clickstream").withGeneration(1L).build());
    p.setSpec(spec);
    return p;
  }

  private static UbaPipelineSpec fullSpec() {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setRegion(REGION);
    spec.setTags(Map.of("team", "growth"));
    StreamSpec stream = new StreamSpec();
    stream.setName("analytics-clickstream");
    stream.setMode(StreamSpec.Mode.PROVISIONED);
    stream.setShards(2);
    stream.setRetentionHours(48);
    spec.setStream(stream);
    SearchSpec search = new SearchSpec();
    search.setDomainName("analytics-clickstream");
    search.setEngineVersion("OpenSearch_2.11");
    search.setInstanceCount(2);
    SearchSpec.DedicatedMasters masters = new SearchSpec.DedicatedMasters();
    masters.setInstanceType("m6g.large.search");
    masters.setCount(3);
    search.setDedicatedMasters(masters);
    SearchSpec.ZoneAwareness zones = new SearchSpec.ZoneAwareness();
    zones.setEnabled(true);
    zones.setAvailabilityZoneCount(2);
    search.setZoneAwareness(zones);
    search.setAccessPrincipals(List.of("arn:aws:iam::123456789012:role/analysts", "123456789012",
        "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:root"));
    spec.setSearch(search);
    return spec;
  }

  private static Optional<Outcome> validate(UbaPipeline p) {
    return PipelineValidation.validate(p, REGION, PipelineNames.of(p));
  }

  private static Outcome refusal(UbaPipeline p) {
    Optional<Outcome> outcome = validate(p);
    assertThat(outcome).as("expected the spec to be refused").isPresent();
    assertThat(outcome.get().kind()).isEqualTo(Outcome.Kind.INVALID_SPEC);
    return outcome.get();
  }

  private static UbaPipelineStatus createdStatus() {
    UbaPipelineStatus status = new UbaPipelineStatus();
    status.setRegion(REGION);
    UbaPipelineStatus.StreamStatus stream = new UbaPipelineStatus.StreamStatus();
    stream.setName("analytics-clickstream");
    status.setStream(stream);
    UbaPipelineStatus.SearchStatus search = new UbaPipelineStatus.SearchStatus();
    search.setDomainName("analytics-clickstream");
    search.setEngineVersion("OpenSearch_2.11");
    search.setEncryptionAtRest(true);
    search.setNodeToNodeEncryption(true);
    status.setSearch(search);
    return status;
  }

  @Test
  void aValidFullSpecIsAccepted() {
    assertThat(validate(pipeline(fullSpec()))).isEmpty();
  }

  @Test
  void aValidFullSpecIsAcceptedAfterCreation() {
    UbaPipeline p = pipeline(fullSpec());
    p.setStatus(createdStatus());
    assertThat(validate(p)).isEmpty();
  }

  @Test
  void aMinimalSpecIsAccepted() {
    assertThat(validate(pipeline(new UbaPipelineSpec()))).isEmpty();
  }

  @Test
  void shardsWithOnDemandIsInvalid() {
    UbaPipelineSpec spec = fullSpec();
    spec.getStream().setMode(StreamSpec.Mode.ON_DEMAND);
    spec.getStream().setShards(2);
    Outcome o = refusal(pipeline(spec));
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).contains("spec.stream.shards");
  }

  @Test
  void onDemandWithoutShardsIsValid() {
    UbaPipelineSpec spec = fullSpec();
    spec.getStream().setMode(StreamSpec.Mode.ON_DEMAND);
    spec.getStream().setShards(null);
    assertThat(validate(pipeline(spec))).isEmpty();
  }

  @Test
  void instanceCountMustBeAMultipleOfTheZoneCount() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setInstanceCount(3);
    Outcome o = refusal(pipeline(spec));
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).contains("spec.search.instanceCount");
  }

  @Test
  void zoneCountIsIgnoredWhenZoneAwarenessIsOff() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setInstanceCount(3);
    spec.getSearch().getZoneAwareness().setEnabled(false);
    assertThat(validate(pipeline(spec))).isEmpty();
  }

  @Test
  void dedicatedMasterCountMustBeThreeOrFive() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().getDedicatedMasters().setCount(4);
    assertThat(refusal(pipeline(spec)).message()).contains("spec.search.dedicatedMasters.count");
  }

  @Test
  void reservedTagKeysAreRefused() {
    UbaPipelineSpec spec = fullSpec();
    spec.setTags(Map.of("uba.dev/x", "y"));
    Outcome o = refusal(pipeline(spec));
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).contains("spec.tags[uba.dev/x]");
  }

  @Test
  void kmsWithoutKeyIsRefused() {
    UbaPipelineSpec spec = fullSpec();
    spec.getStream().getEncryption().setKmsKeyId(" ");
    assertThat(refusal(pipeline(spec)).message()).contains("spec.stream.encryption.kmsKeyId");
  }

  @Test
  void engineDowngradeIsRefused() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setEngineVersion("OpenSearch_1.3");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    Outcome o = refusal(p);
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).contains("spec.search.engineVersion");
  }

  @Test
  void minorEngineDowngradeIsRefused() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setEngineVersion("OpenSearch_2.9");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    assertThat(refusal(p).message()).contains("spec.search.engineVersion");
  }

  @Test
  void goingBackFromOpenSearchToElasticsearchIsRefused() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setEngineVersion("Elasticsearch_7.10");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    p.getStatus().getSearch().setEngineVersion("OpenSearch_1.3");
    Outcome o = refusal(p);
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).contains("spec.search.engineVersion");
  }

  @Test
  void upgradesAreAccepted() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setEngineVersion("OpenSearch_2.13");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    assertThat(validate(p)).isEmpty();

    spec.getSearch().setEngineVersion("OpenSearch_1.0");
    p.getStatus().getSearch().setEngineVersion("Elasticsearch_7.10");
    assertThat(validate(p)).isEmpty();
  }

  @Test
  void numericVersionOrderIsUsedNotTextOrder() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setEngineVersion("OpenSearch_2.11");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    p.getStatus().getSearch().setEngineVersion("OpenSearch_2.9");
    assertThat(validate(p)).isEmpty();
  }

  @Test
  void streamNameChangeIsImmutableField() {
    UbaPipelineSpec spec = fullSpec();
    spec.getStream().setName("renamed");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    Outcome o = refusal(p);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).contains("spec.stream.name").contains("analytics-clickstream").contains("renamed");
  }

  @Test
  void removingAGivenStreamNameChangesTheDerivedNameAndIsRefused() {
    UbaPipelineSpec spec = fullSpec();
    spec.getStream().setName("custom-stream");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    p.getStatus().getStream().setName("custom-stream");
    spec.getSearch().setDomainName(null);
    p.getStatus().getSearch().setDomainName("analytics-clickstream");
    // the derived domain name equals the recorded one: fine
    assertThat(validate(p)).isEmpty();
    spec.getStream().setName(null);
    // the derived stream name analytics-clickstream differs from custom-stream
    assertThat(refusal(p).message()).contains("spec.stream.name");
  }

  @Test
  void domainNameChangeIsImmutableField() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setDomainName("other-domain");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    Outcome o = refusal(p);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).contains("spec.search.domainName");
  }

  @Test
  void turningEncryptionAtRestOffAfterCreationIsImmutableField() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().getEncryptionAtRest().setEnabled(false);
    UbaPipeline p = pipeline(spec);
    assertThat(validate(p)).as("off at creation is allowed").isEmpty();
    p.setStatus(createdStatus());
    Outcome o = refusal(p);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).contains("spec.search.encryptionAtRest");
  }

  @Test
  void turningNodeToNodeEncryptionOffAfterCreationIsImmutableField() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setNodeToNodeEncryption(false);
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    Outcome o = refusal(p);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).contains("spec.search.nodeToNodeEncryption");
  }

  @Test
  void aBadAccessPrincipalIsRefusedWithItsIndex() {
    UbaPipelineSpec spec = fullSpec();
    spec.getSearch().setAccessPrincipals(List.of("*", "arn:aws:iam::123456789012:role/analysts"));
    Outcome o = refusal(pipeline(spec));
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).contains("spec.search.accessPrincipals[0]").doesNotContain("accessPrincipals[1]");

    spec.getSearch().setAccessPrincipals(List.of("arn:aws:iam::123456789012:role/analysts", "not-an-arn"));
    assertThat(refusal(pipeline(spec)).message()).contains("spec.search.accessPrincipals[1]");
  }

  @Test
  void regionChangeIsImmutableField() {
    UbaPipelineSpec spec = fullSpec();
    spec.setRegion("eu-west-1");
    UbaPipeline p = pipeline(spec);
    p.setStatus(createdStatus());
    Outcome o = refusal(p);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).contains("spec.region");
  }

  @Test
  void noRegionAnywhereIsInvalid() {
    UbaPipelineSpec spec = fullSpec();
    spec.setRegion(null);
    UbaPipeline p = pipeline(spec);
    Optional<Outcome> o = PipelineValidation.validate(p, null, PipelineNames.of(p));
    assertThat(o).isPresent();
    assertThat(o.get().message()).contains("spec.region");
  }

  @Test
  void accessPrincipalsOfOtherAccountsAreRefusedUnlessAllowed() {
    SearchSpec search = new SearchSpec();
    search.setAccessPrincipals(List.of("arn:aws:iam::123456789012:role/analysts", "210987654321",
        "arn:aws:iam::999999999999:user/someone"));
    Outcome refused = PipelineValidation.checkPrincipalAccounts(search,
        dev.uba.operator.config.LeastPrivilege.DEFAULTS, "123456789012").orElseThrow();
    assertThat(refused.reason()).isEqualTo("InvalidSpec");
    assertThat(refused.message()).contains("spec.search.accessPrincipals[1]").contains("210987654321")
        .contains("spec.search.accessPrincipals[2]").contains("999999999999").contains("UBA_ALLOWED_ACCOUNTS")
        .doesNotContain("accessPrincipals[0]");

    var allowing = dev.uba.operator.config.LeastPrivilege.fromEnvironment(
        Map.of("UBA_ALLOWED_ACCOUNTS", "210987654321,999999999999"));
    assertThat(PipelineValidation.checkPrincipalAccounts(search, allowing, "123456789012")).isEmpty();
    assertThat(PipelineValidation.checkPrincipalAccounts(null, allowing, "123456789012")).isEmpty();
  }
}
