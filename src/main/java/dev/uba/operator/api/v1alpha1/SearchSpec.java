package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

public class SearchSpec {
  @JsonPropertyDescription("Domain name, 3 to 28 characters [a-z][a-z0-9-]*; default derived from the object. Immutable.")
  @Size(min = 3, max = 28)
  @Pattern("^[a-z][a-z0-9-]*$")
  @Nullable
  private String domainName;

  @JsonPropertyDescription("OpenSearch_X.Y or Elasticsearch_X.Y; upgrades go through UpgradeDomain, downgrades are refused.")
  @Default("OpenSearch_2.11")
  @Pattern("^(OpenSearch|Elasticsearch)_[0-9]+\\.[0-9]+$")
  private String engineVersion = "OpenSearch_2.11";

  @JsonPropertyDescription("Instance type of the data nodes.")
  @Default("r6g.large.search")
  @Pattern("^[a-z0-9]+\\.[a-z0-9]+\\.search$")
  private String instanceType = "r6g.large.search";

  @JsonPropertyDescription("Number of data nodes.")
  @Default("1")
  @Min(1)
  @Max(1000)
  private Integer instanceCount = 1;

  @JsonPropertyDescription("Dedicated master nodes; count 3 or 5.")
  private DedicatedMasters dedicatedMasters;

  @JsonPropertyDescription("Spread data nodes over 2 or 3 availability zones; instanceCount must be a multiple of the zone count.")
  private ZoneAwareness zoneAwareness;

  @JsonPropertyDescription("EBS storage of each data node; default 10 GiB gp3.")
  @Default("{}")
  private Storage storage = new Storage();

  @JsonPropertyDescription("Encryption at rest; cannot be turned off after creation.")
  @Default("{}")
  private EncryptionAtRest encryptionAtRest = new EncryptionAtRest();

  @JsonPropertyDescription("Node-to-node encryption; cannot be turned off after creation.")
  @Default("true")
  private Boolean nodeToNodeEncryption = true;

  @JsonPropertyDescription("Require HTTPS with TLS policy Policy-Min-TLS-1-2-2019-07.")
  @Default("true")
  private Boolean enforceHttps = true;

  @JsonPropertyDescription("Extra IAM principals (ARNs or account ids) allowed es:ESHttp* on the domain.")
  @Size(max = 20)
  private List<String> accessPrincipals = new ArrayList<>();

  @JsonPropertyDescription("An index template the operator keeps on the domain for the delivered events.")
  @Default("{}")
  private IndexTemplate indexTemplate = new IndexTemplate();

  @JsonPropertyDescription("An ISM policy deletes delivered indices older than this many days; absent keeps them.")
  @Min(1)
  @Max(3650)
  @Nullable
  private Integer retentionDays;

  public String getDomainName() { return domainName; }
  public void setDomainName(String domainName) { this.domainName = domainName; }
  public String getEngineVersion() { return engineVersion; }
  public void setEngineVersion(String engineVersion) { this.engineVersion = engineVersion; }
  public String getInstanceType() { return instanceType; }
  public void setInstanceType(String instanceType) { this.instanceType = instanceType; }
  public Integer getInstanceCount() { return instanceCount; }
  public void setInstanceCount(Integer instanceCount) { this.instanceCount = instanceCount; }
  public DedicatedMasters getDedicatedMasters() { return dedicatedMasters; }
  public void setDedicatedMasters(DedicatedMasters dedicatedMasters) { this.dedicatedMasters = dedicatedMasters; }
  public ZoneAwareness getZoneAwareness() { return zoneAwareness; }
  public void setZoneAwareness(ZoneAwareness zoneAwareness) { this.zoneAwareness = zoneAwareness; }
  public Storage getStorage() { return storage; }
  public void setStorage(Storage storage) { this.storage = storage == null ? new Storage() : storage; }
  public EncryptionAtRest getEncryptionAtRest() { return encryptionAtRest; }
  public void setEncryptionAtRest(EncryptionAtRest encryptionAtRest) { this.encryptionAtRest = encryptionAtRest == null ? new EncryptionAtRest() : encryptionAtRest; }
  public Boolean getNodeToNodeEncryption() { return nodeToNodeEncryption; }
  public void setNodeToNodeEncryption(Boolean nodeToNodeEncryption) { this.nodeToNodeEncryption = nodeToNodeEncryption == null ? Boolean.TRUE : nodeToNodeEncryption; }
  public Boolean getEnforceHttps() { return enforceHttps; }
  public void setEnforceHttps(Boolean enforceHttps) { this.enforceHttps = enforceHttps == null ? Boolean.TRUE : enforceHttps; }
  public List<String> getAccessPrincipals() { return accessPrincipals; }
  public void setAccessPrincipals(List<String> accessPrincipals) { this.accessPrincipals = accessPrincipals == null ? new ArrayList<>() : accessPrincipals; }

  public IndexTemplate getIndexTemplate() { return indexTemplate; }
  public void setIndexTemplate(IndexTemplate indexTemplate) { this.indexTemplate = indexTemplate == null ? new IndexTemplate() : indexTemplate; }
  public Integer getRetentionDays() { return retentionDays; }
  public void setRetentionDays(Integer retentionDays) { this.retentionDays = retentionDays; }

  public static class IndexTemplate {
    @JsonPropertyDescription("Keep the index template (and with retentionDays the ISM policy) on the domain.")
    @Default("true")
    private Boolean enabled = true;

    @JsonPropertyDescription("Primary shards of each new index.")
    @Default("1")
    @Min(1)
    @Max(1024)
    private Integer shards = 1;

    @JsonPropertyDescription("Replicas of each shard; 0 is refused with zone awareness.")
    @Default("1")
    @Min(0)
    @Max(15)
    private Integer replicas = 1;

    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled == null ? Boolean.TRUE : enabled; }
    public Integer getShards() { return shards; }
    public void setShards(Integer shards) { this.shards = shards == null ? 1 : shards; }
    public Integer getReplicas() { return replicas; }
    public void setReplicas(Integer replicas) { this.replicas = replicas == null ? 1 : replicas; }
  }

  // The contract's enum 3 | 5: the generator's annotations cannot say it of an integer, so the
  // schema gets it from this merge patch, which replaces "properties" whole and so restates both
  // fields (a 4 is refused at apply time; PipelineValidation says the same).
  @SchemaCustomizer(value = SchemaCustomizer.MergePatchCustomizer.class, input = """
      {"properties": {
        "count": {"type": "integer", "enum": [3, 5], "default": 3, "description": "Number of dedicated master nodes: 3 or 5."},
        "instanceType": {"type": "string", "pattern": "^[a-z0-9]+\\\\.[a-z0-9]+\\\\.search$",
                         "description": "Instance type of the dedicated master nodes."}}}""")
  public static class DedicatedMasters {
    @JsonPropertyDescription("Instance type of the dedicated master nodes.")
    @Required
    @Pattern("^[a-z0-9]+\\.[a-z0-9]+\\.search$")
    private String instanceType;

    @JsonPropertyDescription("3 or 5.")
    @Default("3")
    private Integer count = 3;

    public String getInstanceType() { return instanceType; }
    public void setInstanceType(String instanceType) { this.instanceType = instanceType; }
    public Integer getCount() { return count; }
    public void setCount(Integer count) { this.count = count; }
  }

  public static class ZoneAwareness {
    @JsonPropertyDescription("Spread the data nodes over availabilityZoneCount zones.")
    @Default("true")
    private Boolean enabled = true;

    @JsonPropertyDescription("2 or 3.")
    @Default("2")
    @Min(2)
    @Max(3)
    private Integer availabilityZoneCount = 2;

    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled == null ? Boolean.TRUE : enabled; }
    public Integer getAvailabilityZoneCount() { return availabilityZoneCount; }
    public void setAvailabilityZoneCount(Integer availabilityZoneCount) { this.availabilityZoneCount = availabilityZoneCount; }
  }

  public static class Storage {
    public enum VolumeType { gp3, gp2, io1, standard }

    @JsonPropertyDescription("Size of each node's EBS volume in GiB.")
    @Default("10")
    @Min(10)
    @Max(16384)
    private Integer volumeSizeGiB = 10;

    @JsonPropertyDescription("EBS volume type.")
    @Default("gp3")
    private VolumeType volumeType = VolumeType.gp3;

    public Integer getVolumeSizeGiB() { return volumeSizeGiB; }
    public void setVolumeSizeGiB(Integer volumeSizeGiB) { this.volumeSizeGiB = volumeSizeGiB; }
    public VolumeType getVolumeType() { return volumeType; }
    public void setVolumeType(VolumeType volumeType) { this.volumeType = volumeType; }
  }

  public static class EncryptionAtRest {
    @JsonPropertyDescription("Encrypt data at rest; cannot be turned off after creation.")
    @Default("true")
    private Boolean enabled = true;

    @JsonPropertyDescription("KMS key for encryption at rest; empty or absent means the AWS-owned key.")
    @Nullable
    private String kmsKeyId;

    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled == null ? Boolean.TRUE : enabled; }
    public String getKmsKeyId() { return kmsKeyId; }
    public void setKmsKeyId(String kmsKeyId) { this.kmsKeyId = kmsKeyId; }
  }
}
