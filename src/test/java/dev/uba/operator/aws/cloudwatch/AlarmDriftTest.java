package dev.uba.operator.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class AlarmDriftTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:t";
  private static final Map<String, String> TAGS = Map.of("uba.dev/owner", "ns/anomalyalert/a");

  private static PutMetricAlarmRequest threshold() {
    return PutMetricAlarmRequest.builder().alarmName("a").alarmDescription("d").actionsEnabled(true)
        .alarmActions(TOPIC).okActions(List.of()).insufficientDataActions(List.of())
        .namespace("AWS/Kinesis").metricName("IncomingRecords")
        .dimensions(Dimension.builder().name("StreamName").value("s").build(),
            Dimension.builder().name("Extra").value("x").build())
        .statistic(Statistic.SUM).period(300).threshold(1000.0)
        .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
        .evaluationPeriods(3).datapointsToAlarm(3).treatMissingData("missing").build();
  }

  /** What CloudWatch reports for the request: dimensions in another order, state fields added. */
  private static MetricAlarm reported(PutMetricAlarmRequest r) {
    return MetricAlarm.builder().alarmName(r.alarmName()).alarmArn("arn:aws:cloudwatch:us-east-1:123456789012:alarm:a")
        .alarmDescription(r.alarmDescription()).actionsEnabled(r.actionsEnabled())
        .alarmActions(r.alarmActions()).okActions(r.okActions()).insufficientDataActions(r.insufficientDataActions())
        .namespace(r.namespace()).metricName(r.metricName())
        .dimensions(reversed(r.dimensions()))
        .statistic(r.statistic()).period(r.period()).threshold(r.threshold())
        .comparisonOperator(r.comparisonOperator()).evaluationPeriods(r.evaluationPeriods())
        .datapointsToAlarm(r.datapointsToAlarm()).treatMissingData(r.treatMissingData())
        .metrics(r.metrics()).thresholdMetricId(r.thresholdMetricId())
        .stateValue(StateValue.ALARM).stateReason("Threshold Crossed").build();
  }

  private static List<Dimension> reversed(List<Dimension> dimensions) {
    List<Dimension> copy = new java.util.ArrayList<>(dimensions == null ? List.of() : dimensions);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static List<String> drift(PutMetricAlarmRequest want, MetricAlarm have, Map<String, String> tags) {
    return AlarmDrift.of(new AlarmDesired("a", "arn", want, TAGS), new AlarmActual(have, tags)).described();
  }

  @Test
  void anAlarmAsCreatedHasNoDriftWhateverItsState() {
    assertThat(drift(threshold(), reported(threshold()), TAGS)).isEmpty();
  }

  @Test
  void aChangedThresholdOrDimensionIsDrift() {
    MetricAlarm changed = reported(threshold()).toBuilder().threshold(5.0)
        .dimensions(Dimension.builder().name("StreamName").value("other").build()).build();
    assertThat(drift(threshold(), changed, TAGS)).anyMatch(d -> d.startsWith("threshold 5.0 -> 1000.0"))
        .anyMatch(d -> d.startsWith("dimensions"));
  }

  @Test
  void missingDatapointsToAlarmMeansEvaluationPeriods() {
    MetricAlarm noDatapoints = reported(threshold()).toBuilder().datapointsToAlarm(null).build();
    assertThat(drift(threshold(), noDatapoints, TAGS)).isEmpty();
    MetricAlarm other = reported(threshold()).toBuilder().datapointsToAlarm(1).build();
    assertThat(drift(threshold(), other, TAGS)).singleElement().asString().startsWith("datapoints to alarm");
  }

  @Test
  void actionsAndTagsAreCompared() {
    MetricAlarm noActions = reported(threshold()).toBuilder().alarmActions(List.of()).build();
    assertThat(drift(threshold(), noActions, TAGS)).singleElement().asString().startsWith("alarm actions");
    assertThat(drift(threshold(), reported(threshold()), Map.of("uba.dev/owner", "ns/anomalyalert/a", "extra", "1")))
        .containsExactly("tag extra removed");
  }

  @Test
  void anAnomalyBandIsComparedByItsQueries() {
    PutMetricAlarmRequest band = PutMetricAlarmRequest.builder().alarmName("a").alarmDescription("d")
        .actionsEnabled(true).alarmActions(TOPIC)
        .metrics(MetricDataQuery.builder().id("m1").returnData(true).metricStat(s -> s.period(300).stat("Sum")
                .metric(m -> m.namespace("AWS/Kinesis").metricName("IncomingRecords")
                    .dimensions(Dimension.builder().name("StreamName").value("s").build()))).build(),
            MetricDataQuery.builder().id("ad1").expression("ANOMALY_DETECTION_BAND(m1, 2)").label("band")
                .returnData(true).build())
        .thresholdMetricId("ad1").comparisonOperator(ComparisonOperator.LESS_THAN_LOWER_THRESHOLD)
        .evaluationPeriods(1).datapointsToAlarm(1).treatMissingData("missing").build();
    // CloudWatch may return the label differently and the expression with other spacing
    MetricAlarm have = reported(band).toBuilder().metrics(band.metrics().get(0),
        band.metrics().get(1).toBuilder().label("IncomingRecords (expected)").expression("ANOMALY_DETECTION_BAND(m1,2)")
            .build()).build();
    assertThat(drift(band, have, TAGS)).isEmpty();
    MetricAlarm wider = reported(band).toBuilder().metrics(band.metrics().get(0),
        band.metrics().get(1).toBuilder().expression("ANOMALY_DETECTION_BAND(m1, 3)").build()).build();
    assertThat(drift(band, wider, TAGS)).singleElement().asString().startsWith("metric queries");
    MetricAlarm direction = reported(band).toBuilder()
        .comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD).build();
    assertThat(drift(band, direction, TAGS)).singleElement().asString().startsWith("comparison");
  }
}
