package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnomalyAlertStatus extends CommonStatus {
  @JsonPropertyDescription("The CloudWatch alarm, as last read back from CloudWatch.")
  private AlarmStatus alarm;
  @JsonPropertyDescription("The SNS topic the alarm notifies; managed is false for an existing topic given as spec.notification.topicArn.")
  private UsedResource topic;
  @JsonPropertyDescription("The topic's subscriptions, converged as a set with spec.notification.subscriptions.")
  private List<SubscriptionStatus> subscriptions = new ArrayList<>();
  @JsonPropertyDescription("The log group the metric filter reads (with spec.logMetricFilter); managed is false with createLogGroup false.")
  private UsedResource logGroup;
  @JsonPropertyDescription("The log metric filter (with spec.logMetricFilter).")
  private MetricFilterStatus metricFilter;
  @JsonPropertyDescription("The EventBridge rule <namespace>-<name>-state that sends the alarm's state changes to the topic (with spec.stateChangeEvents).")
  private NamedArn eventRule;
  @JsonPropertyDescription("The metric the alarm watches, with the defaults from the pipeline applied.")
  private EffectiveMetric metric;
  @JsonPropertyDescription("What the alert uses of spec.pipelineRef, once resolved.")
  private PipelineUse pipeline;

  public AlarmStatus getAlarm() { return alarm; }
  public void setAlarm(AlarmStatus alarm) { this.alarm = alarm; }
  public UsedResource getTopic() { return topic; }
  public void setTopic(UsedResource topic) { this.topic = topic; }
  public List<SubscriptionStatus> getSubscriptions() { return subscriptions; }
  public void setSubscriptions(List<SubscriptionStatus> subscriptions) { this.subscriptions = subscriptions; }
  public UsedResource getLogGroup() { return logGroup; }
  public void setLogGroup(UsedResource logGroup) { this.logGroup = logGroup; }
  public MetricFilterStatus getMetricFilter() { return metricFilter; }
  public void setMetricFilter(MetricFilterStatus metricFilter) { this.metricFilter = metricFilter; }
  public NamedArn getEventRule() { return eventRule; }
  public void setEventRule(NamedArn eventRule) { this.eventRule = eventRule; }
  public EffectiveMetric getMetric() { return metric; }
  public void setMetric(EffectiveMetric metric) { this.metric = metric; }
  public PipelineUse getPipeline() { return pipeline; }
  public void setPipeline(PipelineUse pipeline) { this.pipeline = pipeline; }

  /** The CloudWatch alarm as last read back from CloudWatch. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class AlarmStatus {
    @JsonPropertyDescription("Name of the alarm.")
    private String name;
    @JsonPropertyDescription("ARN of the alarm.")
    private String arn;
    @JsonPropertyDescription("The alarm's state as CloudWatch reports it: OK, ALARM or INSUFFICIENT_DATA.")
    private String state;
    @JsonPropertyDescription("CloudWatch's explanation of the current state.")
    private String stateReason;
    @JsonPropertyDescription("When the alarm last changed state (RFC 3339).")
    private String stateUpdatedTimestamp;
    @JsonPropertyDescription("Periods the alarm evaluates, as applied.")
    private Integer evaluationPeriods;
    @JsonPropertyDescription("Breaching periods that fire the alarm, as applied (defaults to evaluationPeriods).")
    private Integer datapointsToAlarm;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getArn() { return arn; }
    public void setArn(String arn) { this.arn = arn; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getStateReason() { return stateReason; }
    public void setStateReason(String stateReason) { this.stateReason = stateReason; }
    public String getStateUpdatedTimestamp() { return stateUpdatedTimestamp; }
    public void setStateUpdatedTimestamp(String stateUpdatedTimestamp) { this.stateUpdatedTimestamp = stateUpdatedTimestamp; }
    public Integer getEvaluationPeriods() { return evaluationPeriods; }
    public void setEvaluationPeriods(Integer evaluationPeriods) { this.evaluationPeriods = evaluationPeriods; }
    public Integer getDatapointsToAlarm() { return datapointsToAlarm; }
    public void setDatapointsToAlarm(Integer datapointsToAlarm) { this.datapointsToAlarm = datapointsToAlarm; }
  }


  /** One subscription of the topic; a pending one has no ARN until its endpoint confirms it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class SubscriptionStatus {
    @JsonPropertyDescription("SNS protocol of the subscription (email, https, sqs, lambda, ...).")
    private String protocol;
    @JsonPropertyDescription("Where notifications go (address, URL or ARN).")
    private String endpoint;
    @JsonPropertyDescription("ARN of the subscription; absent while it waits for confirmation.")
    private String arn;
    @JsonPropertyDescription("True until the endpoint confirms the subscription.")
    private Boolean pendingConfirmation;
    @JsonPropertyDescription("Why the subscription is not as the spec says, in words (for example a removed entry SNS cannot unsubscribe while it is pending).")
    private String message;

    public SubscriptionStatus() {}

    public SubscriptionStatus(String protocol, String endpoint, String arn, Boolean pendingConfirmation,
        String message) {
      this.protocol = protocol;
      this.endpoint = endpoint;
      this.arn = arn;
      this.pendingConfirmation = pendingConfirmation;
      this.message = message;
    }

    public String getProtocol() { return protocol; }
    public void setProtocol(String protocol) { this.protocol = protocol; }
    public String getEndpoint() { return endpoint; }
    public void setEndpoint(String endpoint) { this.endpoint = endpoint; }
    public String getArn() { return arn; }
    public void setArn(String arn) { this.arn = arn; }
    public Boolean getPendingConfirmation() { return pendingConfirmation; }
    public void setPendingConfirmation(Boolean pendingConfirmation) { this.pendingConfirmation = pendingConfirmation; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
  }


  /** The metric filter and the log group it belongs to. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class MetricFilterStatus {
    @JsonPropertyDescription("Name of the metric filter.")
    private String name;
    @JsonPropertyDescription("The log group the filter belongs to.")
    private String logGroupName;

    public MetricFilterStatus() {}

    public MetricFilterStatus(String name, String logGroupName) {
      this.name = name;
      this.logGroupName = logGroupName;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getLogGroupName() { return logGroupName; }
    public void setLogGroupName(String logGroupName) { this.logGroupName = logGroupName; }
  }

  /** The metric the alarm watches, with the defaults from the pipeline applied. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class EffectiveMetric {
    @JsonPropertyDescription("CloudWatch namespace of the metric.")
    private String namespace;
    @JsonPropertyDescription("Name of the metric.")
    private String name;
    @JsonPropertyDescription("Dimensions of the metric (for AWS/Kinesis with a pipelineRef, StreamName of the pipeline's stream).")
    private Map<String, String> dimensions = new LinkedHashMap<>();

    public EffectiveMetric() {}

    public EffectiveMetric(String namespace, String name, Map<String, String> dimensions) {
      this.namespace = namespace;
      this.name = name;
      this.dimensions = dimensions;
    }

    public String getNamespace() { return namespace; }
    public void setNamespace(String namespace) { this.namespace = namespace; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Map<String, String> getDimensions() { return dimensions; }
    public void setDimensions(Map<String, String> dimensions) { this.dimensions = dimensions; }
  }

  /** What the alert uses of its pipelineRef, once resolved. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class PipelineUse {
    @JsonPropertyDescription("Name of the referenced UbaPipeline.")
    private String name;
    @JsonPropertyDescription("Name of that pipeline's Kinesis stream.")
    private String stream;
    @JsonPropertyDescription("Region of that pipeline.")
    private String region;

    public PipelineUse() {}

    public PipelineUse(String name, String stream, String region) {
      this.name = name;
      this.stream = stream;
      this.region = region;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getStream() { return stream; }
    public void setStream(String stream) { this.stream = stream; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
  }
}
