package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** The SNS topic the alarm notifies, its subscriptions, and which alarm states notify. */
public class NotificationSpec {
  public enum AlarmState { OK, ALARM, INSUFFICIENT_DATA }

  @JsonPropertyDescription("Name of the topic the operator manages; default <namespace>-<name>. Immutable.")
  @Size(min = 1, max = 256)
  @Pattern("^[A-Za-z0-9_-]+$")
  @Nullable
  private String topicName;

  @JsonPropertyDescription("An existing standard topic to use instead: only subscribed to, never modified or deleted. Immutable.")
  @Pattern("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$")
  @Nullable
  private String topicArn;

  @JsonPropertyDescription("Customer-managed KMS key (id, ARN or alias) for a managed topic; alias/aws/sns is refused.")
  @Size(min = 1, max = 2048)
  @Nullable
  private String kmsKeyId;

  @JsonPropertyDescription("Subscriptions of the topic, converged as a set.")
  @Size(max = 100)
  private List<Subscription> subscriptions = new ArrayList<>();

  @JsonPropertyDescription("Alarm states that notify the topic.")
  @Default("[\"ALARM\"]")
  @Size(min = 1, max = 3)
  private List<AlarmState> notifyOn = new ArrayList<>(List.of(AlarmState.ALARM));

  public String getTopicName() { return topicName; }
  public void setTopicName(String topicName) { this.topicName = topicName; }
  public String getTopicArn() { return topicArn; }
  public void setTopicArn(String topicArn) { this.topicArn = topicArn; }
  public String getKmsKeyId() { return kmsKeyId; }
  public void setKmsKeyId(String kmsKeyId) { this.kmsKeyId = kmsKeyId; }
  public List<Subscription> getSubscriptions() { return subscriptions; }
  public void setSubscriptions(List<Subscription> subscriptions) { this.subscriptions = subscriptions; }
  public List<AlarmState> getNotifyOn() { return notifyOn; }
  public void setNotifyOn(List<AlarmState> notifyOn) { this.notifyOn = notifyOn; }

  public static class Subscription {
    @JsonPropertyDescription("email | email-json | https | http | sqs | lambda | sms")
    @Required
    @Pattern("^(email|email-json|https|http|sqs|lambda|sms)$")
    private String protocol;

    @JsonPropertyDescription("Address, URL or ARN the protocol delivers to.")
    @Required
    @Size(min = 1, max = 2048)
    private String endpoint;

    public Subscription() {}

    public Subscription(String protocol, String endpoint) {
      this.protocol = protocol;
      this.endpoint = endpoint;
    }

    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
  }
}
