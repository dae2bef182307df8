package dev.uba.operator.alert;

import static dev.uba.operator.alert.Alerts.ALARM_ARN;
import static dev.uba.operator.alert.Alerts.RULE_ARN;
import static dev.uba.operator.alert.Alerts.TOPIC_ARN;
import static dev.uba.operator.alert.Alerts.alert;
import static dev.uba.operator.alert.Alerts.band;
import static dev.uba.operator.alert.Alerts.desired;
import static dev.uba.operator.alert.Alerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.api.v1alpha1.AlertCondition;
import dev.uba.operator.api.v1alpha1.AlertCondition.AnomalyBand.Direction;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.LogMetricFilterSpec;
import dev.uba.operator.api.v1alpha1.NotificationSpec;
import dev.uba.operator.aws.cloudwatch.CloudWatchAlarm;
import dev.uba.operator.engine.PolicyDocuments;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

class AlertDesiredStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The PutMetricAlarm request CloudWatchAlarm makes of the alert's desired alarm. */
  private static PutMetricAlarmRequest request(AnomalyAlert alert, String pipelineStream) {
    return CloudWatchAlarm.request(desired(alert, pipelineStream).alarm());
  }

  @Test
  void namesFollowTheContract() {
    AlertNames names = AlertNames.of(alert(threshold()));
    assertThat(names.ownerId()).isEqualTo("analytics/anomalyalert/traffic-drop");
    assertThat(names.alarm()).isEqualTo("analytics-traffic-drop");
    assertThat(names.topic()).isEqualTo("analytics-traffic-drop");
    assertThat(names.rule()).isEqualTo("analytics-traffic-drop-state");
    assertThat(names.metricFilter()).isEqualTo("analytics-traffic-drop");
  }

  @Test
  void aLongNameFitsTheRuleLimitWithTheContractsHash() {
    var a = alert(threshold());
    a.getMetadata().setName("a-very-long-alert-name-that-goes-on-and-on-beyond-the-limit");
    String rule = AlertNames.of(a).rule();
    assertThat(rule).hasSize(64).matches("^[.A-Za-z0-9_-]+-[0-9a-f]{8}$");
  }

  @Test
  void aThresholdAlarmUsesTheSingleMetricForm() {
    PutMetricAlarmRequest r = request(alert(threshold()), null);
    assertThat(r.alarmName()).isEqualTo("analytics-traffic-drop");
    assertThat(r.namespace()).isEqualTo("AWS/Kinesis");
    assertThat(r.metricName()).isEqualTo("IncomingRecords");
    assertThat(r.dimensions()).singleElement()
        .satisfies(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("StreamName=analytics-clickstream"));
    assertThat(r.statistic()).isEqualTo(Statistic.SUM);
    assertThat(r.period()).isEqualTo(300);
    assertThat(r.threshold()).isEqualTo(1000.0);
    assertThat(r.comparisonOperator()).isEqualTo(ComparisonOperator.GREATER_THAN_THRESHOLD);
    assertThat(r.evaluationPeriods()).isEqualTo(3);
    assertThat(r.treatMissingData()).isEqualTo("missing");
    assertThat(r.hasMetrics()).isFalse();
    assertThat(r.thresholdMetricId()).isNull();
    assertThat(r.actionsEnabled()).isTrue();
  }

  @Test
  void datapointsToAlarmDefaultsToEvaluationPeriods() {
    assertThat(request(alert(threshold()), null).datapointsToAlarm()).isEqualTo(3);
    AnomalyAlertSpec spec = threshold();
    spec.getCondition().setDatapointsToAlarm(2);
    assertThat(request(alert(spec), null).datapointsToAlarm()).isEqualTo(2);
  }

  @Test
  void everyThresholdComparisonIsPassedThrough() {
    for (AlertCondition.Threshold.Comparison c : AlertCondition.Threshold.Comparison.values()) {
      AnomalyAlertSpec spec = threshold();
      spec.getCondition().getThreshold().setComparison(c);
      assertThat(request(alert(spec), null).comparisonOperatorAsString()).isEqualTo(c.name());
    }
  }

  @Test
  void anAnomalyBandAlarmUsesMetricMathWithTheBandExpression() {
    PutMetricAlarmRequest r = request(alert(band(Direction.Below)), "analytics-clickstream");
    assertThat(r.namespace()).isNull();
    assertThat(r.metricName()).isNull();
    assertThat(r.threshold()).isNull();
    assertThat(r.thresholdMetricId()).isEqualTo("ad1");
    assertThat(r.comparisonOperator()).isEqualTo(ComparisonOperator.LESS_THAN_LOWER_THRESHOLD);
    assertThat(r.metrics()).hasSize(2);
    MetricDataQuery m1 = r.metrics().get(0);
    assertThat(m1.id()).isEqualTo("m1");
    assertThat(m1.returnData()).isTrue();
    assertThat(m1.metricStat().metric().namespace()).isEqualTo("AWS/Kinesis");
    assertThat(m1.metricStat().metric().metricName()).isEqualTo("IncomingRecords");
    assertThat(m1.metricStat().metric().dimensions()).singleElement()
        .satisfies(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("StreamName=analytics-clickstream"));
    assertThat(m1.metricStat().period()).isEqualTo(300);
    assertThat(m1.metricStat().stat()).isEqualTo("Sum");
    MetricDataQuery band = r.metrics().get(1);
    assertThat(band.id()).isEqualTo("ad1");
    assertThat(band.expression()).isEqualTo("ANOMALY_DETECTION_BAND(m1, 2)");
    assertThat(band.returnData()).isTrue();
  }

  @Test
  void directionsMapToTheContractsComparisons() {
    assertThat(AlertDesiredState.comparison(Direction.Below))
        .isEqualTo(ComparisonOperator.LESS_THAN_LOWER_THRESHOLD.toString());
    assertThat(AlertDesiredState.comparison(Direction.Above))
        .isEqualTo(ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD.toString());
    assertThat(AlertDesiredState.comparison(Direction.Both))
        .isEqualTo(ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD.toString());
    // the default direction (Both) is the schema's: a spec without one arrives with Both
    assertThat(new AlertCondition.AnomalyBand().getDirection()).isEqualTo(Direction.Both);
  }

  @Test
  void theBandWidthIsWrittenWithoutATrailingZero() {
    assertThat(AlertDesiredState.bandExpression(2.0)).isEqualTo("ANOMALY_DETECTION_BAND(m1, 2)");
    assertThat(AlertDesiredState.bandExpression(2.5)).isEqualTo("ANOMALY_DETECTION_BAND(m1, 2.5)");
    assertThat(AlertDesiredState.bandExpression(10.0)).isEqualTo("ANOMALY_DETECTION_BAND(m1, 10)");
  }

  @Test
  void withAPipelineRefTheMetricDefaultsToTheStreamsKinesisMetric() {
    var d = desired(alert(band(Direction.Both)), "analytics-clickstream");
    assertThat(d.metric().getNamespace()).isEqualTo("AWS/Kinesis");
    assertThat(d.metric().getDimensions()).containsExactly(Map.entry("StreamName", "analytics-clickstream"));
    // dimensions the user gives win
    AnomalyAlertSpec spec = band(Direction.Both);
    spec.getMetric().setDimensions(Map.of("StreamName", "other"));
    assertThat(desired(alert(spec), "analytics-clickstream").metric().getDimensions())
        .containsExactly(Map.entry("StreamName", "other"));
    // another namespace gets no stream dimension
    spec = band(Direction.Both);
    spec.getMetric().setNamespace("UBA/Custom");
    assertThat(desired(alert(spec), "analytics-clickstream").metric().getDimensions()).isEmpty();
  }

  @Test
  void notifyOnDecidesWhichActionsNameTheTopic() {
    PutMetricAlarmRequest byDefault = request(alert(threshold()), null);
    assertThat(byDefault.alarmActions()).containsExactly(TOPIC_ARN);
    assertThat(byDefault.okActions()).isEmpty();
    assertThat(byDefault.insufficientDataActions()).isEmpty();
    AnomalyAlertSpec spec = threshold();
    spec.getNotification().setNotifyOn(List.of(NotificationSpec.AlarmState.ALARM, NotificationSpec.AlarmState.OK,
        NotificationSpec.AlarmState.INSUFFICIENT_DATA));
    PutMetricAlarmRequest all = request(alert(spec), null);
    assertThat(all.okActions()).containsExactly(TOPIC_ARN);
    assertThat(all.insufficientDataActions()).containsExactly(TOPIC_ARN);
  }

  @Test
  void theManagedTopicCarriesTheKeyTheTagsAndAPolicyForCloudWatchOnly() throws Exception {
    AnomalyAlertSpec spec = threshold();
    spec.getNotification().setKmsKeyId("alias/uba-alerts");
    var d = desired(alert(spec), null);
    assertThat(d.topic().arn()).isEqualTo(TOPIC_ARN);
    assertThat(d.topicArn()).isEqualTo(TOPIC_ARN);
    assertThat(d.topic().kmsKeyId()).isEqualTo("alias/uba-alerts");
    assertThat(d.topic().tags()).containsEntry("team", "growth")
        .containsEntry("uba.dev/owner", "analytics/anomalyalert/traffic-drop")
        .containsEntry("uba.dev/managed-by", "uba-operator");
    JsonNode policy = JSON.readTree(d.topic().policy());
    assertThat(policy.get("Statement")).hasSize(1);
    JsonNode cw = policy.get("Statement").get(0);
    assertThat(cw.get("Principal").get("Service").get(0).asText()).isEqualTo("cloudwatch.amazonaws.com");
    assertThat(cw.get("Action").get(0).asText()).isEqualTo("sns:Publish");
    assertThat(cw.get("Resource").get(0).asText()).isEqualTo(TOPIC_ARN);
    assertThat(cw.get("Condition").get("ArnLike").get("aws:SourceArn").get(0).asText()).isEqualTo(ALARM_ARN);
    assertThat(cw.get("Condition").get("StringEquals").get("aws:SourceAccount").get(0).asText())
        .isEqualTo("123456789012");
    assertThat(d.topic().policy()).doesNotContain("\"*\"");
    assertThat(d.rule()).isNull();
  }

  @Test
  void stateChangeEventsAddARuleOnThisAlarmAndLetEventBridgePublish() throws Exception {
    AnomalyAlertSpec spec = threshold();
    spec.setStateChangeEvents(true);
    var d = desired(alert(spec), null);
    assertThat(d.rule().name()).isEqualTo("analytics-traffic-drop-state");
    assertThat(d.rule().arn()).isEqualTo(RULE_ARN);
    assertThat(d.rule().targetArn()).isEqualTo(TOPIC_ARN);
    JsonNode pattern = JSON.readTree(d.rule().eventPattern());
    assertThat(pattern.get("source").get(0).asText()).isEqualTo("aws.cloudwatch");
    assertThat(pattern.get("detail-type").get(0).asText()).isEqualTo("CloudWatch Alarm State Change");
    assertThat(pattern.get("resources").get(0).asText()).isEqualTo(ALARM_ARN);
    assertThat(PolicyDocuments.canonical(d.topic().policy()).toString())
        .contains("events.amazonaws.com").contains(RULE_ARN);
  }

  @Test
  void anExistingTopicIsNotManagedButNotifiedAndSubscribedTo() {
    AnomalyAlertSpec spec = threshold();
    String existing = "arn:aws:sns:us-east-1:123456789012:oncall";
    spec.getNotification().setTopicArn(existing);
    spec.setStateChangeEvents(true);
    var d = desired(alert(spec), null);
    assertThat(d.topic()).isNull();
    assertThat(d.topicArn()).isEqualTo(existing);
    assertThat(CloudWatchAlarm.request(d.alarm()).alarmActions()).containsExactly(existing);
    assertThat(d.subscriptions().wanted()).singleElement().satisfies(s -> {
      assertThat(s.topicArn()).isEqualTo(existing);
      assertThat(s.name()).isEqualTo("email:oncall@example.com");
    });
    assertThat(d.rule().targetArn()).isEqualTo(existing);
  }

  @Test
  void aLogMetricFilterEmitsTheAlarmsMetricIntoAnOwnedLogGroup() {
    AnomalyAlertSpec spec = threshold();
    spec.getMetric().setNamespace("UBA/ModelServing");
    spec.getMetric().setName("Errors");
    spec.getMetric().setDimensions(Map.of());
    LogMetricFilterSpec logs = new LogMetricFilterSpec();
    logs.setLogGroupName("/uba/model-serving");
    logs.setPattern("ERROR");
    logs.setRetentionDays(14);
    spec.setLogMetricFilter(logs);
    var d = desired(alert(spec), null);
    assertThat(d.logGroup().name()).isEqualTo("/uba/model-serving");
    assertThat(d.logGroup().arn()).isEqualTo("arn:aws:logs:us-east-1:123456789012:log-group:/uba/model-serving");
    assertThat(d.logGroup().retentionDays()).isEqualTo(14);
    assertThat(d.logGroup().tags()).containsEntry("uba.dev/owner", "analytics/anomalyalert/traffic-drop");
    assertThat(d.metricFilter().name()).isEqualTo("analytics-traffic-drop");
    assertThat(d.metricFilter().logGroupName()).isEqualTo("/uba/model-serving");
    assertThat(d.metricFilter().pattern()).isEqualTo("ERROR");
    assertThat(d.metricFilter().metricNamespace()).isEqualTo("UBA/ModelServing");
    assertThat(d.metricFilter().metricName()).isEqualTo("Errors");
    assertThat(d.metricFilter().metricValue()).isEqualTo("1");
    assertThat(CloudWatchAlarm.request(d.alarm()).namespace()).isEqualTo("UBA/ModelServing");
    assertThat(CloudWatchAlarm.request(d.alarm()).dimensions()).isEmpty();

    logs.setCreateLogGroup(false);
    var existing = desired(alert(spec), null);
    assertThat(existing.logGroup()).isNull();
    assertThat(existing.metricFilter().logGroupName()).isEqualTo("/uba/model-serving");
  }

  @Test
  void theAlarmCarriesTheOwnershipTags() {
    var d = desired(alert(threshold()), null);
    assertThat(d.alarm().arn()).isEqualTo(ALARM_ARN);
    assertThat(d.alarm().tags()).containsEntry("uba.dev/managed-by", "uba-operator")
        .containsEntry("uba.dev/owner", "analytics/anomalyalert/traffic-drop").containsEntry("team", "growth");
    assertThat(CloudWatchAlarm.request(d.alarm()).alarmDescription()).contains("analytics/anomalyalert/traffic-drop");
    assertThat(CloudWatchAlarm.request(d.alarm()).hasTags()).isFalse();
  }
}
