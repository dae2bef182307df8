package dev.uba.operator.aws.opensearch;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/** An OpenSearch domain as DescribeDomain and ListTags report it. */
public record DomainActual(
    String name, String arn, String endpoint, String engineVersion, boolean created, boolean processing,
    boolean upgradeProcessing, boolean deleted, String processingStatus,
    String instanceType, int instanceCount, boolean dedicatedMasters, String dedicatedMasterType,
    int dedicatedMasterCount, boolean zoneAwareness, int zoneCount, int volumeSizeGiB, String volumeType,
    boolean encryptionAtRest, boolean nodeToNodeEncryption, boolean enforceHttps, String tlsPolicy,
    String accessPolicy, Map<String, String> tags) implements Observed {}
