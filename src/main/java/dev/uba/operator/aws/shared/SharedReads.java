package dev.uba.operator.aws.shared;

import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.cloudwatch.CloudWatchAlarm;
import dev.uba.operator.aws.iam.PolicyIndex;
import dev.uba.operator.aws.opensearch.OpenSearchDomain;
import dev.uba.operator.config.LeastPrivilege;
import dev.uba.operator.engine.Ownership;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;

/**
 * The reads every object of a region shares, one set per region: the {@link TagIndex} of the
 * operator's resources and the {@link BatchedDescribe}s of alarms and domains; and one
 * {@link PolicyIndex} per partition. Built once by
 * {@link AwsClients#shared}; its scans run on one daemon thread of its own.
 */
public final class SharedReads implements AutoCloseable {
  /**
   * The services whose resources the index holds: whole services, which AWS and the local emulator
   * both filter on (resource types such as {@code sns:topic} the emulator does not match).
   */
  static final List<String> INDEXED_SERVICES =
      List.of("kinesis", "sns", "cloudwatch", "logs", "events", "firehose", "es");
  /** GetResources' largest page. */
  static final int PAGE_SIZE = 100;
  /** The longest a value read for another object's pass is kept: passes due that soon share a call. */
  static final Duration LONGEST_KEPT = Duration.ofSeconds(15);

  private final AwsClients aws;
  private final Duration resyncInterval;
  private final Clock clock;
  private final ScheduledExecutorService scanner = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "uba-tag-index");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, TagIndex> tags = new ConcurrentHashMap<>();
  private final Map<String, PolicyIndex> policies = new ConcurrentHashMap<>();
  private final Map<String, BatchedDescribe<MetricAlarm>> alarms = new ConcurrentHashMap<>();
  private final Map<String, BatchedDescribe<DomainStatus>> domains = new ConcurrentHashMap<>();

  public SharedReads(AwsClients aws, Duration resyncInterval, Clock clock) {
    this.aws = aws;
    this.resyncInterval = resyncInterval;
    this.clock = clock;
  }

  /** The tags of the operator's resources in the region. */
  public TagIndex tags(String region) {
    return tags.computeIfAbsent(region, r -> new TagIndex(token -> page(r, token), resyncInterval, clock,
        this::scheduleScan));
  }

  /** The operator's customer-managed policies, one index per partition (IAM's control plane is global). */
  public PolicyIndex policies(String region) {
    return policies.computeIfAbsent(AwsClients.partition(region), partition -> new PolicyIndex(
        new ScannedIndex<>("ListPolicies", token -> policyPage(region, token), resyncInterval, clock,
            this::scheduleScan), clock));
  }

  /** DescribeAlarms of up to 100 names. */
  public BatchedDescribe<MetricAlarm> alarms(String region) {
    return alarms.computeIfAbsent(region, r -> new BatchedDescribe<>(CloudWatchAlarm.NAMES_PER_DESCRIBE, kept(),
        resyncInterval, clock, CloudWatchAlarm.describeAlarms(aws.cloudWatch(r)), a -> true));
  }

  /** DescribeDomains of up to 5 names; a domain AWS is changing is not kept for other passes. */
  public BatchedDescribe<DomainStatus> domains(String region) {
    return domains.computeIfAbsent(region, r -> new BatchedDescribe<>(OpenSearchDomain.NAMES_PER_DESCRIBE, kept(),
        resyncInterval, clock, OpenSearchDomain.describeDomains(aws.openSearch(r)), OpenSearchDomain::settled));
  }

  /** A quarter of the resync interval, at most {@link #LONGEST_KEPT}. */
  Duration kept() {
    Duration quarter = resyncInterval.dividedBy(4);
    return quarter.compareTo(LONGEST_KEPT) < 0 ? quarter : LONGEST_KEPT;
  }

  private TagIndex.Page page(String region, String token) {
    ResourceGroupsTaggingApiClient tagging = aws.tagging(region);
    GetResourcesResponse page = tagging.getResources(r -> r
        .tagFilters(f -> f.key(Ownership.MANAGED_BY).values(Ownership.MANAGED_BY_VALUE))
        .resourceTypeFilters(INDEXED_SERVICES)
        .resourcesPerPage(PAGE_SIZE)
        .paginationToken(token));
    Map<String, Map<String, String>> byArn = new LinkedHashMap<>();
    page.resourceTagMappingList().forEach(m -> {
      Map<String, String> t = new LinkedHashMap<>();
      m.tags().forEach(tag -> t.put(tag.key(), tag.value()));
      byArn.put(m.resourceARN(), t);
    });
    return new TagIndex.Page(byArn, page.paginationToken());
  }

  /** Every index's scans run on the one scanner thread. */
  private void scheduleScan(Runnable task, Duration delay) {
    scanner.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The customer-managed policies under the operator's path, with their default versions. */
  private ScannedIndex.Page<String> policyPage(String region, String marker) {
    ListPoliciesResponse page = aws.iam(region).listPolicies(r -> r.scope(PolicyScopeType.LOCAL)
        .pathPrefix(LeastPrivilege.IAM_PATH).maxItems(PolicyIndex.PAGE_SIZE).marker(marker));
    Map<String, String> versions = new LinkedHashMap<>();
    page.policies().forEach(p -> versions.put(p.arn(), p.defaultVersionId()));
    return new ScannedIndex.Page<>(versions, Boolean.TRUE.equals(page.isTruncated()) ? page.marker() : null);
  }

  @Override
  public void close() {
    scanner.shutdownNow();
  }
}
