package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A CloudWatch Logs metric filter that turns matching log lines into the alert's metric. */
public class LogMetricFilterSpec {
  @JsonPropertyDescription("The log group the filter reads. Immutable.")
  @Required
  @Size(min = 1, max = 512)
  @Pattern("^[.\\-_/#A-Za-z0-9]+$")
  private String logGroupName;

  @JsonPropertyDescription("Create the log group (the operator then owns it); false uses an existing one. Immutable.")
  @Default("true")
  private Boolean createLogGroup = true;

  @JsonPropertyDescription("Retention of a created log group in days, one of CloudWatch Logs' allowed values.")
  @Default("30")
  @Min(1)
  @Max(3653)
  private Integer retentionDays = 30;

  @JsonPropertyDescription("CloudWatch Logs filter pattern; matching lines emit metricValue to metric.namespace/metric.name.")
  @Required
  @Size(min = 1, max = 1024)
  private String pattern;

  @JsonPropertyDescription("The value emitted per matching line: a number or a $.field / $field selector.")
  @Default("1")
  @Size(min = 1, max = 100)
  private String metricValue = "1";

  public String getLogGroupName() { return logGroupName; }
  public void setLogGroupName(String logGroupName) { this.logGroupName = logGroupName; }
  public Boolean getCreateLogGroup() { return createLogGroup; }
  public void setCreateLogGroup(Boolean createLogGroup) { this.createLogGroup = createLogGroup; }
  public Integer getRetentionDays() { return retentionDays; }
  public void setRetentionDays(Integer retentionDays) { this.retentionDays = retentionDays; }
  public String getPattern() { return pattern; }
  public void setPattern(String pattern) { this.pattern = pattern; }
  public String getMetricValue() { return metricValue; }
  public void setMetricValue(String metricValue) { this.metricValue = metricValue; }
}
