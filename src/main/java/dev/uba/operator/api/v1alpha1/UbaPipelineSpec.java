package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;

public class UbaPipelineSpec extends CommonSpec {
  @JsonPropertyDescription("The Kinesis data stream that collects events.")
  @Default("{}")
  private StreamSpec stream = new StreamSpec();

  @JsonPropertyDescription("The OpenSearch domain events are delivered into; without it no domain is created.")
  private SearchSpec search;

  public StreamSpec getStream() { return stream; }
  public void setStream(StreamSpec stream) { this.stream = stream == null ? new StreamSpec() : stream; }
  @JsonPropertyDescription("An S3 bucket the pipeline owns, for Firehose's backup or the raw events.")
  private ArchiveSpec archive;

  @JsonPropertyDescription("A Firehose delivery stream from the stream into the domain (with search) or the archive; needs archive.")
  private DeliverySpec delivery;

  public SearchSpec getSearch() { return search; }
  public void setSearch(SearchSpec search) { this.search = search; }
  public ArchiveSpec getArchive() { return archive; }
  public void setArchive(ArchiveSpec archive) { this.archive = archive; }
  public DeliverySpec getDelivery() { return delivery; }
  public void setDelivery(DeliverySpec delivery) { this.delivery = delivery; }
}
