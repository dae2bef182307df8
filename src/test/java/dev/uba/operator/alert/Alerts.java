package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AlertCondition;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.MetricSpec;
import dev.uba.operator.api.v1alpha1.NotificationSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;

/** Alert objects for the unit tests, as the API server hands them over (schema defaults applied). */
final class Alerts {
  static final AlertLocation WHERE = new AlertLocation("us-east-1", "123456789012", "aws");
  static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:analytics-traffic-drop";
  static final String ALARM_ARN = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:analytics-traffic-drop";
  static final String RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/analytics-traffic-drop-state";

  private Alerts() {}

  static AnomalyAlert alert(AnomalyAlertSpec spec) {
    AnomalyAlert a = new AnomalyAlert();
    a.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("traffic-drop").withGeneration(1L).build());
    a.setSpec(spec);
    return a;
  }

  /** A threshold alert on an explicit metric, no pipelineRef. */
  static AnomalyAlertSpec threshold() {
    AnomalyAlertSpec spec = new AnomalyAlertSpec();
    spec.setTags(Map.of("team", "growth"));
    MetricSpec metric = new MetricSpec();
    metric.setNamespace("AWS/Kinesis");
    metric.setName("IncomingRecords");
    metric.setDimensions(Map.of("StreamName", "analytics-clickstream"));
    spec.setMetric(metric);
    AlertCondition condition = new AlertCondition();
    condition.setThreshold(new AlertCondition.Threshold(AlertCondition.Threshold.Comparison.GreaterThanThreshold, 1000.0));
    condition.setEvaluationPeriods(3);
    spec.setCondition(condition);
    NotificationSpec notification = new NotificationSpec();
    notification.setSubscriptions(List.of(new NotificationSpec.Subscription("email", "oncall@example.com")));
    spec.setNotification(notification);
    return spec;
  }

  /** An anomaly-band alert on the pipeline's stream. */
  static AnomalyAlertSpec band(AlertCondition.AnomalyBand.Direction direction) {
    AnomalyAlertSpec spec = new AnomalyAlertSpec();
    spec.setPipelineRef(new AnomalyAlertSpec.PipelineRef("clickstream"));
    MetricSpec metric = new MetricSpec();
    metric.setName("IncomingRecords");
    spec.setMetric(metric);
    AlertCondition condition = new AlertCondition();
    condition.setAnomalyBand(new AlertCondition.AnomalyBand(2.0, direction));
    spec.setCondition(condition);
    return spec;
  }

  static AlertDesiredState desired(AnomalyAlert alert, String pipelineStream) {
    return AlertDesiredState.of(alert, AlertNames.of(alert), WHERE, pipelineStream);
  }
}
