package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.WorkflowPass;

/**
 * What one pass over an alert knows: the alert, the status it records into, the resource types of
 * its region, what it already has in AWS ({@code recorded}) and, in a forward pass, what it should
 * have ({@code desired}; null in a cleanup pass, which only removes).
 */
record AlertPass(AnomalyAlert alert, AnomalyAlertStatus status, AlertNames names, AlertResources aws,
    AlertIdentities recorded, AlertDesiredState desired, EventSink events) implements WorkflowPass {

  static AlertPass forward(AnomalyAlert alert, AnomalyAlertStatus status, AlertNames names, AlertResources aws,
      AlertLocation where, AlertDesiredState desired, EventSink events) {
    return new AlertPass(alert, status, names, aws, AlertIdentities.of(alert, names, where), desired, events);
  }

  static AlertPass cleanup(AnomalyAlert alert, AnomalyAlertStatus status, AlertNames names, AlertResources aws,
      AlertLocation where, EventSink events) {
    return new AlertPass(alert, status, names, aws, AlertIdentities.of(alert, names, where), null, events);
  }

  AnomalyAlertSpec spec() {
    return alert.getSpec();
  }

  @Override
  public String ownerId() {
    return names.ownerId();
  }

  @Override
  public DeletionPolicy deletionPolicy() {
    return spec().getDeletionPolicy();
  }

  /** The log group the spec names, else the one status records (after spec.logMetricFilter was removed). */
  String logGroupName() {
    if (spec().getLogMetricFilter() != null) {
      return spec().getLogMetricFilter().getLogGroupName();
    }
    return status.getLogGroup() == null ? null : status.getLogGroup().getName();
  }
}
