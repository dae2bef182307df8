package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class UbaPipelineStatus extends CommonStatus {
  @JsonPropertyDescription("The Kinesis data stream producers put events on.")
  private StreamStatus stream;
  @JsonPropertyDescription("The OpenSearch domain (with spec.search).")
  private SearchStatus search;
  @JsonPropertyDescription("The IAM role <namespace>-<name>-ingest the delivery stream uses (with spec.search or spec.delivery).")
  private NamedArn ingestionRole;
  @JsonPropertyDescription("The customer-managed IAM policy <namespace>-<name>-producer that producers attach to put records on the stream.")
  private NamedArn producerPolicy;
  @JsonPropertyDescription("The S3 archive bucket (with spec.archive).")
  private ArchiveStatus archive;
  @JsonPropertyDescription("The Firehose delivery stream (with spec.delivery).")
  private DeliveryStatus delivery;
  @JsonPropertyDescription("What CloudWatch measured of the events in the last windowMinutes (with spec.delivery); the condition DataFlowing says what it means.")
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
    @JsonPropertyDescription("Name of the archive bucket.")
    private String bucketName;
    @JsonPropertyDescription("ARN of the archive bucket.")
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
    @JsonPropertyDescription("Name of the delivery stream.")
    private String name;
    @JsonPropertyDescription("ARN of the delivery stream.")
    private String arn;
    @JsonPropertyDescription("Firehose's status of the delivery stream (CREATING, ACTIVE, CREATING_FAILED, DELETING, ...).")
    private String status;
    @JsonPropertyDescription("Where events are delivered: OpenSearch (the domain, backup to the archive) or S3 (the archive).")
    private String destination;
    @JsonPropertyDescription("Firehose's version id of the delivery stream's configuration, as last read.")
    private String versionId;
    @JsonPropertyDescription("The generation a failed delivery stream was first seen with; it is tried again once the spec moves past it.")
    private Long failedGeneration;
    @JsonPropertyDescription("Since when (RFC 3339) Firehose could not yet assume a newly created ingestion role (IAM is eventually consistent); the error is reported after 2 minutes.")
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
    @JsonPropertyDescription("Length of the measured window, in minutes.")
    private Integer windowMinutes;
    @JsonPropertyDescription("Records put on the stream in the window (AWS/Kinesis IncomingRecords, Sum).")
    private Long incomingRecords;
    @JsonPropertyDescription("Records delivered in the window (AWS/Firehose DeliveryToAmazonOpenSearchService.Records or DeliveryToS3.Records, Sum).")
    private Long deliveredRecords;
    @JsonPropertyDescription("Share of successful deliveries in the window (DeliveryTo<destination>.Success, Average), as a decimal string such as \"1.00\".")
    private String deliverySuccess;
    @JsonPropertyDescription("Age in seconds of the oldest record not yet delivered (DeliveryTo<destination>.DataFreshness, Maximum).")
    private Long freshnessSeconds;
    @JsonPropertyDescription("When the metrics were read (RFC 3339).")
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
    @JsonPropertyDescription("Name of the stream.")
    private String name;
    @JsonPropertyDescription("ARN of the stream.")
    private String arn;
    @JsonPropertyDescription("Kinesis's status of the stream (CREATING, ACTIVE, UPDATING, DELETING).")
    private String status;
    @JsonPropertyDescription("Capacity mode as AWS reports it: PROVISIONED or ON_DEMAND.")
    private String mode;
    @JsonPropertyDescription("Open shards as AWS reports them.")
    private Integer shards;
    @JsonPropertyDescription("When the operator called UpdateShardCount (RFC 3339), to keep within AWS's 10 calls per stream per 24 hours.")
    private List<String> shardCountUpdates = new ArrayList<>();
    @JsonPropertyDescription("When the operator called UpdateStreamMode (RFC 3339), to keep within AWS's 2 switches per stream per 24 hours.")
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
    @JsonPropertyDescription("Name of the OpenSearch domain.")
    private String domainName;
    @JsonPropertyDescription("ARN of the domain.")
    private String arn;
    @JsonPropertyDescription("The domain's HTTPS endpoint, once AWS has one.")
    private String endpoint;
    @JsonPropertyDescription("Engine version the domain runs; a spec with an older one is refused (no downgrades).")
    private String engineVersion;
    @JsonPropertyDescription("True while AWS applies a change to the domain; no second update is sent meanwhile.")
    private Boolean processing;
    @JsonPropertyDescription("Encryption at rest as created; AWS cannot turn it off, so a spec that does is refused.")
    private Boolean encryptionAtRest;
    @JsonPropertyDescription("Node-to-node encryption as created; AWS cannot turn it off, so a spec that does is refused.")
    private Boolean nodeToNodeEncryption;
    @JsonPropertyDescription("Name of the index template installed on the domain.")
    private String indexTemplate;
    @JsonPropertyDescription("Name of the ISM retention policy installed on the domain (with spec.search.retentionDays).")
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
