package dev.uba.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Kinesis stream, an OpenSearch domain, the ingestion role and the producer policy, as one object. */
@Group(UbaPipeline.GROUP)
@Version(UbaPipeline.VERSION)
@ShortNames("ubap")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Phase", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Stream", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.stream.name")
@AdditionalPrinterColumn(name = "Domain", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.search.domainName", priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class UbaPipeline extends CustomResource<UbaPipelineSpec, UbaPipelineStatus> implements Namespaced {
  public static final String GROUP = "uba.dev";
  public static final String VERSION = "v1alpha1";
}
