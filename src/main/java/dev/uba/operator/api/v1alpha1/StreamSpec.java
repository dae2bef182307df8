package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

public class StreamSpec {
  public enum Mode { PROVISIONED, ON_DEMAND }

  @JsonPropertyDescription("Stream name; default <namespace>-<name>. Immutable.")
  @Size(min = 1, max = 128)
  @Pattern("^[a-zA-Z0-9_.-]+$")
  @Nullable
  private String name;

  @JsonPropertyDescription("Capacity mode.")
  @Default("PROVISIONED")
  private Mode mode = Mode.PROVISIONED;

  @JsonPropertyDescription("Open shards; absent means 1 for PROVISIONED. Not allowed with ON_DEMAND.")
  @Min(1)
  @Max(10000)
  private Integer shards;

  @JsonPropertyDescription("How long records are kept, 24 to 8760 hours.")
  @Default("24")
  @Min(24)
  @Max(8760)
  private Integer retentionHours = 24;

  @JsonPropertyDescription("Server-side encryption of the stream.")
  @Default("{}")
  private StreamEncryption encryption = new StreamEncryption();

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Mode getMode() { return mode; }
  public void setMode(Mode mode) { this.mode = mode == null ? Mode.PROVISIONED : mode; }
  public Integer getShards() { return shards; }
  public void setShards(Integer shards) { this.shards = shards; }
  public Integer getRetentionHours() { return retentionHours; }
  public void setRetentionHours(Integer retentionHours) { this.retentionHours = retentionHours == null ? 24 : retentionHours; }
  public StreamEncryption getEncryption() { return encryption; }
  public void setEncryption(StreamEncryption encryption) { this.encryption = encryption == null ? new StreamEncryption() : encryption; }

  public static class StreamEncryption {
    public enum Type { KMS, NONE }

    @JsonPropertyDescription("KMS encrypts the stream with kmsKeyId; NONE stops encryption.")
    @Default("KMS")
    private Type type = Type.KMS;

    @JsonPropertyDescription("KMS key id, ARN or alias used with type KMS.")
    @Default("alias/aws/kinesis")
    @Size(min = 1, max = 2048)
    @Nullable
    private String kmsKeyId = "alias/aws/kinesis";

    public Type getType() { return type; }
    public void setType(Type type) { this.type = type; }
    public String getKmsKeyId() { return kmsKeyId; }
    public void setKmsKeyId(String kmsKeyId) { this.kmsKeyId = kmsKeyId; }
  }
}
