package dev.uba.operator.alert;

import static dev.uba.operator.alert.Alerts.alert;
import static dev.uba.operator.alert.Alerts.band;
import static dev.uba.operator.alert.Alerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AlertCondition;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.LogMetricFilterSpec;
import dev.uba.operator.api.v1alpha1.NotificationSpec;
import dev.uba.operator.api.v1alpha1.UsedResource;
import dev.uba.operator.engine.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertValidationTest {
  private static final String REGION = "us-east-1";

  private static Optional<Outcome> validate(AnomalyAlert a) {
    return AlertValidation.validate(a, REGION, AlertNames.of(a));
  }

  private static Outcome refusal(AnomalyAlertSpec spec) {
    return refusal(alert(spec));
  }

  private static Outcome refusal(AnomalyAlert a) {
    Optional<Outcome> outcome = validate(a);
    assertThat(outcome).as("refused").isPresent();
    assertThat(outcome.get().kind()).isEqualTo(Outcome.Kind.INVALID_SPEC);
    return outcome.get();
  }

  private static LogMetricFilterSpec logs(int retentionDays) {
    LogMetricFilterSpec logs = new LogMetricFilterSpec();
    logs.setLogGroupName("/uba/model-serving");
    logs.setPattern("ERROR");
    logs.setRetentionDays(retentionDays);
    return logs;
  }

  private static AnomalyAlertSpec logAlert(int retentionDays) {
    AnomalyAlertSpec spec = threshold();
    spec.getMetric().setNamespace("UBA/ModelServing");
    spec.getMetric().setDimensions(Map.of());
    spec.setLogMetricFilter(logs(retentionDays));
    return spec;
  }

  @Test
  void theContractsExamplesAreAccepted() {
    assertThat(validate(alert(threshold()))).isEmpty();
    assertThat(validate(alert(band(AlertCondition.AnomalyBand.Direction.Below)))).isEmpty();
    assertThat(validate(alert(logAlert(30)))).isEmpty();
  }

  @Test
  void bothThresholdAndAnomalyBandAreRefusedNamingTheField() {
    AnomalyAlertSpec spec = threshold();
    spec.getCondition().setAnomalyBand(new AlertCondition.AnomalyBand(2.0, AlertCondition.AnomalyBand.Direction.Both));
    Outcome o = refusal(spec);
    assertThat(o.reason()).isEqualTo("InvalidSpec");
    assertThat(o.message()).contains("spec.condition").contains("threshold").contains("anomalyBand")
        .contains("both are set");
  }

  @Test
  void neitherThresholdNorAnomalyBandIsRefused() {
    AnomalyAlertSpec spec = threshold();
    spec.getCondition().setThreshold(null);
    assertThat(refusal(spec).message()).contains("spec.condition").contains("neither is set");
  }

  @Test
  void datapointsToAlarmAboveEvaluationPeriodsIsRefused() {
    AnomalyAlertSpec spec = threshold();
    spec.getCondition().setEvaluationPeriods(3);
    spec.getCondition().setDatapointsToAlarm(4);
    assertThat(refusal(spec).message()).startsWith("spec.condition.datapointsToAlarm:").contains("3").contains("4");
    spec.getCondition().setDatapointsToAlarm(3);
    assertThat(validate(alert(spec))).isEmpty();
  }

  @Test
  void periodsMustBe10Or30OrAMultipleOf60() {
    for (int ok : new int[] {10, 30, 60, 120, 300, 3600, 86400}) {
      assertThat(AlertValidation.validPeriod(ok)).as("%d", ok).isTrue();
    }
    for (int bad : new int[] {1, 11, 20, 45, 59, 61, 90, 150}) {
      assertThat(AlertValidation.validPeriod(bad)).as("%d", bad).isFalse();
    }
    AnomalyAlertSpec spec = threshold();
    spec.getMetric().setPeriodSeconds(45);
    assertThat(refusal(spec).message()).startsWith("spec.metric.periodSeconds:").contains("45");
  }

  @Test
  void anAlarmEvaluatesAtMostOneDay() {
    AnomalyAlertSpec spec = threshold();
    spec.getMetric().setPeriodSeconds(3600);
    spec.getCondition().setEvaluationPeriods(25);
    spec.getCondition().setDatapointsToAlarm(1);
    assertThat(refusal(spec).message()).startsWith("spec.condition.evaluationPeriods:");
    spec.getCondition().setEvaluationPeriods(24);
    assertThat(validate(alert(spec))).isEmpty();
  }

  @Test
  void retentionMustBeOneOfCloudWatchLogsValues() {
    for (int ok : AlertValidation.RETENTION_DAYS) {
      assertThat(validate(alert(logAlert(ok)))).as("%d days", ok).isEmpty();
    }
    for (int bad : new int[] {2, 31, 100, 366, 3652}) {
      assertThat(refusal(logAlert(bad)).message()).as("%d days", bad)
          .startsWith("spec.logMetricFilter.retentionDays:").contains(String.valueOf(bad));
    }
  }

  @Test
  void aLogMetricFilterNeedsACustomNamespaceAndNoDimensions() {
    AnomalyAlertSpec spec = threshold();
    spec.setLogMetricFilter(logs(30));
    Outcome o = refusal(spec);
    assertThat(o.message()).contains("spec.metric.namespace: a log metric filter publishes into a custom namespace")
        .contains("spec.metric.dimensions");
  }

  @Test
  void aNamespaceIsRequiredWithoutAPipelineRef() {
    AnomalyAlertSpec spec = threshold();
    spec.getMetric().setNamespace(null);
    assertThat(refusal(spec).message()).startsWith("spec.metric.namespace: required without spec.pipelineRef");
    AnomalyAlertSpec withRef = band(AlertCondition.AnomalyBand.Direction.Both);
    assertThat(validate(alert(withRef))).isEmpty();
  }

  @Test
  void theAwsManagedSnsKeyIsRefusedInEveryForm() {
    for (String key : List.of("alias/aws/sns", "arn:aws:kms:us-east-1:123456789012:alias/aws/sns", "ALIAS/AWS/SNS")) {
      AnomalyAlertSpec spec = threshold();
      spec.getNotification().setKmsKeyId(key);
      assertThat(refusal(spec).message()).as(key).startsWith("spec.notification.kmsKeyId:").contains("customer-managed");
    }
    AnomalyAlertSpec spec = threshold();
    spec.getNotification().setKmsKeyId("alias/uba-alerts");
    assertThat(validate(alert(spec))).isEmpty();
  }

  @Test
  void anExistingTopicIsNeverEncryptedNamedOrInAnotherRegion() {
    AnomalyAlertSpec spec = threshold();
    spec.getNotification().setTopicArn("arn:aws:sns:us-east-1:123456789012:oncall");
    assertThat(validate(alert(spec))).isEmpty();
    spec.getNotification().setKmsKeyId("alias/uba-alerts");
    spec.getNotification().setTopicName("mine");
    Outcome o = refusal(spec);
    assertThat(o.message()).contains("spec.notification.kmsKeyId").contains("spec.notification.topicArn: set either");
    AnomalyAlertSpec elsewhere = threshold();
    elsewhere.getNotification().setTopicArn("arn:aws:sns:eu-west-1:123456789012:oncall");
    assertThat(refusal(elsewhere).message()).contains("spec.notification.topicArn").contains("eu-west-1");
  }

  @Test
  void subscriptionEndpointsMustFitTheirProtocolAndNotRepeat() {
    AnomalyAlertSpec spec = threshold();
    spec.getNotification().setSubscriptions(List.of(
        new NotificationSpec.Subscription("email", "oncall@example.com"),
        new NotificationSpec.Subscription("email", "oncall@example.com"),
        new NotificationSpec.Subscription("https", "http://hooks.example.com/x"),
        new NotificationSpec.Subscription("sqs", "arn:aws:sqs:us-east-1:123456789012:alerts"),
        new NotificationSpec.Subscription("lambda", "my-function"),
        new NotificationSpec.Subscription("sms", "+15555550100")));
    Outcome o = refusal(spec);
    assertThat(o.message()).contains("spec.notification.subscriptions[1]: duplicate of spec.notification.subscriptions[0]")
        .contains("spec.notification.subscriptions[2].endpoint").contains("spec.notification.subscriptions[4].endpoint")
        .doesNotContain("subscriptions[3]").doesNotContain("subscriptions[5]");
  }

  @Test
  void reservedTagsAreRefused() {
    AnomalyAlertSpec spec = threshold();
    spec.setTags(Map.of("aws:cloudformation:stack-name", "x"));
    assertThat(refusal(spec).message()).startsWith("spec.tags[aws:cloudformation:stack-name]");
  }

  @Test
  void theTopicCannotChangeAfterCreation() {
    AnomalyAlert renamed = alert(threshold());
    renamed.getSpec().getNotification().setTopicName("another");
    AnomalyAlertStatus status = new AnomalyAlertStatus();
    status.setTopic(new UsedResource("analytics-traffic-drop",
        "arn:aws:sns:us-east-1:123456789012:analytics-traffic-drop", true));
    renamed.setStatus(status);
    Outcome o = refusal(renamed);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).startsWith("spec.notification.topicName:");

    AnomalyAlert switched = alert(threshold());
    switched.getSpec().getNotification().setTopicArn("arn:aws:sns:us-east-1:123456789012:oncall");
    switched.setStatus(status);
    assertThat(refusal(switched).message()).startsWith("spec.notification.topicArn:");
  }

  @Test
  void theLogGroupCannotChangeAfterCreation() {
    AnomalyAlert moved = alert(logAlert(30));
    moved.getSpec().getLogMetricFilter().setLogGroupName("/uba/other");
    AnomalyAlertStatus status = new AnomalyAlertStatus();
    status.setMetricFilter(new AnomalyAlertStatus.MetricFilterStatus("analytics-traffic-drop", "/uba/model-serving"));
    status.setLogGroup(new UsedResource("/uba/model-serving",
        "arn:aws:logs:us-east-1:123456789012:log-group:/uba/model-serving", true));
    moved.setStatus(status);
    Outcome o = refusal(moved);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).startsWith("spec.logMetricFilter.logGroupName:");

    AnomalyAlert released = alert(logAlert(30));
    released.getSpec().getLogMetricFilter().setCreateLogGroup(false);
    released.setStatus(status);
    assertThat(refusal(released).message()).startsWith("spec.logMetricFilter.createLogGroup:");
  }

  @Test
  void theRegionCannotChangeAfterCreation() {
    AnomalyAlert a = alert(threshold());
    a.getSpec().setRegion("eu-west-1");
    AnomalyAlertStatus status = new AnomalyAlertStatus();
    status.setRegion("us-east-1");
    a.setStatus(status);
    Outcome o = refusal(a);
    assertThat(o.reason()).isEqualTo("ImmutableField");
    assertThat(o.message()).startsWith("spec.region:");
  }
}
