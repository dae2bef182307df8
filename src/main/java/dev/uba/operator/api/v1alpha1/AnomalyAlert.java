package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A CloudWatch alarm on a pipeline metric (or any metric) with a static threshold or an
 * anomaly-detection band, its SNS notifications, an optional log metric filter and an optional
 * EventBridge rule on the alarm's state changes, as one object. The printer columns are listed in
 * the order {@code kubectl get} shows them (CrdGeneration keeps it).
 */
@JsonClassDescription("A CloudWatch alarm on a UbaPipeline's metric (or any CloudWatch metric), with a static "
    + "threshold or an anomaly-detection band, the SNS topic and subscriptions it notifies, and optionally a log "
    + "metric filter that turns matching log lines into the metric and an EventBridge rule on the alarm's state "
    + "changes. The alarm's state is mirrored into status.alarm.")
@Group(UbaPipeline.GROUP)
@Version(UbaPipeline.VERSION)
@ShortNames({"ubaa", "ubaalert"})
@Categories(UbaPipeline.CATEGORY)
@AdditionalPrinterColumn(name = "Alarm State", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.alarm.state")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = UbaPipeline.READY_STATUS)
@AdditionalPrinterColumn(name = "Phase", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Alarm", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.alarm.name",
    priority = 1)
@AdditionalPrinterColumn(name = "Metric", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.metric.name",
    priority = 1)
@AdditionalPrinterColumn(name = "Message", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = UbaPipeline.READY_MESSAGE, priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class AnomalyAlert extends CustomResource<AnomalyAlertSpec, AnomalyAlertStatus> implements Namespaced {
  @Override
  @JsonPropertyDescription("The alert as declared: the metric, the condition that fires it and who is notified.")
  public AnomalyAlertSpec getSpec() { return super.getSpec(); }

  @Override
  @JsonPropertyDescription("What exists in AWS, the alarm's state and what is wrong, written by the operator only.")
  public AnomalyAlertStatus getStatus() { return super.getStatus(); }
}
