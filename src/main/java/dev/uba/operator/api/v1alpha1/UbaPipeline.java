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
 * A Kinesis stream, an OpenSearch domain, the ingestion role and the producer policy, as one object.
 * The printer columns are listed in the order {@code kubectl get} shows them (CrdGeneration keeps it).
 */
@JsonClassDescription("A user-behaviour-analytics pipeline on AWS: the Kinesis data stream producers put events on, "
    + "the IAM policy they attach to do so, and optionally an OpenSearch domain with the events' index template "
    + "and retention, an S3 archive bucket and a Firehose delivery stream from the stream into the domain or the "
    + "archive. The operator creates them, keeps them as declared, reports them in status and deletes them "
    + "with the object (deletionPolicy).")
@Group(UbaPipeline.GROUP)
@Version(UbaPipeline.VERSION)
@ShortNames({"ubap", "ubapipe"})
@Categories(UbaPipeline.CATEGORY)
@AdditionalPrinterColumn(name = "Stream", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.stream.name")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = UbaPipeline.READY_STATUS)
@AdditionalPrinterColumn(name = "Phase", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Domain", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.search.domainName", priority = 1)
@AdditionalPrinterColumn(name = "Message", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = UbaPipeline.READY_MESSAGE, priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class UbaPipeline extends CustomResource<UbaPipelineSpec, UbaPipelineStatus> implements Namespaced {
  public static final String GROUP = "uba.dev";
  public static final String VERSION = "v1alpha1";
  /** The category of all three kinds: {@code kubectl get uba} lists them together. */
  public static final String CATEGORY = "uba";
  static final String READY_STATUS = ".status.conditions[?(@.type==\"Ready\")].status";
  static final String READY_MESSAGE = ".status.conditions[?(@.type==\"Ready\")].message";

  @Override
  @JsonPropertyDescription("The pipeline as declared: the stream, and optionally search, archive and delivery.")
  public UbaPipelineSpec getSpec() { return super.getSpec(); }

  @Override
  @JsonPropertyDescription("What exists in AWS and what is wrong, written by the operator only.")
  public UbaPipelineStatus getStatus() { return super.getStatus(); }
}
