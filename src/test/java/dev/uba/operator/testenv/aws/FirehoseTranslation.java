package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON of the Firehose API (2015-08-04) as the proxy rewrites and remembers it (pure):
 *
 * <ul>
 *   <li><b>To the emulator</b>: it refuses {@code AmazonopensearchserviceDestinationConfiguration}
 *       ("Exactly one destination configuration is supported") and
 *       {@code AmazonopensearchserviceDestinationUpdate}, but stores the legacy
 *       {@code ElasticsearchDestinationConfiguration}/{@code ElasticsearchDestinationUpdate}, whose
 *       members are the same: the OpenSearch structures are sent under the legacy names.
 *   <li><b>Descriptions</b>: a configuration becomes its description (API reference,
 *       {@code AmazonopensearchserviceDestinationDescription} and
 *       {@code ExtendedS3DestinationDescription}): {@code S3Configuration} is described as
 *       {@code S3DestinationDescription}, {@code S3BackupConfiguration} as
 *       {@code S3BackupDescription}, and members left out are described with the defaults the API
 *       reference gives: BufferingHints 300 s / 5 MiB, RetryOptions 300 s, IndexRotationPeriod
 *       OneDay, S3BackupMode FailedDocumentsOnly (OpenSearch) or Disabled (S3), CompressionFormat
 *       UNCOMPRESSED, EncryptionConfiguration NoEncryption. An extended S3 destination is also
 *       described through the legacy {@code S3DestinationDescription} view of the same settings,
 *       as DescribeDeliveryStream answers for it.
 *   <li><b>UpdateDestination</b> (API reference): "If the destination type is the same, Firehose
 *       merges the configuration parameters specified with the destination configuration that
 *       already exists on the delivery stream. If any of the parameters are not specified in the
 *       call, the existing values are retained. For example, in the Amazon S3 destination, if
 *       EncryptionConfiguration is not specified, then the existing EncryptionConfiguration is
 *       maintained on the destination." Nested structures merge member by member (BufferingHints
 *       keeps SizeInMBs when only IntervalInSeconds is given; {@code S3Update} merges into the
 *       S3 destination); lists (Processors) are replaced; {@code EncryptionConfiguration} is a
 *       choice of one member and is replaced as a whole. The emulator instead replaces each nested
 *       structure that is given.
 * </ul>
 */
final class FirehoseTranslation {

  static final String OPENSEARCH_CONFIGURATION = "AmazonopensearchserviceDestinationConfiguration";
  static final String OPENSEARCH_UPDATE = "AmazonopensearchserviceDestinationUpdate";
  static final String EXTENDED_S3_CONFIGURATION = "ExtendedS3DestinationConfiguration";
  static final String EXTENDED_S3_UPDATE = "ExtendedS3DestinationUpdate";
  private static final String LEGACY_CONFIGURATION = "ElasticsearchDestinationConfiguration";
  private static final String LEGACY_UPDATE = "ElasticsearchDestinationUpdate";
  private static final String S3_DESCRIPTION = "S3DestinationDescription";

  /** The update members of UpdateDestination, one of which a request carries. */
  static final List<String> UPDATE_MEMBERS = List.of(OPENSEARCH_UPDATE, EXTENDED_S3_UPDATE,
      "S3DestinationUpdate", LEGACY_UPDATE, "RedshiftDestinationUpdate", "SplunkDestinationUpdate",
      "HttpEndpointDestinationUpdate", "AmazonOpenSearchServerlessDestinationUpdate",
      "SnowflakeDestinationUpdate", "IcebergDestinationUpdate");

  /** Configuration or update member names and the description member names they become. */
  private static final Map<String, String> DESCRIBED_AS = Map.of(
      "S3Configuration", S3_DESCRIPTION,
      "S3Update", S3_DESCRIPTION,
      "S3BackupConfiguration", "S3BackupDescription",
      "S3BackupUpdate", "S3BackupDescription",
      "VpcConfiguration", "VpcConfigurationDescription");

  private FirehoseTranslation() {}

  /** The destination kind a CreateDeliveryStream body configures, or null for any other. */
  static FirehoseStream.Destination destinationOf(JsonNode createBody) {
    if (createBody.has(OPENSEARCH_CONFIGURATION)) {
      return FirehoseStream.Destination.OPENSEARCH;
    }
    if (createBody.has(EXTENDED_S3_CONFIGURATION)) {
      return FirehoseStream.Destination.EXTENDED_S3;
    }
    return null;
  }

  /** The configuration member of a CreateDeliveryStream body for {@code kind}. */
  static ObjectNode configurationOf(JsonNode createBody, FirehoseStream.Destination kind) {
    JsonNode c = createBody.get(kind == FirehoseStream.Destination.OPENSEARCH
        ? OPENSEARCH_CONFIGURATION : EXTENDED_S3_CONFIGURATION);
    return c instanceof ObjectNode o ? o : AwsRequest.object();
  }

  /** The update member an UpdateDestination body carries, or null. */
  static String updateMemberOf(JsonNode updateBody) {
    return UPDATE_MEMBERS.stream().filter(updateBody::has).findFirst().orElse(null);
  }

  /** The update member that merges into a destination of {@code kind}. */
  static String updateMemberFor(FirehoseStream.Destination kind) {
    return kind == FirehoseStream.Destination.OPENSEARCH ? OPENSEARCH_UPDATE : EXTENDED_S3_UPDATE;
  }

  /** A CreateDeliveryStream body the emulator accepts: OpenSearch under the legacy name. */
  static ObjectNode createForEmulator(JsonNode createBody) {
    return renamed((ObjectNode) createBody, OPENSEARCH_CONFIGURATION, LEGACY_CONFIGURATION);
  }

  /** An UpdateDestination body the emulator accepts: OpenSearch under the legacy name. */
  static ObjectNode updateForEmulator(JsonNode updateBody) {
    return renamed((ObjectNode) updateBody, OPENSEARCH_UPDATE, LEGACY_UPDATE);
  }

  /** The description of a destination created with {@code configuration}. */
  static ObjectNode describe(FirehoseStream.Destination kind, ObjectNode configuration) {
    ObjectNode d = describedNames(configuration);
    if (kind == FirehoseStream.Destination.OPENSEARCH) {
      defaultBuffering(d);
      ObjectNode retry = child(d, "RetryOptions");
      if (!retry.has("DurationInSeconds")) {
        retry.put("DurationInSeconds", 300);
      }
      putIfAbsent(d, "IndexRotationPeriod", "OneDay");
      putIfAbsent(d, "S3BackupMode", "FailedDocumentsOnly");
      defaultS3(child(d, S3_DESCRIPTION));
    } else {
      defaultS3(d);
      putIfAbsent(d, "S3BackupMode", "Disabled");
      if (d.get("S3BackupDescription") instanceof ObjectNode backup) {
        defaultS3(backup);
      }
    }
    return d;
  }

  /** {@code description} with {@code update} (an update member's value) merged in, as AWS does. */
  static ObjectNode merge(ObjectNode description, ObjectNode update) {
    ObjectNode change = describedNames(update);
    ObjectNode base = description.deepCopy();
    dropReplacedChoices(base, change);
    for (String nested : List.of(S3_DESCRIPTION, "S3BackupDescription")) {
      if (base.get(nested) instanceof ObjectNode b && change.get(nested) instanceof ObjectNode c) {
        dropReplacedChoices(b, c);
      }
    }
    return JsonMerge.merge(base, change);
  }

  /**
   * Why AWS refuses merging {@code update} into {@code description}, or null. ExtendedS3
   * {@code S3BackupMode}: "You can update a Firehose stream to enable Amazon S3 backup if it is
   * disabled. If backup is enabled, you can't update the Firehose stream to disable it."
   */
  static String refusal(ObjectNode description, ObjectNode update) {
    if ("Enabled".equals(text(description, "S3BackupMode"))
        && "Disabled".equals(text(update, "S3BackupMode"))) {
      return "S3 backup cannot be disabled once it is enabled.";
    }
    return null;
  }

  /**
   * A DescribeDeliveryStream answer with the proxy's knowledge of {@code stream}: the destination
   * described as AWS describes it, and the source's DeliveryStartTimestamp.
   */
  static void overlay(ObjectNode streamDescription, FirehoseStream stream) {
    if (streamDescription.path("Source").get("KinesisStreamSourceDescription")
        instanceof ObjectNode source && stream.deliveryStart != null) {
      source.put("DeliveryStartTimestamp", epochSeconds(stream.deliveryStart));
    }
    ObjectNode description = stream.description();
    FirehoseStream.Destination kind = stream.destination();
    if (description == null || kind == null
        || !(streamDescription.get("Destinations") instanceof ArrayNode destinations)
        || destinations.isEmpty() || !(destinations.get(0) instanceof ObjectNode first)) {
      return;
    }
    ObjectNode replaced = AwsRequest.object();
    replaced.set("DestinationId", first.get("DestinationId"));
    replaced.set(kind.descriptionField, description);
    if (kind == FirehoseStream.Destination.EXTENDED_S3) {
      replaced.set(S3_DESCRIPTION, legacyS3View(description));
    }
    destinations.set(0, replaced);
  }

  /** The legacy S3DestinationDescription view of an extended S3 destination. */
  private static ObjectNode legacyS3View(ObjectNode extended) {
    ObjectNode v = AwsRequest.object();
    for (String f : List.of("RoleARN", "BucketARN", "Prefix", "ErrorOutputPrefix", "BufferingHints",
        "CompressionFormat", "EncryptionConfiguration", "CloudWatchLoggingOptions")) {
      if (extended.has(f)) {
        v.set(f, extended.get(f).deepCopy());
      }
    }
    return v;
  }

  private static void defaultS3(ObjectNode s3) {
    defaultBuffering(s3);
    putIfAbsent(s3, "CompressionFormat", "UNCOMPRESSED");
    if (!s3.has("EncryptionConfiguration")) {
      child(s3, "EncryptionConfiguration").put("NoEncryptionConfig", "NoEncryption");
    }
  }

  private static void defaultBuffering(ObjectNode d) {
    ObjectNode hints = child(d, "BufferingHints");
    if (!hints.has("IntervalInSeconds")) {
      hints.put("IntervalInSeconds", 300);
    }
    if (!hints.has("SizeInMBs")) {
      hints.put("SizeInMBs", 5);
    }
  }

  /** A replaced-as-a-whole choice given in {@code change} leaves nothing of the old one. */
  private static void dropReplacedChoices(ObjectNode base, ObjectNode change) {
    if (change.has("EncryptionConfiguration")) {
      base.remove("EncryptionConfiguration");
    }
  }

  /** A copy with the configuration/update member names turned into description names. */
  private static ObjectNode describedNames(ObjectNode source) {
    ObjectNode out = AwsRequest.object();
    source.properties().forEach(e -> {
      String name = DESCRIBED_AS.getOrDefault(e.getKey(), e.getKey());
      out.set(name, e.getValue().deepCopy());
    });
    return out;
  }

  private static ObjectNode renamed(ObjectNode body, String from, String to) {
    ObjectNode out = AwsRequest.object();
    body.properties().forEach(e -> out.set(from.equals(e.getKey()) ? to : e.getKey(),
        e.getValue().deepCopy()));
    return out;
  }

  /** The object member {@code field} of {@code o}, created empty when absent. */
  private static ObjectNode child(ObjectNode o, String field) {
    if (o.get(field) instanceof ObjectNode c) {
      return c;
    }
    return o.putObject(field);
  }

  private static void putIfAbsent(ObjectNode o, String field, String value) {
    if (!o.has(field)) {
      o.put(field, value);
    }
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  /** DeliveryStartTimestamp as the wire carries timestamps: epoch seconds. */
  static double epochSeconds(Instant t) {
    return t.toEpochMilli() / 1000.0;
  }
}
