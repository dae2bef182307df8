package dev.uba.operator.aws.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

class AlarmDriftTest {
  private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:t";
  private static final Map<String, String> TAGS = Map.of("uba.dev/owner", "ns/anomalyalert/a");
  private static final AlarmDesired.Actions ON_ALARM = new AlarmDesired.Actions(List.of(TOPIC), List.of(), List.of());

  private static AlarmDesired threshold() {
    AlarmDesired.MetricStat stat = new AlarmDesired.MetricStat(new AlarmDesired.Metric("AWS/Kinesis",
        "IncomingRecords", Map.of("StreamName", "s", "Extra", "x")), "Sum", 300);
    return new AlarmDesired("a", "arn", "d", stat, List.of(), 1000.0, null, "GreaterThanThreshold", 3, 3, "missing",
        ON_ALARM, TAGS);
  }

  private static AlarmDesired band() {
    AlarmDesired.MetricStat stat = new AlarmDesired.MetricStat(new AlarmDesired.Metric("AWS/Kinesis",
        "IncomingRecords", Map.of("StreamName", "s")), "Sum", 300);
    return new AlarmDesired("a", "arn", "d", null, List.of(
        new AlarmDesired.Query("m1", stat, null, null, true),
        new AlarmDesired.Query("ad1", null, "ANOMALY_DETECTION_BAND(m1, 2)", "band", true)),
        null, "ad1", "LessThanLowerThreshold", 1, 1, "missing", ON_ALARM, TAGS);
  }

  /** What CloudWatch reports for the request: dimensions in another order, state fields added. */
  private static MetricAlarm reported(AlarmDesired desired) {
    PutMetricAlarmRequest r = CloudWatchAlarm.request(desired);
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

  private static List<String> drift(AlarmDesired want, MetricAlarm have, Map<String, String> tags) {
    return AlarmDrift.of(want, new AlarmActual(have, tags)).described();
  }

  @Test
  void anAlarmAsCreatedHasNoDriftWhateverItsState() {
    assertThat(drift(threshold(), reported(threshold()), TAGS)).isEmpty();
    assertThat(drift(band(), reported(band()), TAGS)).isEmpty();
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
    MetricAlarm reported = reported(band());
    // CloudWatch may return the label differently and the expression with other spacing
    MetricAlarm have = reported.toBuilder().metrics(reported.metrics().get(0),
        reported.metrics().get(1).toBuilder().label("IncomingRecords (expected)")
            .expression("ANOMALY_DETECTION_BAND(m1,2)").build()).build();
    assertThat(drift(band(), have, TAGS)).isEmpty();
    MetricAlarm wider = reported.toBuilder().metrics(reported.metrics().get(0),
        reported.metrics().get(1).toBuilder().expression("ANOMALY_DETECTION_BAND(m1, 3)").build()).build();
    assertThat(drift(band(), wider, TAGS)).singleElement().asString().startsWith("metric queries");
    MetricAlarm direction = reported.toBuilder()
        .comparisonOperator(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD).build();
    assertThat(drift(band(), direction, TAGS)).singleElement().asString().startsWith("comparison");
  }

  @Test
  void aBandAlarmTurnedIntoAThresholdAlarmInTheConsoleIsDrift() {
    MetricAlarm single = reported(threshold()).toBuilder().alarmName("a").build();
    assertThat(drift(band(), single, TAGS)).anyMatch(d -> d.startsWith("namespace"))
        .anyMatch(d -> d.startsWith("metric queries")).anyMatch(d -> d.startsWith("threshold metric id"));
  }

  @Test
  void theRequestUsesTheSingleMetricFormOrMetricQueriesNeverBoth() {
    PutMetricAlarmRequest single = CloudWatchAlarm.request(threshold());
    assertThat(single.hasMetrics()).isFalse();
    assertThat(single.dimensions()).extracting(Dimension::name).containsExactly("Extra", "StreamName");
    assertThat(single.actionsEnabled()).isTrue();
    assertThat(single.hasTags()).as("tags only when CloudWatch creates the alarm").isFalse();
    PutMetricAlarmRequest math = CloudWatchAlarm.request(band());
    assertThat(math.namespace()).isNull();
    assertThat(math.threshold()).isNull();
    assertThat(math.metrics()).extracting(q -> q.id()).containsExactly("m1", "ad1");
    assertThat(math.metrics().get(0).metricStat().stat()).isEqualTo("Sum");
  }
}
