package dev.uba.operator.aws.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricFilterDriftTest {
  private static final MetricFilterDesired DESIRED = new MetricFilterDesired("/uba/serving", "ns-errors", "ERROR",
      "UBA/ModelServing", "Errors", "1");

  @Test
  void aFilterAsCreatedHasNoDrift() {
    var actual = new MetricFilterActual("/uba/serving", "ns-errors", "ERROR", "UBA/ModelServing", "Errors", "1");
    assertThat(MetricFilterDrift.of(DESIRED, actual).isEmpty()).isTrue();
  }

  @Test
  void patternAndTransformationAreCompared() {
    var actual = new MetricFilterActual("/uba/serving", "ns-errors", "WARN", "UBA/Other", "Errors", "$.count");
    assertThat(MetricFilterDrift.of(DESIRED, actual).described()).containsExactly(
        "pattern WARN -> ERROR", "metric namespace UBA/Other -> UBA/ModelServing", "metric value $.count -> 1");
  }

  @Test
  void aFilterWithoutTransformationDiffersInEachOfItsFields() {
    var actual = new MetricFilterActual("/uba/serving", "ns-errors", "ERROR", null, null, null);
    assertThat(MetricFilterDrift.of(DESIRED, actual).byField())
        .containsOnlyKeys(MetricFilterDrift.METRIC_NAMESPACE, MetricFilterDrift.METRIC_NAME,
            MetricFilterDrift.METRIC_VALUE);
  }
}
