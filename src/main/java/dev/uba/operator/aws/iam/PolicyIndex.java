package dev.uba.operator.aws.iam;

import dev.uba.operator.aws.shared.ScannedIndex;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the operator knows of its customer-managed policies, shared by every object of a partition
 * (IAM has one control plane): the last full read of each (GetPolicy and GetPolicyVersion), and IAM's
 * listing of the policies under the operator's path (ListPolicies, a thousand a page, each with its
 * default version), a {@link ScannedIndex} that follows the same freshness rules as the tag index.
 *
 * <p>A policy's document changes only with its default version (versions are immutable), so a read
 * whose version a fresh listing confirms still has the current document; the listing does not report
 * tags (IAM's listings return a subset of each resource's attributes), so such a read's tags are as
 * old as the read. Without the index, IAM's rate quotas bind first in steady state: one GetPolicy and
 * one GetPolicyVersion per policy and pass allow only a few thousand pipelines per resync interval.
 */
public final class PolicyIndex {
  /** ListPolicies' largest page. */
  public static final int PAGE_SIZE = 1000;

  private record Read(PolicyActual actual, Instant at) {}

  private final ScannedIndex<String> defaultVersions;
  private final Clock clock;
  private final Map<String, Read> reads = new ConcurrentHashMap<>();

  /** @param defaultVersions the default version of each policy ARN, from IAM's listing */
  public PolicyIndex(ScannedIndex<String> defaultVersions, Clock clock) {
    this.defaultVersions = defaultVersions;
    this.clock = clock;
  }

  /** An index that keeps nothing: every pass reads each policy in full. */
  public static PolicyIndex none() {
    return new PolicyIndex(ScannedIndex.none("ListPolicies"), Clock.systemUTC());
  }

  /**
   * The last full read of the policy at {@code arn}, if younger than half the resync interval: a
   * pass needs no call (passes while an object converges come a poll interval apart; a resync, an
   * interval after the last, always looks).
   */
  public Optional<PolicyActual> recentRead(String arn) {
    Read read = reads.get(arn);
    Duration reused = defaultVersions.maxAge().dividedBy(2);
    if (read == null || !clock.instant().isBefore(read.at().plus(reused))) {
      return Optional.empty();
    }
    return Optional.of(read.actual());
  }

  /**
   * The last full read of the policy at {@code arn}, if a fresh listing shows the same default
   * version: its document is the current one, its tags are as of the read.
   */
  public Optional<PolicyActual> confirmedRead(String arn) {
    Read read = reads.get(arn);
    Optional<String> listed = defaultVersions.lookup(arn);
    if (read == null || listed.isEmpty() || !listed.get().equals(read.actual().defaultVersionId())) {
      return Optional.empty();
    }
    return Optional.of(read.actual());
  }

  /**
   * Whether the last full read of the policy at {@code arn} (and so its tags) is older than two
   * resync intervals: its next GetPolicy goes before the ones that read tags younger than that.
   */
  public boolean overdue(String arn) {
    Read read = reads.get(arn);
    return read != null && !clock.instant().isBefore(read.at().plus(defaultVersions.maxAge().multipliedBy(2)));
  }

  /** The document of version {@code versionId} of the policy, if its last read holds it: a version never changes. */
  public Optional<String> knownDocument(String arn, String versionId) {
    Read read = reads.get(arn);
    if (read == null || !read.actual().defaultVersionId().equals(versionId)) {
      return Optional.empty();
    }
    return Optional.of(read.actual().document());
  }

  /** The policy was read in full just now. */
  public void read(PolicyActual actual) {
    if (!defaultVersions.maxAge().isZero()) {
      reads.put(actual.arn(), new Read(actual, clock.instant()));
    }
  }

  /**
   * The operator created the policy at {@code arn} or gave it a new default version: the next pass
   * reads it, and a listing that was already running cannot bring back the version before.
   */
  public void changed(String arn, String defaultVersionId) {
    reads.remove(arn);
    defaultVersions.record(arn, defaultVersionId);
  }

  /** The operator deleted the policy at {@code arn}, or a read found it gone. */
  public void forget(String arn) {
    reads.remove(arn);
    defaultVersions.forget(arn);
  }
}
