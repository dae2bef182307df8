package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.DomainProcessingStatusType;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.OpenSearchPartitionInstanceType;
import software.amazon.awssdk.services.opensearch.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.opensearch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.opensearch.model.UpgradeStatus;
import software.amazon.awssdk.services.opensearch.model.UpgradeStep;
import software.amazon.awssdk.services.opensearch.model.ValidationException;
import software.amazon.awssdk.services.opensearch.model.VolumeType;

class OpenSearchLifecycleIT {

  private static LocalAws aws;
  private static OpenSearchClient openSearch;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    openSearch = TestClients.openSearch(aws.endpoint(), true);
  }

  @AfterAll
  static void closeClients() {
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
  }

  private DomainStatus create(String name) {
    return openSearch.createDomain(b -> b.domainName(name).engineVersion("OpenSearch_2.11")
        .clusterConfig(c -> c.instanceType(OpenSearchPartitionInstanceType.R6_G_LARGE_SEARCH)
            .instanceCount(2))
        .ebsOptions(e -> e.ebsEnabled(true).volumeType(VolumeType.GP3).volumeSize(20)))
        .domainStatus();
  }

  private DomainStatus describe(String name) {
    return openSearch.describeDomain(b -> b.domainName(name)).domainStatus();
  }

  /** Creates a domain and uses up its Creating describes (settings: 1 describe). */
  private void createActive(String name) {
    aws.lifecycle().openSearch().transitionalDescribes(1);
    create(name);
    describe(name);
    assertThat(describe(name).domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.ACTIVE);
  }

  @Test
  void newDomainIsCreatingWithoutEndpointThenActive() {
    DomainStatus created = create("logs");
    assertThat(created.processing()).isTrue();
    assertThat(created.created()).isFalse();
    assertThat(created.endpoint()).isNull();
    assertThat(created.domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.CREATING);

    for (int i = 0; i < Lifecycle.DEFAULT_TRANSITIONAL_DESCRIBES; i++) {
      DomainStatus s = describe("logs");
      assertThat(s.processing()).isTrue();
      assertThat(s.domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.CREATING);
      assertThat(s.endpoint()).isNull();
    }

    DomainStatus active = describe("logs");
    assertThat(active.processing()).isFalse();
    assertThat(active.created()).isTrue();
    assertThat(active.domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.ACTIVE);
    assertThat(active.endpoint()).isNotBlank();
  }

  @Test
  void describeDomainsReportsTheSameStates() {
    aws.lifecycle().openSearch().transitionalDescribes(1);
    create("one");
    var first = openSearch.describeDomains(b -> b.domainNames("one")).domainStatusList();
    assertThat(first).singleElement().satisfies(s -> {
      assertThat(s.processing()).isTrue();
      assertThat(s.endpoint()).isNull();
    });
    var second = openSearch.describeDomains(b -> b.domainNames("one")).domainStatusList();
    assertThat(second).singleElement().satisfies(s -> {
      assertThat(s.processing()).isFalse();
      assertThat(s.domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.ACTIVE);
    });
  }

  @Test
  void secondCreateWithTheSameNameIsRefusedAndKeepsTheDomain() {
    createActive("taken");

    assertThatThrownBy(() -> openSearch.createDomain(b -> b.domainName("taken")
        .engineVersion("OpenSearch_2.13")))
        .isInstanceOfSatisfying(ResourceAlreadyExistsException.class,
            e -> assertThat(e.statusCode()).isEqualTo(409));
    DomainStatus s = describe("taken");
    assertThat(s.engineVersion()).isEqualTo("OpenSearch_2.11");
    assertThat(s.clusterConfig().instanceCount()).isEqualTo(2);
  }

  @Test
  void updateDomainConfigMergesNestedStructuresAndIsModifying() {
    createActive("tuned");

    openSearch.updateDomainConfig(b -> b.domainName("tuned")
        .clusterConfig(c -> c.instanceCount(3))
        .ebsOptions(e -> e.volumeSize(30)));

    DomainStatus modifying = describe("tuned");
    assertThat(modifying.processing()).isTrue();
    assertThat(modifying.domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.MODIFYING);
    assertThat(modifying.endpoint()).isNotBlank();
    assertThat(describe("tuned").domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.ACTIVE);

    var config = openSearch.describeDomainConfig(b -> b.domainName("tuned")).domainConfig();
    assertThat(config.clusterConfig().options().instanceCount()).isEqualTo(3);
    assertThat(config.clusterConfig().options().instanceType())
        .isEqualTo(OpenSearchPartitionInstanceType.R6_G_LARGE_SEARCH);
    assertThat(config.ebsOptions().options().volumeSize()).isEqualTo(30);
    assertThat(config.ebsOptions().options().ebsEnabled()).isTrue();
    assertThat(config.ebsOptions().options().volumeType()).isEqualTo(VolumeType.GP3);
  }

  @Test
  void dryRunUpdateChangesNothing() {
    createActive("dry");

    var answer = openSearch.updateDomainConfig(b -> b.domainName("dry").dryRun(true)
        .clusterConfig(c -> c.instanceCount(5)));

    assertThat(answer.dryRunResults()).isNotNull();
    assertThat(describe("dry").clusterConfig().instanceCount()).isEqualTo(2);
    assertThat(describe("dry").processing()).isFalse();
  }

  @Test
  void updateOfAMissingDomainIsResourceNotFound() {
    assertThatThrownBy(() -> openSearch.updateDomainConfig(b -> b.domainName("absent")
        .clusterConfig(c -> c.instanceCount(3))))
        .isInstanceOfSatisfying(ResourceNotFoundException.class,
            e -> assertThat(e.statusCode()).isEqualTo(409));
    assertThat(aws.calls().count("es", "UpdateDomainConfig")).isEqualTo(1);
  }

  @Test
  void upgradeDomainIsUpgradingThenReportsTheNewVersion() {
    createActive("old");
    aws.lifecycle().openSearch().transitionalDescribes(2);

    var answer = openSearch.upgradeDomain(b -> b.domainName("old").targetVersion("OpenSearch_2.13"));
    assertThat(answer.targetVersion()).isEqualTo("OpenSearch_2.13");
    assertThat(answer.upgradeId()).isNotBlank();
    assertThat(answer.performCheckOnly()).isFalse();

    DomainStatus upgrading = describe("old");
    assertThat(upgrading.upgradeProcessing()).isTrue();
    assertThat(upgrading.processing()).isTrue();
    assertThat(upgrading.domainProcessingStatus())
        .isEqualTo(DomainProcessingStatusType.UPGRADING_ENGINE_VERSION);
    assertThat(upgrading.engineVersion()).isEqualTo("OpenSearch_2.11");
    var during = openSearch.getUpgradeStatus(b -> b.domainName("old"));
    assertThat(during.upgradeStep()).isEqualTo(UpgradeStep.UPGRADE);
    assertThat(during.stepStatus()).isEqualTo(UpgradeStatus.IN_PROGRESS);
    assertThat(describe("old").upgradeProcessing()).isTrue();

    DomainStatus done = describe("old");
    assertThat(done.upgradeProcessing()).isFalse();
    assertThat(done.processing()).isFalse();
    assertThat(done.engineVersion()).isEqualTo("OpenSearch_2.13");
    assertThat(openSearch.describeDomainConfig(b -> b.domainName("old")).domainConfig()
        .engineVersion().options()).isEqualTo("OpenSearch_2.13");
    assertThat(openSearch.getUpgradeStatus(b -> b.domainName("old")).stepStatus())
        .isEqualTo(UpgradeStatus.SUCCEEDED);
  }

  @Test
  void upgradeDomainRefusesOlderSameOrMalformedVersions() {
    createActive("pinned");

    assertThatThrownBy(() -> openSearch.upgradeDomain(b -> b.domainName("pinned")
        .targetVersion("OpenSearch_2.11"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> openSearch.upgradeDomain(b -> b.domainName("pinned")
        .targetVersion("OpenSearch_1.3"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> openSearch.upgradeDomain(b -> b.domainName("pinned")
        .targetVersion("Elasticsearch_7.10"))).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> openSearch.upgradeDomain(b -> b.domainName("pinned")
        .targetVersion("opensearch-3"))).isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> openSearch.upgradeDomain(b -> b.domainName("nowhere")
        .targetVersion("OpenSearch_2.13"))).isInstanceOf(ResourceNotFoundException.class);
    assertThat(describe("pinned").engineVersion()).isEqualTo("OpenSearch_2.11");
  }

  @Test
  void upgradeEligibilityCheckChangesNothing() {
    createActive("checked");

    var answer = openSearch.upgradeDomain(b -> b.domainName("checked")
        .targetVersion("OpenSearch_3.1").performCheckOnly(true));

    assertThat(answer.performCheckOnly()).isTrue();
    DomainStatus s = describe("checked");
    assertThat(s.processing()).isFalse();
    assertThat(s.engineVersion()).isEqualTo("OpenSearch_2.11");
    assertThat(openSearch.getUpgradeStatus(b -> b.domainName("checked")).upgradeStep())
        .isEqualTo(UpgradeStep.PRE_UPGRADE_CHECK);
  }

  @Test
  void deletedDomainIsDeletingThenNotFound() {
    createActive("gone");
    aws.lifecycle().openSearch().transitionalDescribes(2);

    DomainStatus answer = openSearch.deleteDomain(b -> b.domainName("gone")).domainStatus();
    assertThat(answer.deleted()).isTrue();
    assertThat(answer.processing()).isTrue();

    DomainStatus deleting = describe("gone");
    assertThat(deleting.deleted()).isTrue();
    assertThat(deleting.domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.DELETING);
    assertThat(openSearch.listDomainNames(b -> { }).domainNames())
        .anySatisfy(d -> assertThat(d.domainName()).isEqualTo("gone"));
    assertThat(describe("gone").domainProcessingStatus()).isEqualTo(DomainProcessingStatusType.DELETING);

    assertThatThrownBy(() -> describe("gone")).isInstanceOf(ResourceNotFoundException.class);
    assertThat(openSearch.listDomainNames(b -> { }).domainNames()).isEmpty();
  }

  @Test
  void deletingAMissingDomainIsResourceNotFound() {
    assertThatThrownBy(() -> openSearch.deleteDomain(b -> b.domainName("missing")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void instantLifecycleIsTheEmulatorsOwnBehaviour() {
    aws.lifecycle().instant();
    DomainStatus created = create("quick");
    assertThat(created.processing()).isFalse();
    assertThat(created.endpoint()).isNotBlank();

    openSearch.deleteDomain(b -> b.domainName("quick"));

    assertThatThrownBy(() -> describe("quick")).isInstanceOf(ResourceNotFoundException.class);
  }
}
