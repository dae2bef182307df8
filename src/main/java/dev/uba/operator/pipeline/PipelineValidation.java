package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.ArchiveSpec;
import dev.uba.operator.api.v1alpha1.DeliverySpec;
import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.StreamSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.config.LeastPrivilege;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.SpecProblems;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the schema cannot say on every supported Kubernetes version: cross-field rules and
 * immutability, checked against the spec and what status recorded (pure, no AWS call).
 */
public final class PipelineValidation {
  private static final Pattern PRINCIPAL = Pattern.compile(
      "^([0-9]{12}|arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:(root|(role|user|assumed-role)/[\\w+=,.@/-]+))$");
  private static final Pattern ENGINE = Pattern.compile("^(OpenSearch|Elasticsearch)_([0-9]+)\\.([0-9]+)$");

  private PipelineValidation() {}

  public static Optional<Outcome> validate(UbaPipeline pipeline, String operatorRegion, PipelineNames names) {
    SpecProblems problems = new SpecProblems();
    UbaPipelineStatus status = pipeline.getStatus() == null ? new UbaPipelineStatus() : pipeline.getStatus();
    problems.checkRegion(pipeline.getSpec().getRegion(), operatorRegion, status.getRegion());
    problems.checkTags(pipeline.getSpec().getTags());
    checkStream(problems, pipeline.getSpec().getStream(), status, names);
    if (pipeline.getSpec().getSearch() != null) {
      checkSearch(problems, pipeline.getSpec().getSearch(), status, names);
    }
    checkArchiveAndDelivery(problems, pipeline.getSpec(), status);
    return problems.outcome();
  }

  /**
   * The contract's allow-list for domain access: spec.search.accessPrincipals may name principals of
   * the operator's own account and of UBA_ALLOWED_ACCOUNTS only (checked once the own account is
   * known, before any AWS write; the principals' format was checked by {@link #validate}).
   */
  public static Optional<Outcome> checkPrincipalAccounts(SearchSpec search, LeastPrivilege rules, String ownAccount) {
    if (search == null || search.getAccessPrincipals() == null) {
      return Optional.empty();
    }
    SpecProblems problems = new SpecProblems();
    List<String> principals = search.getAccessPrincipals();
    for (int i = 0; i < principals.size(); i++) {
      String account = accountOf(principals.get(i));
      if (!rules.allowsAccount(account, ownAccount)) {
        problems.invalid("spec.search.accessPrincipals[" + i + "]", "account " + account + " of " + principals.get(i)
            + " may not be given access: allowed are the operator's own account and UBA_ALLOWED_ACCOUNTS ("
            + String.join(", ", rules.accounts(ownAccount)) + ")");
      }
    }
    return problems.outcome();
  }

  /** The account of a principal: a 12-digit id itself, else the account field of its ARN. */
  static String accountOf(String principal) {
    if (!principal.startsWith("arn:")) {
      return principal;
    }
    String[] parts = principal.split(":", 6);
    return parts.length > 4 ? parts[4] : "";
  }

  private static void checkStream(SpecProblems problems, StreamSpec stream, UbaPipelineStatus status,
      PipelineNames names) {
    if (stream.getMode() == StreamSpec.Mode.ON_DEMAND && stream.getShards() != null) {
      problems.invalid("spec.stream.shards", "must not be set with mode ON_DEMAND (AWS scales on-demand streams itself)");
    }
    if (stream.getEncryption() != null && stream.getEncryption().getType() == StreamSpec.StreamEncryption.Type.KMS
        && (stream.getEncryption().getKmsKeyId() == null || stream.getEncryption().getKmsKeyId().isBlank())) {
      problems.invalid("spec.stream.encryption.kmsKeyId", "required with type KMS");
    }
    if (status.getStream() != null && status.getStream().getName() != null
        && !status.getStream().getName().equals(names.stream())) {
      problems.immutable("spec.stream.name", status.getStream().getName(), names.stream());
    }
  }

  private static void checkSearch(SpecProblems problems, SearchSpec search, UbaPipelineStatus status,
      PipelineNames names) {
    SearchSpec.ZoneAwareness zones = search.getZoneAwareness();
    if (zones != null && Boolean.TRUE.equals(zones.getEnabled())) {
      int count = zones.getAvailabilityZoneCount();
      if (count != 2 && count != 3) {
        problems.invalid("spec.search.zoneAwareness.availabilityZoneCount", "must be 2 or 3");
      } else if (search.getInstanceCount() % count != 0) {
        problems.invalid("spec.search.instanceCount", "must be a multiple of the availability zone count "
            + count + " (got " + search.getInstanceCount() + ")");
      }
    }
    SearchSpec.ZoneAwareness zoned = search.getZoneAwareness();
    if (zoned != null && Boolean.TRUE.equals(zoned.getEnabled()) && search.getIndexTemplate().getEnabled()
        && search.getIndexTemplate().getReplicas() == 0) {
      problems.invalid("spec.search.indexTemplate.replicas",
          "must be at least 1 with zone awareness (a replica in another zone is what it is for)");
    }
    if (search.getDedicatedMasters() != null) {
      int count = search.getDedicatedMasters().getCount();
      if (count != 3 && count != 5) {
        problems.invalid("spec.search.dedicatedMasters.count", "must be 3 or 5 (got " + count + ")");
      }
    }
    List<String> principals = search.getAccessPrincipals() == null ? List.of() : search.getAccessPrincipals();
    for (int i = 0; i < principals.size(); i++) {
      String p = principals.get(i);
      if (p == null || !PRINCIPAL.matcher(p).matches()) {
        problems.invalid("spec.search.accessPrincipals[" + i + "]",
            "must be an IAM role, user or account ARN or a 12-digit account id (got " + p + ")");
      }
    }
    UbaPipelineStatus.SearchStatus was = status.getSearch();
    if (was == null) {
      return;
    }
    if (was.getDomainName() != null && !was.getDomainName().equals(names.domain())) {
      problems.immutable("spec.search.domainName", was.getDomainName(), names.domain());
    }
    if (was.getEngineVersion() != null && isDowngrade(was.getEngineVersion(), search.getEngineVersion())) {
      problems.invalid("spec.search.engineVersion", "cannot go from " + was.getEngineVersion() + " to "
          + search.getEngineVersion() + ": OpenSearch domains can only be upgraded");
    }
    if (Boolean.TRUE.equals(was.getEncryptionAtRest()) && search.getEncryptionAtRest() != null
        && Boolean.FALSE.equals(search.getEncryptionAtRest().getEnabled())) {
      problems.immutable("spec.search.encryptionAtRest.enabled", true, false);
    }
    if (Boolean.TRUE.equals(was.getNodeToNodeEncryption()) && Boolean.FALSE.equals(search.getNodeToNodeEncryption())) {
      problems.immutable("spec.search.nodeToNodeEncryption", true, false);
    }
  }

  private static void checkArchiveAndDelivery(SpecProblems problems, UbaPipelineSpec spec, UbaPipelineStatus status) {
    ArchiveSpec archive = spec.getArchive();
    if (spec.getDelivery() != null && archive == null) {
      problems.invalid("spec.archive", "required with spec.delivery (Firehose backs events up to the archive)");
    }
    if (archive != null && archive.getGlacierAfterDays() > 0 && archive.getExpireAfterDays() > 0
        && archive.getGlacierAfterDays() >= archive.getExpireAfterDays()) {
      problems.invalid("spec.archive.glacierAfterDays", "must be less than expireAfterDays "
          + archive.getExpireAfterDays() + " (got " + archive.getGlacierAfterDays() + ")");
    }
    if (archive != null && notBlank(archive.getBucketName()) && status.getArchive() != null
        && status.getArchive().getBucketName() != null && !status.getArchive().getBucketName().equals(archive.getBucketName())) {
      problems.immutable("spec.archive.bucketName", status.getArchive().getBucketName(), archive.getBucketName());
    }
    DeliverySpec delivery = spec.getDelivery();
    if (delivery != null && notBlank(delivery.getName()) && status.getDelivery() != null
        && status.getDelivery().getName() != null && !status.getDelivery().getName().equals(delivery.getName())) {
      problems.immutable("spec.delivery.name", status.getDelivery().getName(), delivery.getName());
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /**
   * True when {@code next} is older than {@code current}. Elasticsearch versions all precede
   * OpenSearch ones; AWS upgrades Elasticsearch 7.10 to OpenSearch but never back.
   */
  static boolean isDowngrade(String current, String next) {
    return rank(next) < rank(current);
  }

  private static long rank(String version) {
    var m = ENGINE.matcher(version);
    if (!m.matches()) {
      return Long.MAX_VALUE;
    }
    long family = m.group(1).equals("OpenSearch") ? 1 : 0;
    return family * 1_000_000 + Long.parseLong(m.group(2)) * 1000 + Long.parseLong(m.group(3));
  }
}
