package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.engine.Names;

/**
 * The AWS names of an alert's resources (pure): alarm and topic {@code <namespace>-<name>} (the
 * topic's from spec.notification.topicName where given), rule {@code <namespace>-<name>-state},
 * metric filter {@code <namespace>-<name>}.
 */
public record AlertNames(String ownerId, String alarm, String topic, String rule, String metricFilter) {
  public static final String KIND = "AnomalyAlert";

  public static AlertNames of(AnomalyAlert alert) {
    String ns = alert.getMetadata().getNamespace();
    String name = alert.getMetadata().getName();
    var notification = alert.getSpec().getNotification();
    String topic = notification != null && notBlank(notification.getTopicName())
        ? notification.getTopicName()
        : Names.awsName(Names.SNS_TOPIC, ns, KIND, name, "");
    return new AlertNames(
        Names.ownerId(ns, KIND, name),
        Names.awsName(Names.CLOUDWATCH_ALARM, ns, KIND, name, ""),
        topic,
        Names.awsName(Names.EVENT_RULE, ns, KIND, name, "-state"),
        Names.awsName(Names.METRIC_FILTER, ns, KIND, name, ""));
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
