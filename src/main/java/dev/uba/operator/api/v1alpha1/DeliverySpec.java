package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/**
 * A Firehose delivery stream reading the pipeline's Kinesis stream: into the domain (backup to the
 * archive) with spec.search, or into the archive without it.
 */
public class DeliverySpec {
  public enum IndexRotation { NoRotation, OneHour, OneDay, OneWeek, OneMonth }

  public enum Backup { FailedDocumentsOnly, AllDocuments }

  @JsonPropertyDescription("Delivery stream name, 1 to 64 characters [a-zA-Z0-9_.-]; default <namespace>-<name>. Immutable.")
  @Size(max = 64)
  @Pattern("^[a-zA-Z0-9_.-]*$")
  @Nullable
  private String name;

  @JsonPropertyDescription("Index the events go to (with search only); 1 to 80 characters [a-z0-9][a-z0-9_-]*.")
  @Default("uba-events")
  @Size(min = 1, max = 80)
  @Pattern("^[a-z0-9][a-z0-9_-]*$")
  private String indexName = "uba-events";

  @JsonPropertyDescription("How often a new index is started (with search only).")
  @Default("OneDay")
  private IndexRotation indexRotation = IndexRotation.OneDay;

  @JsonPropertyDescription("Firehose buffers this many seconds at most before it delivers.")
  @Default("60")
  @Min(0)
  @Max(900)
  private Integer bufferIntervalSeconds = 60;

  @JsonPropertyDescription("Firehose buffers this many MiB at most before it delivers.")
  @Default("5")
  @Min(1)
  @Max(100)
  private Integer bufferSizeMiB = 5;

  @JsonPropertyDescription("How long Firehose retries the domain before it backs a batch up (with search only).")
  @Default("300")
  @Min(0)
  @Max(7200)
  private Integer retrySeconds = 300;

  @JsonPropertyDescription("What is backed up to the archive (with search only). Immutable.")
  @Default("FailedDocumentsOnly")
  private Backup backup = Backup.FailedDocumentsOnly;

  @JsonPropertyDescription("Object key prefix in the archive, ending with /; default events/ (to S3) or backup/ (OpenSearch backup).")
  @Size(max = 1024)
  @Pattern("^(|.*/)$")
  @Nullable
  private String s3Prefix;

  @JsonPropertyDescription("A Lambda function that transforms records before delivery.")
  @Size(max = 512)
  @Pattern("^(|arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-[0-9]+:[0-9]{12}:function:[a-zA-Z0-9_-]{1,64}(:[a-zA-Z0-9$_-]{1,128})?)$")
  @Nullable
  private String processorLambdaArn;

  @JsonPropertyDescription("Firehose logs delivery errors to a log group the pipeline owns.")
  @Default("true")
  private Boolean errorLogging = true;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getIndexName() { return indexName; }
  public void setIndexName(String indexName) { this.indexName = indexName == null ? "uba-events" : indexName; }
  public IndexRotation getIndexRotation() { return indexRotation; }
  public void setIndexRotation(IndexRotation indexRotation) { this.indexRotation = indexRotation == null ? IndexRotation.OneDay : indexRotation; }
  public Integer getBufferIntervalSeconds() { return bufferIntervalSeconds; }
  public void setBufferIntervalSeconds(Integer bufferIntervalSeconds) { this.bufferIntervalSeconds = bufferIntervalSeconds == null ? 60 : bufferIntervalSeconds; }
  public Integer getBufferSizeMiB() { return bufferSizeMiB; }
  public void setBufferSizeMiB(Integer bufferSizeMiB) { this.bufferSizeMiB = bufferSizeMiB == null ? 5 : bufferSizeMiB; }
  public Integer getRetrySeconds() { return retrySeconds; }
  public void setRetrySeconds(Integer retrySeconds) { this.retrySeconds = retrySeconds == null ? 300 : retrySeconds; }
  public Backup getBackup() { return backup; }
  public void setBackup(Backup backup) { this.backup = backup == null ? Backup.FailedDocumentsOnly : backup; }
  public String getS3Prefix() { return s3Prefix; }
  public void setS3Prefix(String s3Prefix) { this.s3Prefix = s3Prefix; }
  public String getProcessorLambdaArn() { return processorLambdaArn; }
  public void setProcessorLambdaArn(String processorLambdaArn) { this.processorLambdaArn = processorLambdaArn; }
  public Boolean getErrorLogging() { return errorLogging; }
  public void setErrorLogging(Boolean errorLogging) { this.errorLogging = errorLogging == null ? Boolean.TRUE : errorLogging; }
}
