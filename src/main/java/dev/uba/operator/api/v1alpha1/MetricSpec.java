package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Nullable;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.LinkedHashMap;
import java.util.Map;

/** A CloudWatch metric: namespace, name, dimensions, statistic and period. */
public class MetricSpec {
  public enum Statistic { Sum, Average, Minimum, Maximum, SampleCount }

  @JsonPropertyDescription("CloudWatch namespace; default AWS/Kinesis with a pipelineRef, else required.")
  @Size(min = 1, max = 255)
  @Pattern("^[^:].*$")
  @Nullable
  private String namespace;

  @JsonPropertyDescription("Metric name.")
  @Required
  @Size(min = 1, max = 255)
  private String name;

  @JsonPropertyDescription("Dimensions; default {StreamName: <the pipeline's stream>} for AWS/Kinesis with a pipelineRef.")
  @Size(max = 30)
  private Map<String, String> dimensions = new LinkedHashMap<>();

  @JsonPropertyDescription("Statistic of the metric over each period.")
  @Default("Sum")
  private Statistic statistic = Statistic.Sum;

  @JsonPropertyDescription("Length of a period in seconds: 10, 30 or a multiple of 60.")
  @Default("300")
  @Min(10)
  @Max(86400)
  private Integer periodSeconds = 300;

  public String getNamespace() { return namespace; }
  public void setNamespace(String namespace) { this.namespace = namespace; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Map<String, String> getDimensions() { return dimensions; }
  public void setDimensions(Map<String, String> dimensions) { this.dimensions = dimensions; }
  public Statistic getStatistic() { return statistic; }
  public void setStatistic(Statistic statistic) { this.statistic = statistic; }
  public Integer getPeriodSeconds() { return periodSeconds; }
  public void setPeriodSeconds(Integer periodSeconds) { this.periodSeconds = periodSeconds; }
}
