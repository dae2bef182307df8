package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The Firehose JSON the proxy rewrites and remembers (no server). */
class FirehoseTranslationTest {

  private static ObjectNode json(String text) throws IOException {
    return (ObjectNode) AwsRequest.JSON.readTree(text.replace('\'', '"'));
  }

  private static final String OPENSEARCH = "{'DeliveryStreamName':'events',"
      + "'AmazonopensearchserviceDestinationConfiguration':{'RoleARN':'r','DomainARN':'d','IndexName':'i',"
      + "'BufferingHints':{'IntervalInSeconds':60},'S3Configuration':{'RoleARN':'r','BucketARN':'b',"
      + "'Prefix':'backup/','CompressionFormat':'GZIP'}}}";

  @Test
  void theEmulatorGetsTheOpenSearchDestinationUnderItsLegacyName() throws IOException {
    ObjectNode sent = FirehoseTranslation.createForEmulator(json(OPENSEARCH));
    assertThat(sent.has("AmazonopensearchserviceDestinationConfiguration")).isFalse();
    assertThat(sent.path("ElasticsearchDestinationConfiguration").path("IndexName").asText()).isEqualTo("i");
    assertThat(sent.path("DeliveryStreamName").asText()).isEqualTo("events");
  }

  @Test
  void aConfigurationIsDescribedWithTheApiDefaults() throws IOException {
    ObjectNode create = json(OPENSEARCH);
    FirehoseStream.Destination kind = FirehoseTranslation.destinationOf(create);
    assertThat(kind).isEqualTo(FirehoseStream.Destination.OPENSEARCH);
    ObjectNode d = FirehoseTranslation.describe(kind, FirehoseTranslation.configurationOf(create, kind));

    assertThat(d.has("S3Configuration")).isFalse();
    assertThat(d.path("S3DestinationDescription").path("Prefix").asText()).isEqualTo("backup/");
    assertThat(d.path("S3DestinationDescription").path("CompressionFormat").asText()).isEqualTo("GZIP");
    assertThat(d.path("BufferingHints").path("IntervalInSeconds").asInt()).isEqualTo(60);
    assertThat(d.path("BufferingHints").path("SizeInMBs").asInt()).isEqualTo(5);
    assertThat(d.path("RetryOptions").path("DurationInSeconds").asInt()).isEqualTo(300);
    assertThat(d.path("IndexRotationPeriod").asText()).isEqualTo("OneDay");
    assertThat(d.path("S3BackupMode").asText()).isEqualTo("FailedDocumentsOnly");
  }

  @Test
  void anUpdateMergesMemberByMemberAndReplacesLists() throws IOException {
    ObjectNode description = json("{'IndexName':'i','BufferingHints':{'IntervalInSeconds':60,'SizeInMBs':5},"
        + "'S3DestinationDescription':{'BucketARN':'b','Prefix':'backup/','CompressionFormat':'GZIP'},"
        + "'ProcessingConfiguration':{'Enabled':true,'Processors':[{'Type':'Lambda'},{'Type':'Other'}]}}");
    ObjectNode update = json("{'BufferingHints':{'IntervalInSeconds':30},'S3Update':{'Prefix':'failed/'},"
        + "'ProcessingConfiguration':{'Processors':[{'Type':'Lambda'}]}}");

    ObjectNode merged = FirehoseTranslation.merge(description, update);

    assertThat(merged.path("IndexName").asText()).isEqualTo("i");
    assertThat(merged.path("BufferingHints").path("IntervalInSeconds").asInt()).isEqualTo(30);
    assertThat(merged.path("BufferingHints").path("SizeInMBs").asInt()).isEqualTo(5);
    assertThat(merged.path("S3DestinationDescription").path("Prefix").asText()).isEqualTo("failed/");
    assertThat(merged.path("S3DestinationDescription").path("BucketARN").asText()).isEqualTo("b");
    assertThat(merged.has("S3Update")).isFalse();
    assertThat(merged.path("ProcessingConfiguration").path("Enabled").asBoolean()).isTrue();
    assertThat(merged.path("ProcessingConfiguration").path("Processors")).hasSize(1);
    assertThat(description.path("BufferingHints").path("IntervalInSeconds").asInt()).isEqualTo(60);
  }

  @Test
  void anEncryptionChoiceIsReplacedAsAWhole() throws IOException {
    ObjectNode description = json("{'EncryptionConfiguration':{'NoEncryptionConfig':'NoEncryption'}}");
    ObjectNode merged = FirehoseTranslation.merge(description,
        json("{'EncryptionConfiguration':{'KMSEncryptionConfig':{'AWSKMSKeyARN':'k'}}}"));
    JsonNode e = merged.path("EncryptionConfiguration");
    assertThat(e.has("NoEncryptionConfig")).isFalse();
    assertThat(e.path("KMSEncryptionConfig").path("AWSKMSKeyARN").asText()).isEqualTo("k");
  }

  @Test
  void s3BackupCannotBeTurnedOffOnceOn() throws IOException {
    assertThat(FirehoseTranslation.refusal(json("{'S3BackupMode':'Enabled'}"), json("{'S3BackupMode':'Disabled'}")))
        .isNotNull();
    assertThat(FirehoseTranslation.refusal(json("{'S3BackupMode':'Disabled'}"), json("{'S3BackupMode':'Enabled'}")))
        .isNull();
  }

  @Test
  void aDescribeAnswerShowsTheRememberedDestination() throws IOException {
    ObjectNode create = json(OPENSEARCH);
    FirehoseStream stream = new FirehoseStream("us-east-1", "events", "arn", "arn:aws:kinesis:us-east-1:1:stream/s",
        java.time.Instant.parse("2026-01-01T00:00:00Z"), FirehoseStream.Destination.OPENSEARCH,
        FirehoseTranslation.describe(FirehoseStream.Destination.OPENSEARCH,
            FirehoseTranslation.configurationOf(create, FirehoseStream.Destination.OPENSEARCH)));
    ObjectNode answer = json("{'DeliveryStreamName':'events','Source':{'KinesisStreamSourceDescription':"
        + "{'KinesisStreamARN':'arn:aws:kinesis:us-east-1:1:stream/s'}},'Destinations':[{'DestinationId':"
        + "'destinationId-000000000001','ElasticsearchDestinationDescription':{'IndexName':'i'}}]}");

    FirehoseTranslation.overlay(answer, stream);

    JsonNode destination = answer.path("Destinations").get(0);
    assertThat(destination.path("DestinationId").asText()).isEqualTo("destinationId-000000000001");
    assertThat(destination.has("ElasticsearchDestinationDescription")).isFalse();
    assertThat(destination.path("AmazonopensearchserviceDestinationDescription").path("IndexName").asText())
        .isEqualTo("i");
    assertThat(answer.path("Source").path("KinesisStreamSourceDescription").path("DeliveryStartTimestamp")
        .asDouble()).isEqualTo(1767225600.0);
  }
}
