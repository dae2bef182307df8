package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** The spec fields every kind shares (see the API contract, "Common to all three kinds"). */
public class CommonSpec {
  @JsonPropertyDescription("AWS region of every resource of this object; defaults to the operator's AWS_REGION. Immutable.")
  @Pattern("^[a-z]{2}(-[a-z]+)+-[0-9]+$")
  @Nullable
  private String region;

  @JsonPropertyDescription("Delete the AWS resources with the object, or leave them in place.")
  @Default("Delete")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Delete;

  @JsonPropertyDescription("Tags kept in sync on every AWS resource that supports them; keys starting with uba.dev/ or aws: are refused.")
  @Size(max = 8)
  private Map<String, String> tags = new LinkedHashMap<>();

  public String getRegion() { return region; }
  public void setRegion(String region) { this.region = region; }
  public DeletionPolicy getDeletionPolicy() { return deletionPolicy; }
  public void setDeletionPolicy(DeletionPolicy deletionPolicy) { this.deletionPolicy = deletionPolicy; }
  public Map<String, String> getTags() { return tags; }
  public void setTags(Map<String, String> tags) { this.tags = tags; }
}
