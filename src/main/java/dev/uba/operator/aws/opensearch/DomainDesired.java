package dev.uba.operator.aws.opensearch;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/**
 * The OpenSearch domain the spec asks for, defaults applied.
 *
 * @param dedicatedMasterType null without dedicated masters
 * @param zoneCount 0 without zone awareness
 * @param kmsKeyId empty for the AWS-owned key
 */
public record DomainDesired(
    String name, String arn, String engineVersion, String instanceType, int instanceCount,
    String dedicatedMasterType, int dedicatedMasterCount, int zoneCount,
    int volumeSizeGiB, String volumeType, boolean encryptionAtRest, String kmsKeyId,
    boolean nodeToNodeEncryption, boolean enforceHttps, String accessPolicy, Map<String, String> tags)
    implements Desired {

  public static final String TLS_POLICY = "Policy-Min-TLS-1-2-2019-07";

  public boolean dedicatedMasters() {
    return dedicatedMasterType != null;
  }

  public boolean zoneAwareness() {
    return zoneCount > 1;
  }
}
