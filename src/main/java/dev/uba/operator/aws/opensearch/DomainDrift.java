package dev.uba.operator.aws.opensearch;

import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.PolicyDocuments;

/** The differences between a desired and an actual domain (pure). */
public final class DomainDrift {
  public static final String ENGINE_VERSION = "engineVersion";
  public static final String ENCRYPTION_AT_REST = "encryptionAtRest";
  public static final String NODE_TO_NODE_ENCRYPTION = "nodeToNodeEncryption";
  public static final String ACCESS_POLICY = "access policy";

  private DomainDrift() {}

  /** Differences UpdateDomainConfig applies (everything but the engine version and tags). */
  public static Drift config(DomainDesired d, DomainActual a) {
    Drift.Builder drift = Drift.builder()
        .field("instanceType", d.instanceType(), a.instanceType())
        .field("instanceCount", d.instanceCount(), a.instanceCount())
        .field("dedicatedMasters", d.dedicatedMasters(), a.dedicatedMasters());
    if (d.dedicatedMasters() && a.dedicatedMasters()) {
      drift.field("dedicatedMasters.instanceType", d.dedicatedMasterType(), a.dedicatedMasterType())
          .field("dedicatedMasters.count", d.dedicatedMasterCount(), a.dedicatedMasterCount());
    }
    drift.field("zoneAwareness", d.zoneAwareness(), a.zoneAwareness());
    if (d.zoneAwareness() && a.zoneAwareness()) {
      drift.field("zoneAwareness.availabilityZoneCount", d.zoneCount(), a.zoneCount());
    }
    return drift.field("storage.volumeSizeGiB", d.volumeSizeGiB(), a.volumeSizeGiB())
        .field("storage.volumeType", d.volumeType(), a.volumeType())
        // Encryption can only be turned on; turning it off is refused by validation (ImmutableField).
        .fieldIf(d.encryptionAtRest() && !a.encryptionAtRest(), ENCRYPTION_AT_REST, true, false)
        .fieldIf(d.nodeToNodeEncryption() && !a.nodeToNodeEncryption(), NODE_TO_NODE_ENCRYPTION, true, false)
        .field("enforceHttps", d.enforceHttps(), a.enforceHttps())
        .fieldIf(d.enforceHttps() && !DomainDesired.TLS_POLICY.equals(a.tlsPolicy()), "tlsSecurityPolicy",
            DomainDesired.TLS_POLICY, a.tlsPolicy())
        .namedIf(!PolicyDocuments.equivalent(d.accessPolicy(), a.accessPolicy()), ACCESS_POLICY, d.accessPolicy(),
            a.accessPolicy())
        .build();
  }

  /** Everything that differs: the engine version first (an upgrade goes alone), then the configuration, then tags. */
  public static Drift all(DomainDesired d, DomainActual a) {
    return Drift.builder()
        .field(ENGINE_VERSION, d.engineVersion(), a.engineVersion())
        .addAll(config(d, a))
        .tags(d.tags(), a.tags())
        .build();
  }
}
