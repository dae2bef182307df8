package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.api.v1alpha1.DeliverySpec;
import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.testenv.AwsCheck;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Pipelines;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.LocalAws;
import dev.uba.operator.testenv.opensearch.OpenSearchNode;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The pipeline's data path end to end: the archive bucket, the Firehose delivery stream and the
 * index template and ISM policy in a real OpenSearch node, with events put on the stream by a
 * producer and found where a user looks for them (a search hit, the archive's folders), the
 * DataFlowing condition, in-place updates and replacement of the delivery stream, deletion and a
 * restart. The operator reaches the node's data plane through UBA_OPENSEARCH_ENDPOINT_URL; the
 * local Firehose delivers to the node as the domain's endpoint. AWS is checked with separate
 * clients.
 */
class PipelineDeliveryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RESYNC = Duration.ofSeconds(3);
  private static final Duration DATA = Duration.ofSeconds(90);
  /** CloudWatch datapoints are per minute and the operator reads up to the last whole minute. */
  private static final Duration METRICS = Duration.ofSeconds(170);

  private static KubeApi kube;
  private static LocalAws aws;
  private static OpenSearchNode node;
  private static RunningOperator operator;
  private static KubernetesClient client;
  private static Pipelines pipelines;
  private static AwsCheck check;
  private static SdkHttpClient http;
  private static KinesisClient kinesis;
  private static FirehoseClient firehose;
  private static S3Client s3;
  private static CloudWatchLogsClient logs;
  private static final Map<String, String> namespaces = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws IOException {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    aws.reset();
    aws.lifecycle().instant();
    aws.firehose().bufferIntervalAtMost(Duration.ofSeconds(2)).retryDurationAtMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(250));
    node = OpenSearchNode.start(Duration.ofSeconds(120));
    for (String test : List.of("search", "flow", "s3only", "replace", "immut", "kept", "forced", "retain")) {
      namespaces.put(test, kube.newNamespace(test));
    }
    operator = RunningOperator.start(kube, aws, POLL, RESYNC, Set.copyOf(namespaces.values()), node.endpoint());
    client = kube.newClient();
    pipelines = new Pipelines(client);
    check = new AwsCheck(aws.motoEndpoint());
    http = ApacheHttpClient.builder().build();
    // Producers and the checks of Firehose and the bucket go through the local AWS: it counts the
    // records put (IncomingRecords) and serves the Firehose API and the bucket policies.
    kinesis = KinesisClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    firehose = FirehoseClient.builder().endpointOverride(aws.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    s3 = S3Client.builder().endpointOverride(aws.endpoint()).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    logs = CloudWatchLogsClient.builder().endpointOverride(aws.motoEndpoint()).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {operator, client, check, kinesis, firehose, s3, logs, http, node}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // closing what is left
      }
    }
    aws.reset();
  }

  // ---- searching what was delivered

  @Test
  void eventsPutOnTheStreamAreFoundInTodaysIndexWithTheTemplatesMapping() throws IOException {
    String ns = namespaces.get("search");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: events}
        spec:
          search: {retentionDays: 30}
          archive: {forceDestroy: true}
          delivery: {}
        """);

    UbaPipeline ready = pipelines.awaitReady(ns, "events");

    var status = ready.getStatus();
    String bucket = status.getArchive().getBucketName();
    assertThat(bucket).isNotBlank();
    assertThat(status.getArchive().getArn()).isEqualTo("arn:aws:s3:::" + bucket);
    assertThat(status.getDelivery().getName()).isEqualTo(ns + "-events");
    assertThat(status.getDelivery().getDestination()).isEqualTo("OpenSearch");
    assertThat(status.getDelivery().getStatus()).isEqualTo("ACTIVE");
    assertThat(status.getSearch().getIndexTemplate()).isEqualTo("uba-events");
    assertThat(status.getSearch().getIsmPolicy()).isEqualTo("uba-events-retention");
    assertThat(status.getResources()).extracting(r -> r.getKind())
        .contains("S3Bucket", "DeliveryStream", "LogGroup", "OpenSearchIndexTemplate", "OpenSearchIsmPolicy");
    DeliveryStreamDescription stream = describe(status.getDelivery().getName());
    var destination = stream.destinations().get(0).amazonopensearchserviceDestinationDescription();
    assertThat(destination.domainARN()).isEqualTo(status.getSearch().getArn());
    assertThat(destination.indexName()).isEqualTo("uba-events");
    assertThat(destination.s3DestinationDescription().bucketARN()).isEqualTo("arn:aws:s3:::" + bucket);
    aws.openSearchEndpoint(status.getSearch().getDomainName(), node.endpoint());

    putUbaEvents(status.getStream().getName(), 0, 1000);
    // a document the domain refuses: its timestamp is no date
    putRecords(status.getStream().getName(), List.of("{\"event_id\":\"refused-1\",\"event_type\":\"view\","
        + "\"user_id\":\"user-x\",\"session_id\":\"s-x\",\"timestamp\":\"not a date\"}"));

    String index = "uba-events-" + utc("yyyy-MM-dd");
    await().atMost(DATA).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .until(() -> count(index) == 1000);
    JsonNode hits = search(index, "{\"query\":{\"term\":{\"user_id\":\"user-7\"}},\"size\":100}");
    assertThat(hits.at("/hits/total/value").asInt()).isEqualTo(20);
    assertThat(hits.at("/hits/hits")).allSatisfy(h -> assertThat(h.at("/_source/user_id").asText()).isEqualTo("user-7"));
    JsonNode mapping = json(node.send("GET", "/" + index + "/_mapping", null).text())
        .at("/" + index + "/mappings/properties");
    assertThat(mapping.at("/timestamp/type").asText()).isEqualTo("date");
    assertThat(mapping.at("/user_id/type").asText()).isEqualTo("keyword");
    assertThat(mapping.at("/event_type/type").asText()).isEqualTo("keyword");

    List<String> backup = await().atMost(DATA).ignoreExceptions()
        .until(() -> gzipLines(bucket, "backup/"), lines -> !lines.isEmpty());
    assertThat(backup).singleElement().asString().contains("mapper_parsing_exception");
    assertThat(keys(bucket, "backup/")).allSatisfy(k -> assertThat(k).startsWith("backup/AmazonOpenSearchService_failed/"));
  }

  @Test
  void dataFlowingIsTrueWhileEventsArriveAndDeliveryFailingOnceTheDomainCannotBeReached() {
    String ns = namespaces.get("flow");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: flow}
        spec:
          search: {}
          archive: {forceDestroy: true}
          delivery: {indexName: flow-events, retrySeconds: 60}
        """);
    UbaPipeline ready = pipelines.awaitReady(ns, "flow");
    String stream = ready.getStatus().getStream().getName();
    String domain = ready.getStatus().getSearch().getDomainName();
    aws.openSearchEndpoint(domain, node.endpoint());

    putUbaEvents(stream, 0, 200);

    UbaPipeline flowing = await().atMost(METRICS).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .until(() -> pipelines.get(ns, "flow"), p -> "Flowing".equals(dataFlowing(p).getReason()));
    assertThat(dataFlowing(flowing).getStatus()).isEqualTo("True");
    assertThat(dataFlowing(flowing).getMessage()).contains("200 records came in");
    assertThat(flowing.getStatus().getDataFlow().getIncomingRecords()).isEqualTo(200);
    assertThat(flowing.getStatus().getDataFlow().getDeliveredRecords()).isEqualTo(200);
    assertThat(flowing.getStatus().getDataFlow().getDeliverySuccess()).isEqualTo("1.00");
    assertThat(Pipelines.isTrue(flowing, "Ready")).isTrue();

    // the domain is no longer reachable: every further document fails after the retry duration
    aws.openSearchEndpoint(domain, nothingListening());
    putUbaEvents(stream, 200, 300);

    UbaPipeline failing = await().atMost(METRICS).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
        .until(() -> pipelines.get(ns, "flow"), p -> "DeliveryFailing".equals(dataFlowing(p).getReason()));
    assertThat(dataFlowing(failing).getStatus()).isEqualTo("False");
    assertThat(dataFlowing(failing).getMessage()).contains("500 records came in");
    assertThat(Pipelines.isTrue(failing, "Ready")).as("Ready says whether AWS is as declared").isTrue();
  }

  // ---- the archive as the destination

  @Test
  void anS3OnlyDeliveryWritesGzipObjectsUnderTheDateFoldersOfTheArchive() {
    String ns = namespaces.get("s3only");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: raw}
        spec:
          archive: {forceDestroy: true}
          delivery: {}
        """);
    UbaPipeline ready = pipelines.awaitReady(ns, "raw");
    assertThat(ready.getStatus().getDelivery().getDestination()).isEqualTo("S3");
    assertThat(ready.getStatus().getSearch()).isNull();
    String bucket = ready.getStatus().getArchive().getBucketName();

    putUbaEvents(ready.getStatus().getStream().getName(), 0, 300);

    String folder = "events/" + utc("yyyy/MM/dd") + "/";
    List<String> lines = await().atMost(DATA).ignoreExceptions()
        .until(() -> gzipLines(bucket, folder), l -> l.size() == 300);
    assertThat(lines).allSatisfy(l -> assertThat(json(l).has("user_id")).isTrue());
    assertThat(keys(bucket, "")).allSatisfy(k -> assertThat(k).startsWith(folder).endsWith(".gz"));
  }

  // ---- changes of spec

  @Test
  void bufferingChangesGoThroughUpdateDestinationAndAConvergedPipelineWritesNothingOnResync() {
    String ns = kube.newNamespace("inplace");
    try (RunningOperator own = RunningOperator.start(kube, aws, POLL, Duration.ofSeconds(2), Set.of(ns),
        node.endpoint())) {
      pipelines.create(ns, """
          apiVersion: uba.dev/v1alpha1
          kind: UbaPipeline
          metadata: {name: buffers}
          spec:
            archive: {forceDestroy: true}
            delivery: {bufferSizeMiB: 5, bufferIntervalSeconds: 60}
          """);
      UbaPipeline ready = pipelines.awaitReady(ns, "buffers");
      String name = ready.getStatus().getDelivery().getName();
      String version = ready.getStatus().getDelivery().getVersionId();
      long creates = own.awsCalls().calls("Firehose", "CreateDeliveryStream");
      long deletes = own.awsCalls().calls("Firehose", "DeleteDeliveryStream");

      pipelines.edit(ns, "buffers", p -> {
        p.getSpec().getDelivery().setBufferSizeMiB(8);
        p.getSpec().getDelivery().setBufferIntervalSeconds(120);
        return p;
      });
      UbaPipeline updated = pipelines.awaitStatus(ns, "buffers", p -> Pipelines.isTrue(p, "Ready")
          && !version.equals(p.getStatus().getDelivery().getVersionId()));

      var hints = describe(name).destinations().get(0).extendedS3DestinationDescription().bufferingHints();
      assertThat(hints.sizeInMBs()).isEqualTo(8);
      assertThat(hints.intervalInSeconds()).isEqualTo(120);
      assertThat(own.awsCalls().calls("Firehose", "UpdateDestination")).isEqualTo(1);
      assertThat(own.awsCalls().calls("Firehose", "CreateDeliveryStream")).isEqualTo(creates);
      assertThat(own.awsCalls().calls("Firehose", "DeleteDeliveryStream")).isEqualTo(deletes);
      assertThat(updated.getStatus().getDelivery().getArn()).isEqualTo(ready.getStatus().getDelivery().getArn());
      assertThat(pipelines.events(ns, "buffers")).extracting(Event::getReason).contains("Updated");

      long writes = own.awsCalls().writes();
      long describes = own.awsCalls().calls("Firehose", "DescribeDeliveryStream");
      await().atMost(Pipelines.TIMEOUT)
          .until(() -> own.awsCalls().calls("Firehose", "DescribeDeliveryStream") >= describes + 3);
      assertThat(own.awsCalls().writes()).as("AWS write calls during steady-state resyncs").isEqualTo(writes);
    }
  }

  @Test
  void addingSearchToAnS3OnlyDeliveryReplacesTheDeliveryStream() {
    String ns = namespaces.get("replace");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: grow}
        spec:
          archive: {forceDestroy: true}
          delivery: {indexName: grow-events}
        """);
    UbaPipeline before = pipelines.awaitReady(ns, "grow");
    assertThat(before.getStatus().getDelivery().getDestination()).isEqualTo("S3");

    pipelines.edit(ns, "grow", p -> {
      p.getSpec().setSearch(new SearchSpec());
      return p;
    });
    UbaPipeline after = pipelines.awaitStatus(ns, "grow", p -> Pipelines.isTrue(p, "Ready")
        && p.getStatus().getDelivery() != null && "OpenSearch".equals(p.getStatus().getDelivery().getDestination()));

    String name = after.getStatus().getDelivery().getName();
    assertThat(name).isEqualTo(before.getStatus().getDelivery().getName());
    var destination = describe(name).destinations().get(0);
    assertThat(destination.amazonopensearchserviceDestinationDescription()).isNotNull();
    assertThat(destination.amazonopensearchserviceDestinationDescription().domainARN())
        .isEqualTo(after.getStatus().getSearch().getArn());
    assertThat(destination.extendedS3DestinationDescription()).isNull();
    assertThat(pipelines.events(ns, "grow")).filteredOn(e -> "Replaced".equals(e.getReason()))
        .singleElement().satisfies(e -> assertThat(e.getMessage()).contains(name).contains("OpenSearch"));
    assertThat(after.getStatus().getSearch().getIndexTemplate()).isEqualTo("grow-events");
  }

  @Test
  void changingBackupAfterCreationIsRefusedAsImmutable() {
    String ns = namespaces.get("immut");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: fixed}
        spec:
          search: {}
          archive: {forceDestroy: true}
          delivery: {indexName: fixed-events, backup: FailedDocumentsOnly}
        """);
    UbaPipeline ready = pipelines.awaitReady(ns, "fixed");

    pipelines.edit(ns, "fixed", p -> {
      p.getSpec().getDelivery().setBackup(DeliverySpec.Backup.AllDocuments);
      return p;
    });
    UbaPipeline degraded = pipelines.awaitDegraded(ns, "fixed", "ImmutableField");

    assertThat(Pipelines.condition(degraded, "Degraded").orElseThrow().getMessage()).contains("spec.delivery.backup");
    assertThat(degraded.getStatus().getPhase().name()).isEqualTo("Degraded");
    assertThat(describe(ready.getStatus().getDelivery().getName()).destinations().get(0)
        .amazonopensearchserviceDestinationDescription().s3BackupModeAsString()).isEqualTo("FailedDocumentsOnly");
  }

  // ---- deletion

  @Test
  void deleteRemovesEverythingAndKeepsAnArchiveThatStillHoldsObjects() {
    String ns = namespaces.get("kept");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: kept}
        spec:
          search: {}
          archive: {forceDestroy: false}
          delivery: {indexName: kept-events}
        """);
    var status = pipelines.awaitReady(ns, "kept").getStatus();
    String bucket = status.getArchive().getBucketName();
    s3.putObject(r -> r.bucket(bucket).key("reports/2026.json"), RequestBody.fromString("{}"));

    pipelines.delete(ns, "kept");
    pipelines.awaitGone(ns, "kept");

    assertGone(status);
    assertThat(s3.headBucket(r -> r.bucket(bucket)).sdkHttpResponse().isSuccessful()).isTrue();
    assertThat(keys(bucket, "")).containsExactly("reports/2026.json");
    assertThat(pipelines.events(ns, "kept")).filteredOn(e -> "ArchiveKept".equals(e.getReason()))
        .singleElement().satisfies(e -> assertThat(e.getMessage()).contains(bucket));
  }

  @Test
  void deleteWithForceDestroyEmptiesAndDeletesTheArchive() {
    String ns = namespaces.get("forced");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: forced}
        spec:
          archive: {forceDestroy: true}
          delivery: {}
        """);
    var status = pipelines.awaitReady(ns, "forced").getStatus();
    String bucket = status.getArchive().getBucketName();
    putUbaEvents(status.getStream().getName(), 0, 50);
    await().atMost(DATA).ignoreExceptions().until(() -> gzipLines(bucket, "events/").size() == 50);

    pipelines.delete(ns, "forced");
    pipelines.awaitGone(ns, "forced");

    assertGone(status);
    assertThatThrownBy(() -> s3.headBucket(r -> r.bucket(bucket))).isInstanceOf(NoSuchBucketException.class);
    assertThat(pipelines.events(ns, "forced")).extracting(Event::getReason).doesNotContain("ArchiveKept");
  }

  @Test
  void retainLeavesTheDeliveryAndTheArchiveInPlace() {
    String ns = namespaces.get("retain");
    pipelines.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: retained}
        spec:
          deletionPolicy: Retain
          archive: {forceDestroy: true}
          delivery: {}
        """);
    var status = pipelines.awaitReady(ns, "retained").getStatus();

    pipelines.delete(ns, "retained");
    pipelines.awaitGone(ns, "retained");

    assertThat(describe(status.getDelivery().getName()).deliveryStreamStatusAsString()).isEqualTo("ACTIVE");
    assertThat(s3.headBucket(r -> r.bucket(status.getArchive().getBucketName())).sdkHttpResponse().isSuccessful())
        .isTrue();
    assertThat(logGroups("/aws/kinesisfirehose/" + status.getDelivery().getName())).isNotEmpty();
    assertThat(check.streamExists(status.getStream().getName())).isTrue();
    assertThat(check.roleExists(status.getIngestionRole().getName())).isTrue();
    assertThat(check.policyExists(status.getProducerPolicy().getArn())).isTrue();
  }

  // ---- restart

  @Test
  void anOperatorRestartedWhileTheDeliveryStreamIsCreatingMakesNoDuplicate() {
    String ns = kube.newNamespace("restart");
    var calls = aws.calls();
    int createStreams = calls.count("firehose", "CreateDeliveryStream");
    int createGroups = calls.count("logs", "CreateLogGroup");
    int createRoles = calls.count("iam", "CreateRole");
    aws.lifecycle().firehose().transitionalDescribes(8);
    RunningOperator first = RunningOperator.start(kube, aws, POLL, RESYNC, Set.of(ns), node.endpoint());
    RunningOperator second = null;
    boolean firstClosed = false;
    try {
      pipelines.create(ns, """
          apiVersion: uba.dev/v1alpha1
          kind: UbaPipeline
          metadata: {name: restarted}
          spec:
            archive: {forceDestroy: true}
            delivery: {}
          """);
      await().atMost(Pipelines.TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
        UbaPipeline p = pipelines.get(ns, "restarted");
        return p != null && p.getStatus() != null && p.getStatus().getDelivery() != null
            && "CREATING".equals(p.getStatus().getDelivery().getStatus());
      });
      first.close();
      firstClosed = true;

      second = RunningOperator.start(kube, aws, POLL, RESYNC, Set.of(ns), node.endpoint());
      UbaPipeline ready = pipelines.awaitReady(ns, "restarted");

      assertThat(ready.getStatus().getDelivery().getStatus()).isEqualTo("ACTIVE");
      assertThat(calls.count("firehose", "CreateDeliveryStream") - createStreams).isEqualTo(1);
      assertThat(calls.count("logs", "CreateLogGroup") - createGroups).isEqualTo(1);
      assertThat(calls.count("iam", "CreateRole") - createRoles).isEqualTo(1);
      assertThat(firehose.listDeliveryStreams(r -> r.limit(100)).deliveryStreamNames())
          .filteredOn(n -> n.startsWith(ns)).containsExactly(ready.getStatus().getDelivery().getName());
    } finally {
      if (!firstClosed) {
        first.close();
      }
      if (second != null) {
        second.close();
      }
      aws.lifecycle().instant();
    }
  }

  // ---- helpers

  /** Every AWS resource of the pipeline but the archive is gone, as a separate client sees it. */
  private static void assertGone(dev.uba.operator.api.v1alpha1.UbaPipelineStatus status) {
    String delivery = status.getDelivery().getName();
    assertThat(firehose.listDeliveryStreams(r -> r.limit(100)).deliveryStreamNames()).doesNotContain(delivery);
    assertThat(logGroups("/aws/kinesisfirehose/" + delivery)).isEmpty();
    assertThat(check.streamExists(status.getStream().getName())).isFalse();
    assertThat(check.roleExists(status.getIngestionRole().getName())).isFalse();
    assertThat(check.policyExists(status.getProducerPolicy().getArn())).isFalse();
    if (status.getSearch() != null) {
      assertThat(check.domainExists(status.getSearch().getDomainName())).isFalse();
    }
  }

  private static io.fabric8.kubernetes.api.model.Condition dataFlowing(UbaPipeline p) {
    return Pipelines.condition(p, "DataFlowing").orElseThrow();
  }

  private static DeliveryStreamDescription describe(String name) {
    return firehose.describeDeliveryStream(r -> r.deliveryStreamName(name)).deliveryStreamDescription();
  }

  private static List<String> logGroups(String name) {
    return logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
        .map(g -> g.logGroupName()).filter(name::equals).toList();
  }

  /** {@code n} UBA events, user_id user-(i % 50), so that each user has n / 50 of them. */
  private static void putUbaEvents(String stream, int from, int n) {
    List<String> events = new ArrayList<>();
    long now = Instant.now().toEpochMilli();
    for (int i = from; i < from + n; i++) {
      events.add("{\"event_id\":\"e-" + i + "\",\"event_type\":\"" + (i % 3 == 0 ? "click" : "view")
          + "\",\"user_id\":\"user-" + (i % 50) + "\",\"session_id\":\"s-" + (i % 120) + "\",\"timestamp\":"
          + (now + i) + ",\"page\":\"/products/" + (i % 7) + "\",\"item_id\":\"item-" + (i % 11) + "\"}");
    }
    putRecords(stream, events);
  }

  /** PutRecords, 500 records a call, as a producer with the producer policy would. */
  private static void putRecords(String stream, List<String> events) {
    for (int start = 0; start < events.size(); start += 500) {
      List<PutRecordsRequestEntry> batch = events.subList(start, Math.min(events.size(), start + 500)).stream()
          .map(e -> PutRecordsRequestEntry.builder().partitionKey(Integer.toString(e.hashCode()))
              .data(SdkBytes.fromUtf8String(e)).build())
          .toList();
      var answer = kinesis.putRecords(r -> r.streamName(stream).records(batch));
      assertThat(java.util.Objects.requireNonNullElse(answer.failedRecordCount(), 0))
          .as("records refused by PutRecords").isZero();
    }
  }

  private static long count(String index) throws IOException {
    node.send("POST", "/" + index + "/_refresh", null);
    var answer = node.send("GET", "/" + index + "/_count", null);
    return answer.status() == 200 ? json(answer.text()).path("count").asLong() : -1;
  }

  private static JsonNode search(String index, String query) throws IOException {
    node.send("POST", "/" + index + "/_refresh", null);
    var answer = node.send("POST", "/" + index + "/_search", query);
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return json(answer.text());
  }

  private static List<String> keys(String bucket, String prefix) {
    return s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).toList();
  }

  /** The lines of every GZIP object under the prefix. */
  private static List<String> gzipLines(String bucket, String prefix) {
    List<String> lines = new ArrayList<>();
    for (String key : keys(bucket, prefix)) {
      byte[] zipped = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped))) {
        Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
            .filter(l -> !l.isBlank()).forEach(lines::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static String utc(String pattern) {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern(pattern));
  }

  /** A loopback URL that nothing listens on (a port just freed). */
  private static URI nothingListening() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
