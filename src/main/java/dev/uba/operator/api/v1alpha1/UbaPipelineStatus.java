package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class UbaPipelineStatus extends CommonStatus {
  private StreamStatus stream;
  private SearchStatus search;
  private NamedArn ingestionRole;
  private NamedArn producerPolicy;
  private ArchiveStatus archive;
  private DeliveryStatus delivery;
  private DataFlowStatus dataFlow;

  public StreamStatus getStream() { return stream; }
  public void setStream(StreamStatus stream) { this.stream = stream; }
  public SearchStatus getSearch() { return search; }
  public void setSearch(SearchStatus search) { this.search = search; }
  public NamedArn getIngestionRole() { return ingestionRole; }
  public void setIngestionRole(NamedArn ingestionRole) { this.ingestionRole = ingestionRole; }
  public NamedArn getProducerPolicy() { return producerPolicy; }
  public void setProducerPolicy(NamedArn producerPolicy) { this.producerPolicy = producerPolicy; }
  public ArchiveStatus getArchive() { return archive; }
  public void setArchive(ArchiveStatus archive) { this.archive = archive; }
  public DeliveryStatus getDelivery() { return delivery; }
  public void setDelivery(DeliveryStatus delivery) { this.delivery = delivery; }
  public DataFlowStatus getDataFlow() { return dataFlow; }
  public void setDataFlow(DataFlowStatus dataFlow) { this.dataFlow = dataFlow; }

  /** The archive bucket. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class ArchiveStatus {
    private String bucketName;
    private String arn;

    public ArchiveStatus() {}

    public ArchiveStatus(String bucketName, String arn) {
      this.bucketName = bucketName;
      this.arn = arn;
    }

    public String getBucketName() { return bucketName; }
    public void setBucketName(String bucketName) { this.bucketName = bucketName; }
    public String getArn() { return arn; }
    public void setArn(String arn) { this.arn = arn; }
  }

  /** The delivery stream; destination is OpenSearch or S3. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DeliveryStatus {
    private String name;
    private String arn;
    private String status;
    private String destination;
    private String versionId;
    /** The generation a FAILED delivery stream was first seen with: it is tried again once the spec moves past it. */
    private Long failedGeneration;
    /** Since when Firehose could not assume the new ingestion role (IAM is eventually consistent). */
    private String waitingForRoleSince;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getArn() { return arn; }
    public void setArn(String arn) { this.arn = arn; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getDestination() { return destination; }
    public void setDestination(String destination) { this.destination = destination; }
    public String getVersionId() { return versionId; }
    public void setVersionId(String versionId) { this.versionId = versionId; }
    public Long getFailedGeneration() { return failedGeneration; }
    public void setFailedGeneration(Long failedGeneration) { this.failedGeneration = failedGeneration; }
    public String getWaitingForRoleSince() { return waitingForRoleSince; }
    public void setWaitingForRoleSince(String waitingForRoleSince) { this.waitingForRoleSince = waitingForRoleSince; }
  }

  /** What CloudWatch measured of the events in the last windowMinutes (with a delivery). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DataFlowStatus {
    private Integer windowMinutes;
    private Long incomingRecords;
    private Long deliveredRecords;
    /** Average success of deliveries, as a decimal string ("1.00"). */
    private String deliverySuccess;
    private Long freshnessSeconds;
    private String checkedTime;

    public Integer getWindowMinutes() { return windowMinutes; }
    public void setWindowMinutes(Integer windowMinutes) { this.windowMinutes = windowMinutes; }
    public Long getIncomingRecords() { return incomingRecords; }
    public void setIncomingRecords(Long incomingRecords) { this.incomingRecords = incomingRecords; }
    public Long getDeliveredRecords() { return deliveredRecords; }
    public void setDeliveredRecords(Long deliveredRecords) { this.deliveredRecords = deliveredRecords; }
    public String getDeliverySuccess() { return deliverySuccess; }
    public void setDeliverySuccess(String deliverySuccess) { this.deliverySuccess = deliverySuccess; }
    public Long getFreshnessSeconds() { return freshnessSeconds; }
    public void setFreshnessSeconds(Long freshnessSeconds) { this.freshnessSeconds = freshnessSeconds; }
    public String getCheckedTime() { return checkedTime; }
    public void setCheckedTime(String checkedTime) { this.checkedTime = checkedTime; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class StreamStatus {
    private String name;
    private String arn;
    private String status;
    private String mode;
    private Integer shards;
    /** When the operator called UpdateShardCount, for AWS's 10-per-24-hours limit (RFC 3339). */
    private List<String> shardCountUpdates = new ArrayList<>();
    /** When the operator called UpdateStreamMode, for AWS's 2-per-24-hours limit (RFC 3339). */
    private List<String> modeSwitches = new ArrayList<>();

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getArn() { return arn; }
    public void setArn(String arn) { this.arn = arn; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getMode() { return mode; }
    public void setMode(String mode) { this.mode = mode; }
    public Integer getShards() { return shards; }
    public void setShards(Integer shards) { this.shards = shards; }
    public List<String> getShardCountUpdates() { return shardCountUpdates; }
    public void setShardCountUpdates(List<String> shardCountUpdates) { this.shardCountUpdates = shardCountUpdates; }
    public List<String> getModeSwitches() { return modeSwitches; }
    public void setModeSwitches(List<String> modeSwitches) { this.modeSwitches = modeSwitches; }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class SearchStatus {
    private String domainName;
    private String arn;
    private String endpoint;
    private String engineVersion;
    private Boolean processing;
    /** As created; AWS cannot turn these off, so the operator refuses a spec that does. */
    private Boolean encryptionAtRest;
    private Boolean nodeToNodeEncryption;
    /** The names of the index template and ISM policy installed on the domain. */
    private String indexTemplate;
    private String ismPolicy;

    public String getDomainName() { return domainName; }
    public void setDomainName(String domainName) { this.domainName = domainName; }
    public String getArn() { return arn; }
    public void setArn(String arn) { this.arn = arn; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getEngineVersion() { return engineVersion; }
    public void setEngineVersion(String engineVersion) { this.engineVersion = engineVersion; }
    public Boolean getProcessing() { return processing; }
    public void setProcessing(Boolean processing) { this.processing = processing; }
    public Boolean getEncryptionAtRest() { return encryptionAtRest; }
    public void setEncryptionAtRest(Boolean encryptionAtRest) { this.encryptionAtRest = encryptionAtRest; }
    public Boolean getNodeToNodeEncryption() { return nodeToNodeEncryption; }
    public void setNodeToNodeEncryption(Boolean nodeToNodeEncryption) { this.nodeToNodeEncryption = nodeToNodeEncryption; }
    public String getIndexTemplate() { return indexTemplate; }
    public void setIndexTemplate(String indexTemplate) { this.indexTemplate = indexTemplate; }
    public String getIsmPolicy() { return ismPolicy; }
    public void setIsmPolicy(String ismPolicy) { this.ismPolicy = ismPolicy; }
  }
}
