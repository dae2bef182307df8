package dev.uba.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorConfigTest {

  @Test
  void defaults() {
    OperatorConfig config = OperatorConfig.fromEnvironment(Map.of());
    assertThat(config.resyncInterval()).isEqualTo(Duration.ofMinutes(10));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(15));
    assertThat(config.personalizeMaxTps()).isEqualTo(10);
    assertThat(config.watchNamespaces()).isEmpty();
    assertThat(config.watchesAllNamespaces()).isTrue();
    assertThat(config.region()).isNull();
  }

  @Test
  void readsEveryVariable() {
    OperatorConfig config = OperatorConfig.fromEnvironment(Map.of(
        "AWS_REGION", "eu-central-1",
        "UBA_WATCH_NAMESPACES", "analytics, team-a ,,team-b",
        "UBA_RESYNC_INTERVAL", "1h",
        "UBA_POLL_INTERVAL", "30s",
        "UBA_PERSONALIZE_MAX_TPS", "25"));
    assertThat(config.region()).isEqualTo("eu-central-1");
    assertThat(config.watchNamespaces()).containsExactlyInAnyOrder("analytics", "team-a", "team-b");
    assertThat(config.watchesAllNamespaces()).isFalse();
    assertThat(config.resyncInterval()).isEqualTo(Duration.ofHours(1));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.personalizeMaxTps()).isEqualTo(25);
  }

  @Test
  void blankNamespacesMeanAll() {
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_WATCH_NAMESPACES", " ")).watchesAllNamespaces()).isTrue();
  }

  @Test
  void parsesDurations() {
    assertThat(OperatorConfig.duration("X", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(OperatorConfig.duration("X", "10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(OperatorConfig.duration("X", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(OperatorConfig.duration("X", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(OperatorConfig.duration("X", " 2m ")).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void badDurationsAreRejectedNamingTheVariable() {
    for (String bad : new String[] {"10", "ten minutes", "1.5h", "-5s", "5d", "10M"}) {
      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_RESYNC_INTERVAL", bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_RESYNC_INTERVAL");
    }
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_POLL_INTERVAL", "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_POLL_INTERVAL");
  }

  @Test
  void zeroDurationsAreRejected() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_POLL_INTERVAL", "0s")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_POLL_INTERVAL");
  }

  @Test
  void aBadMaxTpsIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_PERSONALIZE_MAX_TPS", "ten")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_PERSONALIZE_MAX_TPS");
  }

  @Test
  void leaderElectionIsOffByDefault() {
    OperatorConfig config = OperatorConfig.fromEnvironment(Map.of("POD_NAMESPACE", "uba-system"));
    assertThat(config.leaderElection()).isFalse();
    assertThat(config.leaderElectionNamespace()).isNull();
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.httpAddress()).isNull();
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_HTTP_ADDRESS", "127.0.0.1")).httpAddress())
        .isEqualTo("127.0.0.1");
  }

  @Test
  void leaderElectionUsesThePodsNamespaceUnlessGivenOne() {
    OperatorConfig fromPod = OperatorConfig.fromEnvironment(Map.of(
        "UBA_LEADER_ELECTION", "true", "POD_NAMESPACE", "uba-system"));
    assertThat(fromPod.leaderElection()).isTrue();
    assertThat(fromPod.leaderElectionNamespace()).isEqualTo("uba-system");

    OperatorConfig given = OperatorConfig.fromEnvironment(Map.of(
        "UBA_LEADER_ELECTION", "TRUE", "UBA_LEADER_ELECTION_NAMESPACE", " operators ", "POD_NAMESPACE", "uba-system"));
    assertThat(given.leaderElectionNamespace()).isEqualTo("operators");
    assertThat(OperatorConfig.LEASE_NAME).isEqualTo("uba-operator-lock");
  }

  @Test
  void leaderElectionWithoutANamespaceIsAConfigurationError() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_LEADER_ELECTION", "true")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UBA_LEADER_ELECTION_NAMESPACE").hasMessageContaining("POD_NAMESPACE");
  }

  @Test
  void aBadLeaderElectionFlagIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_LEADER_ELECTION", "yes")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_LEADER_ELECTION");
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_LEADER_ELECTION", "false")).leaderElection()).isFalse();
  }

  @Test
  void theOpenSearchEndpointUrlReplacesEveryDomainsEndpoint() {
    assertThat(OperatorConfig.fromEnvironment(Map.of()).openSearchEndpointUrl()).isNull();
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_OPENSEARCH_ENDPOINT_URL", " ")).openSearchEndpointUrl())
        .isNull();
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_OPENSEARCH_ENDPOINT_URL", "http://127.0.0.1:9200"))
        .openSearchEndpointUrl()).hasToString("http://127.0.0.1:9200");
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_OPENSEARCH_ENDPOINT_URL", "HTTPS://search.local/"))
        .openSearchEndpointUrl()).hasToString("https://search.local");
  }

  @Test
  void anOpenSearchEndpointUrlWithAPathOrNoHostIsRejectedNamingTheVariable() {
    for (String bad : new String[] {"127.0.0.1:9200", "ftp://host", "http://host:9200/prefix", "http://host?x=1",
        "http://user:pw@host", "not a url"}) {
      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_OPENSEARCH_ENDPOINT_URL", bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UBA_OPENSEARCH_ENDPOINT_URL");
    }
  }

  @Test
  void theQuotaShareDefaultsToHalfAndIsReadAsADecimalNumber() {
    assertThat(OperatorConfig.fromEnvironment(Map.of()).awsQuotaShare()).isEqualTo(0.5);
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_AWS_QUOTA_SHARE", " ")).awsQuotaShare()).isEqualTo(0.5);
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_AWS_QUOTA_SHARE", "0.25")).awsQuotaShare()).isEqualTo(0.25);
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_AWS_QUOTA_SHARE", "1")).awsQuotaShare()).isEqualTo(1.0);
    assertThat(OperatorConfig.fromEnvironment(Map.of("UBA_AWS_QUOTA_SHARE", ".05")).awsQuotaShare()).isEqualTo(0.05);
  }

  @Test
  void aQuotaShareOutsideZeroToOneStopsTheOperatorNamingTheVariable() {
    for (String bad : new String[] {"0", "0.0", "1.5", "-0.5", "half", "50%", "NaN", "Infinity", "1e-1", "0x1p-1"}) {
      assertThatThrownBy(() -> OperatorConfig.fromEnvironment(Map.of("UBA_AWS_QUOTA_SHARE", bad)))
          .as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("UBA_AWS_QUOTA_SHARE=" + bad)
          .hasMessageContaining("greater than 0 and at most 1");
    }
  }
}
