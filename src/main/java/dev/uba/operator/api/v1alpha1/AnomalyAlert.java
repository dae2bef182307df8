package dev.uba.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A CloudWatch alarm on a pipeline metric (or any metric) with a static threshold or an
 * anomaly-detection band, its SNS notifications, an optional log metric filter and an optional
 * EventBridge rule on the alarm's state changes, as one object.
 */
@Group(UbaPipeline.GROUP)
@Version(UbaPipeline.VERSION)
@ShortNames("ubaa")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Phase", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Alarm State", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.alarm.state")
@AdditionalPrinterColumn(name = "Alarm", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.alarm.name",
    priority = 1)
@AdditionalPrinterColumn(name = "Metric", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.metric.name",
    priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class AnomalyAlert extends CustomResource<AnomalyAlertSpec, AnomalyAlertStatus> implements Namespaced {
}
