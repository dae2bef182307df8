package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The S3 bucket a pipeline owns, for Firehose's backup or the raw events. */
public class ArchiveSpec {
  @JsonPropertyDescription("Bucket name, 3 to 63 characters [a-z0-9.-]; default <namespace>-<name>-<hash>. Immutable.")
  @Size(max = 63)
  @Pattern("^(|[a-z0-9][a-z0-9.-]{1,61}[a-z0-9])$")
  @Nullable
  private String bucketName;

  @JsonPropertyDescription("KMS key for SSE-KMS with an S3 Bucket Key; empty or absent means SSE-S3 (AES256).")
  @Size(max = 2048)
  @Nullable
  private String kmsKeyId;

  @JsonPropertyDescription("Objects expire after this many days; 0 keeps them.")
  @Default("365")
  @Min(0)
  @Max(36500)
  private Integer expireAfterDays = 365;

  @JsonPropertyDescription("Objects move to GLACIER_IR after this many days; 0 never. Less than a non-zero expireAfterDays.")
  @Default("0")
  @Min(0)
  @Max(36500)
  private Integer glacierAfterDays = 0;

  @JsonPropertyDescription("With deletionPolicy Delete, empty a bucket that still holds objects and delete it; "
      + "false leaves such a bucket in place.")
  @Default("false")
  private Boolean forceDestroy = false;

  public String getBucketName() { return bucketName; }
  public void setBucketName(String bucketName) { this.bucketName = bucketName; }
  public String getKmsKeyId() { return kmsKeyId; }
  public void setKmsKeyId(String kmsKeyId) { this.kmsKeyId = kmsKeyId; }
  public Integer getExpireAfterDays() { return expireAfterDays; }
  public void setExpireAfterDays(Integer expireAfterDays) { this.expireAfterDays = expireAfterDays == null ? 365 : expireAfterDays; }
  public Integer getGlacierAfterDays() { return glacierAfterDays; }
  public void setGlacierAfterDays(Integer glacierAfterDays) { this.glacierAfterDays = glacierAfterDays == null ? 0 : glacierAfterDays; }
  public Boolean getForceDestroy() { return forceDestroy; }
  public void setForceDestroy(Boolean forceDestroy) { this.forceDestroy = forceDestroy == null ? Boolean.FALSE : forceDestroy; }
}
