package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One AWS resource an object manages, as last observed. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ResourceStatus {
  @JsonPropertyDescription("Type of the AWS resource: KinesisStream, OpenSearchDomain, IamRole, IamPolicy, S3Bucket, DeliveryStream, CloudWatchAlarm, SnsTopic, Personalize..., ...")
  private String kind;
  @JsonPropertyDescription("Name of the resource in AWS.")
  private String name;
  @JsonPropertyDescription("ARN of the resource, once AWS has given one.")
  private String arn;
  @JsonPropertyDescription("AWS's own state word for the resource (ACTIVE, CREATING, Processing, ...), where AWS has one.")
  private String state;
  @JsonPropertyDescription("True when the resource exists and is as the spec declares.")
  private boolean ready;
  @JsonPropertyDescription("Why the resource is not ready, in words; empty when it is.")
  private String message;

  public ResourceStatus() {}

  public ResourceStatus(String kind, String name, String arn, String state, boolean ready, String message) {
    this.kind = kind;
    this.name = name;
    this.arn = arn;
    this.state = state;
    this.ready = ready;
    this.message = message;
  }

  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getArn() { return arn; }
  public void setArn(String arn) { this.arn = arn; }
  public String getState() { return state; }
  public void setState(String state) { this.state = state; }
  public boolean isReady() { return ready; }
  public void setReady(boolean ready) { this.ready = ready; }
  public String getMessage() { return message; }
  public void setMessage(String message) { this.message = message; }
}
