package dev.uba.operator.aws.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DomainDriftTest {
  private static final String ARN = "arn:aws:es:us-east-1:123456789012:domain/ns-d";
  private static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":[\"arn:aws:iam::123456789012:role/ingest\",\"arn:aws:iam::123456789012:role/analysts\"]},"
      + "\"Action\":[\"es:ESHttp*\"],\"Resource\":[\"" + ARN + "/*\"]}]}";
  /** The same policy as OpenSearch reports it: other formatting, other order, single values unwrapped. */
  private static final String POLICY_AS_REPORTED = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Resource\": \""
      + ARN + "/*\", \"Action\": \"es:ESHttp*\", \"Principal\": {\"AWS\": [\"arn:aws:iam::123456789012:role/analysts\","
      + " \"arn:aws:iam::123456789012:role/ingest\"]}, \"Effect\": \"Allow\"}]}";
  private static final Map<String, String> TAGS = Map.of("uba.dev/owner", "ns/ubapipeline/d", "team", "growth");

  /**
   * The fixtures below carry no access policy on either side, so that each test sees one kind of
   * drift; the access policy comparison has its own test.
   */
  private static DomainDesired desired() {
    return desired("OpenSearch_2.11", "r6g.large.search", 2, true, true, null);
  }

  private static DomainDesired desired(String engine, String type, int count, boolean ear, boolean n2n, String policy) {
    return new DomainDesired("ns-d", ARN, engine, type, count, null, 0, 0, 10, "gp3", ear, "", n2n, true, policy, TAGS);
  }

  private static DomainActual actual(String engine, String type, int count, boolean ear, boolean n2n, String policy,
      Map<String, String> tags) {
    return new DomainActual("ns-d", ARN, "search-ns-d.us-east-1.es.amazonaws.com", engine, true, false, false, false,
        "Active", type, count, false, null, 0, false, 0, 10, "gp3", ear, n2n, true, DomainDesired.TLS_POLICY,
        policy, tags);
  }

  private static DomainActual matching() {
    return actual("OpenSearch_2.11", "r6g.large.search", 2, true, true, null, TAGS);
  }

  @Test
  void noDriftWhenEverythingMatches() {
    assertThat(DomainDrift.all(desired(), matching()).described()).isEmpty();
    assertThat(DomainDrift.all(desired(), matching()).has(DomainDrift.ENGINE_VERSION)).isFalse();
  }

  @Test
  void accessPolicyIsComparedSemantically() {
    DomainDesired desired = desired("OpenSearch_2.11", "r6g.large.search", 2, true, true, POLICY);
    DomainActual reported = actual("OpenSearch_2.11", "r6g.large.search", 2, true, true, POLICY_AS_REPORTED, TAGS);
    assertThat(DomainDrift.all(desired, reported).described()).isEmpty();

    DomainActual encoded = actual("OpenSearch_2.11", "r6g.large.search", 2, true, true,
        URLEncoder.encode(POLICY_AS_REPORTED, StandardCharsets.UTF_8), TAGS);
    assertThat(DomainDrift.config(desired, encoded).described()).isEmpty();

    DomainActual widened = actual("OpenSearch_2.11", "r6g.large.search", 2, true, true,
        POLICY.replace("role/analysts", "role/everyone"), TAGS);
    assertThat(DomainDrift.config(desired, widened).described()).containsExactly("access policy");
  }

  @Test
  void aMissingAccessPolicyIsDrift() {
    DomainDesired desired = desired("OpenSearch_2.11", "r6g.large.search", 2, true, true, POLICY);
    assertThat(DomainDrift.config(desired, matching()).described()).containsExactly("access policy");
  }

  @Test
  void configDriftIsSeparateFromEngineAndTags() {
    DomainActual a = actual("OpenSearch_1.3", "m6g.large.search", 4, true, true, null,
        Map.of("uba.dev/owner", "ns/ubapipeline/d"));
    assertThat(DomainDrift.config(desired(), a).described()).hasSize(2)
        .anySatisfy(d -> assertThat(d).startsWith("instanceType").contains("m6g.large.search").contains("r6g.large.search"))
        .anySatisfy(d -> assertThat(d).startsWith("instanceCount").contains("4").contains("2"));
    assertThat(DomainDrift.all(desired(), a).has(DomainDrift.ENGINE_VERSION)).isTrue();
    assertThat(DomainDrift.all(desired(), a).described()).hasSize(4)
        .contains("engineVersion OpenSearch_1.3 -> OpenSearch_2.11", "tag team");
  }

  @Test
  void engineOnlyDriftIsNoConfigDrift() {
    DomainActual a = actual("OpenSearch_2.9", "r6g.large.search", 2, true, true, null, TAGS);
    assertThat(DomainDrift.config(desired(), a).described()).isEmpty();
    assertThat(DomainDrift.all(desired(), a).has(DomainDrift.ENGINE_VERSION)).isTrue();
  }

  @Test
  void tagOnlyDriftIsNoConfigDrift() {
    Map<String, String> tags = new HashMap<>(TAGS);
    tags.put("stray", "x");
    DomainActual a = actual("OpenSearch_2.11", "r6g.large.search", 2, true, true, null, tags);
    assertThat(DomainDrift.config(desired(), a).described()).isEmpty();
    assertThat(DomainDrift.all(desired(), a).described()).containsExactly("tag stray removed");
  }

  @Test
  void encryptionCanOnlyBeTurnedOn() {
    DomainActual unencrypted = actual("OpenSearch_2.11", "r6g.large.search", 2, false, false, null, TAGS);
    assertThat(DomainDrift.config(desired(), unencrypted).described())
        .containsExactlyInAnyOrder("encryptionAtRest false -> true", "nodeToNodeEncryption false -> true");

    DomainDesired off = desired("OpenSearch_2.11", "r6g.large.search", 2, false, false, null);
    assertThat(DomainDrift.config(off, matching()).described()).isEmpty();
  }

  @Test
  void storageMastersZonesAndTlsDrift() {
    DomainDesired d = new DomainDesired("ns-d", ARN, "OpenSearch_2.11", "r6g.large.search", 4, "m6g.large.search", 3,
        2, 100, "gp3", true, "", true, true, null, TAGS);
    DomainActual a = new DomainActual("ns-d", ARN, "e", "OpenSearch_2.11", true, false, false, false, "Active",
        "r6g.large.search", 4, true, "m6g.large.search", 5, true, 3, 10, "gp2", true, true, true,
        "Policy-Min-TLS-1-0-2019-07", null, TAGS);
    assertThat(DomainDrift.config(d, a).described()).containsExactlyInAnyOrder(
        "dedicatedMasters.count 5 -> 3",
        "zoneAwareness.availabilityZoneCount 3 -> 2",
        "storage.volumeSizeGiB 10 -> 100",
        "storage.volumeType gp2 -> gp3",
        "tlsSecurityPolicy Policy-Min-TLS-1-0-2019-07 -> " + DomainDesired.TLS_POLICY);
  }

  @Test
  void turningMastersAndZoneAwarenessOff() {
    DomainDesired d = desired();
    DomainActual a = new DomainActual("ns-d", ARN, "e", "OpenSearch_2.11", true, false, false, false, "Active",
        "r6g.large.search", 2, true, "m6g.large.search", 3, true, 2, 10, "gp3", true, true, true,
        DomainDesired.TLS_POLICY, null, TAGS);
    assertThat(DomainDrift.config(d, a).described()).containsExactlyInAnyOrder(
        "dedicatedMasters true -> false", "zoneAwareness true -> false");
  }
}
