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

  public StreamStatus getStream() { return stream; }
  public void setStream(StreamStatus stream) { this.stream = stream; }
  public SearchStatus getSearch() { return search; }
  public void setSearch(SearchStatus search) { this.search = search; }
  public NamedArn getIngestionRole() { return ingestionRole; }
  public void setIngestionRole(NamedArn ingestionRole) { this.ingestionRole = ingestionRole; }
  public NamedArn getProducerPolicy() { return producerPolicy; }
  public void setProducerPolicy(NamedArn producerPolicy) { this.producerPolicy = producerPolicy; }

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
  }
}
