package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A name and the ARN AWS gave it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class NamedArn {
  @JsonPropertyDescription("Name of the AWS resource.")
  private String name;
  @JsonPropertyDescription("ARN of the AWS resource.")
  private String arn;

  public NamedArn() {}

  public NamedArn(String name, String arn) {
    this.name = name;
    this.arn = arn;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getArn() { return arn; }
  public void setArn(String arn) { this.arn = arn; }
}
