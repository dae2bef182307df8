package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

public class AnomalyAlertSpec extends CommonSpec {
  @JsonPropertyDescription("A UbaPipeline in the same namespace; the alert waits until it is Ready and defaults the metric to its stream.")
  private PipelineRef pipelineRef;

  @JsonPropertyDescription("The CloudWatch metric the alarm watches.")
  @Required
  private MetricSpec metric;

  @JsonPropertyDescription("When the alarm fires: exactly one of threshold and anomalyBand.")
  @Required
  private AlertCondition condition;

  @JsonPropertyDescription("Turns matching log lines of a log group into the metric (metric.namespace/metric.name).")
  private LogMetricFilterSpec logMetricFilter;

  @JsonPropertyDescription("The SNS topic the alarm notifies and its subscriptions.")
  @Default("{}")
  private NotificationSpec notification = new NotificationSpec();

  @JsonPropertyDescription("An EventBridge rule on this alarm's state changes, targeting the topic.")
  @Default("false")
  private Boolean stateChangeEvents = false;

  public PipelineRef getPipelineRef() { return pipelineRef; }
  public void setPipelineRef(PipelineRef pipelineRef) { this.pipelineRef = pipelineRef; }
  public MetricSpec getMetric() { return metric; }
  public void setMetric(MetricSpec metric) { this.metric = metric; }
  public AlertCondition getCondition() { return condition; }
  public void setCondition(AlertCondition condition) { this.condition = condition; }
  public LogMetricFilterSpec getLogMetricFilter() { return logMetricFilter; }
  public void setLogMetricFilter(LogMetricFilterSpec logMetricFilter) { this.logMetricFilter = logMetricFilter; }
  public NotificationSpec getNotification() { return notification; }
  public void setNotification(NotificationSpec notification) { this.notification = notification; }
  public Boolean getStateChangeEvents() { return stateChangeEvents; }
  public void setStateChangeEvents(Boolean stateChangeEvents) { this.stateChangeEvents = stateChangeEvents; }

  public static class PipelineRef {
    @JsonPropertyDescription("Name of the UbaPipeline in the alert's namespace.")
    @Required
    @io.fabric8.generator.annotation.Size(min = 1, max = 253)
    @io.fabric8.generator.annotation.Pattern("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")
    private String name;

    public PipelineRef() {}

    public PipelineRef(String name) {
      this.name = name;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
  }
}
