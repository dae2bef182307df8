package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An AWS resource an object uses: managed when the operator created it (and deletes it with the
 * object), not managed when the spec names one that already exists.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UsedResource {
  @JsonPropertyDescription("Name of the AWS resource.")
  private String name;
  @JsonPropertyDescription("ARN of the AWS resource.")
  private String arn;
  @JsonPropertyDescription("True when the operator created the resource (and deletes it with the object); false for an existing one named in the spec, which is never modified or deleted.")
  private Boolean managed;

  public UsedResource() {}

  public UsedResource(String name, String arn, Boolean managed) {
    this.name = name;
    this.arn = arn;
    this.managed = managed;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getArn() { return arn; }
  public void setArn(String arn) { this.arn = arn; }
  public Boolean getManaged() { return managed; }
  public void setManaged(Boolean managed) { this.managed = managed; }
}
