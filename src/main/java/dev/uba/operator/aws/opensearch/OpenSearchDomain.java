package dev.uba.operator.aws.opensearch;

import dev.uba.operator.aws.shared.BatchedDescribe;
import dev.uba.operator.aws.shared.TagIndex;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.ClusterConfig;
import software.amazon.awssdk.services.opensearch.model.DomainEndpointOptions;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.EBSOptions;
import software.amazon.awssdk.services.opensearch.model.EncryptionAtRestOptions;
import software.amazon.awssdk.services.opensearch.model.NodeToNodeEncryptionOptions;
import software.amazon.awssdk.services.opensearch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.opensearch.model.Tag;

/**
 * An OpenSearch Service domain. Reads: DescribeDomains, shared with other domains of the region due
 * soon ({@link BatchedDescribe}; a domain AWS is working on is always read afresh), and its tags from
 * the region's {@link TagIndex} (ListTags when the index does not hold them). While AWS reports
 * Processing no change is sent; engine versions change through UpgradeDomain, everything else through one
 * UpdateDomainConfig.
 */
public final class OpenSearchDomain implements AwsResource<DomainDesired, DomainActual> {
  /** DescribeDomains' DomainNames: "Array Members: Maximum number of 5 items". */
  public static final int NAMES_PER_DESCRIBE = 5;

  private final OpenSearchClient openSearch;
  private final BatchedDescribe<DomainStatus> describes;
  private final TagIndex tagIndex;

  /** Describing one domain at a time and reading its own tags. */
  public OpenSearchDomain(OpenSearchClient openSearch) {
    this(openSearch, BatchedDescribe.single(describeDomains(openSearch)), TagIndex.none());
  }

  public OpenSearchDomain(OpenSearchClient openSearch, BatchedDescribe<DomainStatus> describes, TagIndex tagIndex) {
    this.openSearch = openSearch;
    this.describes = describes;
    this.tagIndex = tagIndex;
  }

  /** One DescribeDomains of up to {@link #NAMES_PER_DESCRIBE} domains, by name; a missing one is absent. */
  public static Function<List<String>, Map<String, DomainStatus>> describeDomains(OpenSearchClient openSearch) {
    return names -> {
      Map<String, DomainStatus> byName = new LinkedHashMap<>();
      openSearch.describeDomains(r -> r.domainNames(names)).domainStatusList()
          .forEach(d -> byName.put(d.domainName(), d));
      return byName;
    };
  }

  /** Whether AWS is done with the domain (created, not processing, not being deleted). */
  public static boolean settled(DomainStatus s) {
    return isTrue(s.created()) && !isTrue(s.processing()) && !isTrue(s.upgradeProcessing()) && !isTrue(s.deleted())
        && (s.domainProcessingStatus() == null || "Active".equals(s.domainProcessingStatusAsString()));
  }

  static String tagKey(String name) {
    return TagIndex.key("es", "domain/" + name);
  }

  @Override
  public String kind() {
    return "OpenSearchDomain";
  }

  /** Empty also when the domain disappears between the two reads (a deletion finishing). */
  @Override
  public Optional<DomainActual> observe(DomainDesired desired) {
    try {
      Optional<DomainStatus> found = describes.describe(desired.name());
      if (found.isEmpty()) {
        return Optional.empty();
      }
      DomainStatus s = found.get();
      return Optional.of(toActual(s, tagIndex.tagsOf(tagKey(desired.name()), () -> readTags(s.arn()))));
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  private Map<String, String> readTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    openSearch.listTags(r -> r.arn(arn)).tagList().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  private static DomainActual toActual(DomainStatus s, Map<String, String> tags) {
    ClusterConfig c = s.clusterConfig() == null ? ClusterConfig.builder().build() : s.clusterConfig();
    EBSOptions ebs = s.ebsOptions() == null ? EBSOptions.builder().build() : s.ebsOptions();
    DomainEndpointOptions endpointOptions = s.domainEndpointOptions() == null
        ? DomainEndpointOptions.builder().build() : s.domainEndpointOptions();
    String endpoint = s.endpoint() != null ? s.endpoint() : s.hasEndpoints() ? s.endpoints().get("vpc") : null;
    return new DomainActual(
        s.domainName(), s.arn(), endpoint, s.engineVersion(),
        isTrue(s.created()), isTrue(s.processing()), isTrue(s.upgradeProcessing()), isTrue(s.deleted()),
        s.domainProcessingStatusAsString(),
        c.instanceTypeAsString(), intOf(c.instanceCount()), isTrue(c.dedicatedMasterEnabled()),
        c.dedicatedMasterTypeAsString(), intOf(c.dedicatedMasterCount()),
        isTrue(c.zoneAwarenessEnabled()),
        c.zoneAwarenessConfig() == null ? (isTrue(c.zoneAwarenessEnabled()) ? 2 : 0)
            : intOf(c.zoneAwarenessConfig().availabilityZoneCount()),
        intOf(ebs.volumeSize()), ebs.volumeTypeAsString(),
        s.encryptionAtRestOptions() != null && isTrue(s.encryptionAtRestOptions().enabled()),
        s.nodeToNodeEncryptionOptions() != null && isTrue(s.nodeToNodeEncryptionOptions().enabled()),
        isTrue(endpointOptions.enforceHTTPS()), endpointOptions.tlsSecurityPolicyAsString(),
        s.accessPolicies(), tags);
  }


  @Override
  public AwsState state(DomainActual actual) {
    if (actual.deleted()) {
      return AwsState.of("Deleting", AwsState.Phase.DELETING);
    }
    String word = actual.processingStatus() != null ? actual.processingStatus()
        : actual.processing() || actual.upgradeProcessing() ? "Processing" : "Active";
    if (!actual.created() || "Creating".equals(actual.processingStatus())) {
      return AwsState.of(word.equals("Active") ? "Creating" : word, AwsState.Phase.CREATING);
    }
    if (actual.processing() || actual.upgradeProcessing()) {
      return AwsState.of(word, AwsState.Phase.UPDATING);
    }
    return AwsState.stable(word);
  }


  @Override
  public Drift drift(DomainDesired desired, DomainActual actual) {
    return DomainDrift.all(desired, actual);
  }

  @Override
  public Applied create(DomainDesired d) {
    openSearch.createDomain(r -> r.domainName(d.name())
        .engineVersion(d.engineVersion())
        .clusterConfig(clusterConfig(d))
        .ebsOptions(ebsOptions(d))
        .encryptionAtRestOptions(encryptionAtRest(d))
        .nodeToNodeEncryptionOptions(NodeToNodeEncryptionOptions.builder().enabled(d.nodeToNodeEncryption()).build())
        .domainEndpointOptions(endpointOptions(d))
        .accessPolicies(d.accessPolicy())
        .tagList(toTags(d.tags())));
    describes.forget(d.name());
    // CreateDomain refuses a name that is taken: the tags are the ones just given.
    tagIndex.record(tagKey(d.name()), d.tags());
    return Applied.ASYNC;
  }

  @Override
  public Applied update(DomainDesired d, DomainActual a, Drift drift) {
    if (drift.hasTags()) {
      Ownership.syncTags(d.tags(), a.tags(),
          remove -> openSearch.removeTags(r -> r.arn(a.arn()).tagKeys(remove)),
          set -> openSearch.addTags(r -> r.arn(a.arn()).tagList(toTags(set))));
      tagIndex.recordChanged(tagKey(d.name()), a.tags(), d.tags());
    }
    if (drift.has(DomainDrift.ENGINE_VERSION)) {
      // AWS takes no configuration change while an upgrade runs: the rest follows in a later pass.
      openSearch.upgradeDomain(r -> r.domainName(d.name()).targetVersion(d.engineVersion()));
      describes.forget(d.name());
      return Applied.ASYNC;
    }
    if (!drift.hasMoreThanTags()) {
      return Applied.SETTLED;
    }
    describes.forget(d.name());
    openSearch.updateDomainConfig(r -> {
      r.domainName(d.name())
          .clusterConfig(clusterConfig(d))
          .ebsOptions(ebsOptions(d))
          .domainEndpointOptions(endpointOptions(d))
          .accessPolicies(d.accessPolicy());
      if (drift.has(DomainDrift.ENCRYPTION_AT_REST)) {
        r.encryptionAtRestOptions(encryptionAtRest(d));
      }
      if (drift.has(DomainDrift.NODE_TO_NODE_ENCRYPTION)) {
        r.nodeToNodeEncryptionOptions(NodeToNodeEncryptionOptions.builder().enabled(true).build());
      }
    });
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(DomainActual actual) {
    openSearch.deleteDomain(r -> r.domainName(actual.name()));
    describes.forget(actual.name());
    tagIndex.forget(tagKey(actual.name()));
    return Applied.ASYNC;
  }

  private static ClusterConfig clusterConfig(DomainDesired d) {
    ClusterConfig.Builder c = ClusterConfig.builder()
        .instanceType(d.instanceType())
        .instanceCount(d.instanceCount())
        .dedicatedMasterEnabled(d.dedicatedMasters())
        .zoneAwarenessEnabled(d.zoneAwareness());
    if (d.dedicatedMasters()) {
      c.dedicatedMasterType(d.dedicatedMasterType()).dedicatedMasterCount(d.dedicatedMasterCount());
    }
    if (d.zoneAwareness()) {
      c.zoneAwarenessConfig(z -> z.availabilityZoneCount(d.zoneCount()));
    }
    return c.build();
  }

  private static EBSOptions ebsOptions(DomainDesired d) {
    return EBSOptions.builder().ebsEnabled(true).volumeSize(d.volumeSizeGiB()).volumeType(d.volumeType()).build();
  }

  private static EncryptionAtRestOptions encryptionAtRest(DomainDesired d) {
    EncryptionAtRestOptions.Builder e = EncryptionAtRestOptions.builder().enabled(d.encryptionAtRest());
    if (d.encryptionAtRest() && d.kmsKeyId() != null && !d.kmsKeyId().isEmpty()) {
      e.kmsKeyId(d.kmsKeyId());
    }
    return e.build();
  }

  private static DomainEndpointOptions endpointOptions(DomainDesired d) {
    DomainEndpointOptions.Builder o = DomainEndpointOptions.builder().enforceHTTPS(d.enforceHttps());
    if (d.enforceHttps()) {
      o.tlsSecurityPolicy(DomainDesired.TLS_POLICY);
    }
    return o.build();
  }

  private static List<Tag> toTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static boolean isTrue(Boolean b) {
    return Boolean.TRUE.equals(b);
  }

  private static int intOf(Integer i) {
    return i == null ? 0 : i;
  }
}
