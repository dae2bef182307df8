package dev.uba.operator.aws.opensearch;

import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.PolicyDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The differences between a desired and an actual domain (pure). */
public final class DomainDrift {
  private DomainDrift() {}

  /** Differences UpdateDomainConfig applies (everything but the engine version and tags). */
  public static List<String> config(DomainDesired d, DomainActual a) {
    List<String> drift = new ArrayList<>();
    diff(drift, "instanceType", a.instanceType(), d.instanceType());
    diff(drift, "instanceCount", a.instanceCount(), d.instanceCount());
    diff(drift, "dedicatedMasters", a.dedicatedMasters(), d.dedicatedMasters());
    if (d.dedicatedMasters() && a.dedicatedMasters()) {
      diff(drift, "dedicatedMasters.instanceType", a.dedicatedMasterType(), d.dedicatedMasterType());
      diff(drift, "dedicatedMasters.count", a.dedicatedMasterCount(), d.dedicatedMasterCount());
    }
    diff(drift, "zoneAwareness", a.zoneAwareness(), d.zoneAwareness());
    if (d.zoneAwareness() && a.zoneAwareness()) {
      diff(drift, "zoneAwareness.availabilityZoneCount", a.zoneCount(), d.zoneCount());
    }
    diff(drift, "storage.volumeSizeGiB", a.volumeSizeGiB(), d.volumeSizeGiB());
    diff(drift, "storage.volumeType", a.volumeType(), d.volumeType());
    if (d.encryptionAtRest() && !a.encryptionAtRest()) {
      drift.add("encryptionAtRest false -> true");
    }
    if (d.nodeToNodeEncryption() && !a.nodeToNodeEncryption()) {
      drift.add("nodeToNodeEncryption false -> true");
    }
    diff(drift, "enforceHttps", a.enforceHttps(), d.enforceHttps());
    if (d.enforceHttps() && !DomainDesired.TLS_POLICY.equals(a.tlsPolicy())) {
      drift.add("tlsSecurityPolicy " + a.tlsPolicy() + " -> " + DomainDesired.TLS_POLICY);
    }
    if (!PolicyDocuments.equivalent(d.accessPolicy(), a.accessPolicy())) {
      drift.add("access policy");
    }
    return drift;
  }

  public static boolean engineDiffers(DomainDesired d, DomainActual a) {
    return !d.engineVersion().equals(a.engineVersion());
  }

  public static List<String> all(DomainDesired d, DomainActual a) {
    List<String> drift = new ArrayList<>();
    if (engineDiffers(d, a)) {
      drift.add("engineVersion " + a.engineVersion() + " -> " + d.engineVersion());
    }
    drift.addAll(config(d, a));
    drift.addAll(Ownership.tagDrift(d.tags(), a.tags()));
    return drift;
  }

  private static void diff(List<String> drift, String field, Object actual, Object desired) {
    if (!Objects.equals(actual, desired)) {
      drift.add(field + " " + actual + " -> " + desired);
    }
  }
}
