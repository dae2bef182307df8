package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;

/** When the alarm fires: a static threshold or an anomaly-detection band, over some periods. */
public class AlertCondition {
  public enum TreatMissingData { missing, notBreaching, breaching, ignore }

  @JsonPropertyDescription("A static threshold; not together with anomalyBand.")
  private Threshold threshold;

  @JsonPropertyDescription("A CloudWatch anomaly-detection band; not together with threshold.")
  private AnomalyBand anomalyBand;

  @JsonPropertyDescription("Periods the alarm evaluates.")
  @Default("1")
  @Min(1)
  @Max(8640)
  private Integer evaluationPeriods = 1;

  @JsonPropertyDescription("Breaching periods among evaluationPeriods that fire the alarm; default evaluationPeriods.")
  @Min(1)
  @Max(8640)
  private Integer datapointsToAlarm;

  @JsonPropertyDescription("How periods without data count.")
  @Default("missing")
  private TreatMissingData treatMissingData = TreatMissingData.missing;

  public Threshold getThreshold() { return threshold; }
  public void setThreshold(Threshold threshold) { this.threshold = threshold; }
  public AnomalyBand getAnomalyBand() { return anomalyBand; }
  public void setAnomalyBand(AnomalyBand anomalyBand) { this.anomalyBand = anomalyBand; }
  public Integer getEvaluationPeriods() { return evaluationPeriods; }
  public void setEvaluationPeriods(Integer evaluationPeriods) { this.evaluationPeriods = evaluationPeriods; }
  public Integer getDatapointsToAlarm() { return datapointsToAlarm; }
  public void setDatapointsToAlarm(Integer datapointsToAlarm) { this.datapointsToAlarm = datapointsToAlarm; }
  public TreatMissingData getTreatMissingData() { return treatMissingData; }
  public void setTreatMissingData(TreatMissingData treatMissingData) { this.treatMissingData = treatMissingData; }

  public static class Threshold {
    public enum Comparison {
      GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold
    }

    @JsonPropertyDescription("How the statistic is compared with value.")
    @Required
    private Comparison comparison;

    @JsonPropertyDescription("The threshold the statistic is compared with.")
    @Required
    private Double value;

    public Threshold() {}

    public Threshold(Comparison comparison, Double value) {
      this.comparison = comparison;
      this.value = value;
    }

    public Comparison getComparison() { return comparison; }
    public void setComparison(Comparison comparison) { this.comparison = comparison; }
    public Double getValue() { return value; }
    public void setValue(Double value) { this.value = value; }
  }

  public static class AnomalyBand {
    public enum Direction { Above, Below, Both }

    @JsonPropertyDescription("Width of the band in standard deviations.")
    @Default("2")
    @Min(value = 0, inclusive = false)
    @Max(100)
    private Double standardDeviations = 2.0;

    @JsonPropertyDescription("Fire above the band, below it, or both.")
    @Default("Both")
    private Direction direction = Direction.Both;

    public AnomalyBand() {}

    public AnomalyBand(Double standardDeviations, Direction direction) {
      this.standardDeviations = standardDeviations;
      this.direction = direction;
    }

    public Double getStandardDeviations() { return standardDeviations; }
    public void setStandardDeviations(Double standardDeviations) { this.standardDeviations = standardDeviations; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction direction) { this.direction = direction; }
  }
}
