package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/**
 * Amazon Data Firehose (API 2015-08-04) delivery stream behaviour that the emulator lacks,
 * following the Firehose API reference:
 *
 * <ul>
 *   <li><b>CreateDeliveryStream</b>: "This is an asynchronous operation that immediately returns.
 *       The initial status of the Firehose stream is CREATING. After the Firehose stream is
 *       created, its status is ACTIVE and it now accepts data." DescribeDeliveryStream reports
 *       {@code DeliveryStreamStatus: CREATING} for the configured describes of that stream, then
 *       ACTIVE. An {@code AmazonopensearchserviceDestinationConfiguration}, which the emulator
 *       refuses, is accepted and described back as AWS describes it ({@link FirehoseTranslation});
 *       so is an {@code ExtendedS3DestinationConfiguration}. The Kinesis source is described with
 *       its {@code DeliveryStartTimestamp} (the creation time).
 *   <li><b>Failures a test arranges</b> ({@link LocalFirehose}): {@code CREATING_FAILED} after
 *       CREATING, with {@code FailureDescription}; {@code InvalidArgumentException} "Firehose is
 *       unable to assume role ..." on the next creates (IAM is eventually consistent); a delete
 *       ending in {@code DELETING_FAILED}: "AllowForceDelete: Set this to true if you want to delete
 *       the Firehose stream even if Firehose is unable to retire the grant for the CMK", so a
 *       stream in DELETING_FAILED stays so until a delete with {@code AllowForceDelete: true}.
 *   <li><b>DeleteDeliveryStream</b>: "You can delete a Firehose stream only if it is in one of the
 *       following states: ACTIVE, DELETING, CREATING_FAILED, or DELETING_FAILED. You can't delete
 *       a Firehose stream that is in the CREATING state." A delete of a CREATING stream is answered
 *       HTTP 400 {@code ResourceInUseException}. "DeleteDeliveryStream is an asynchronous API.
 *       When an API request to DeleteDeliveryStream succeeds, the Firehose stream is marked for
 *       deletion, and it goes into the DELETING state": the proxy checks that the stream exists,
 *       answers success itself and reports {@code DELETING} for the configured describes (a
 *       second delete meanwhile succeeds again); then it sends the delete to the emulator, after
 *       which the stream is gone ({@code ResourceNotFoundException}). ListDeliveryStreams keeps
 *       listing it while it is DELETING.
 *   <li><b>UpdateDestination</b>: merged into the destination as AWS merges it (see
 *       {@link FirehoseTranslation}); "Firehose uses CurrentDeliveryStreamVersionId to avoid race
 *       conditions and conflicting merges ... the service updates the configuration only if the
 *       existing configuration has a version ID that matches. After the update is applied
 *       successfully, the version ID is updated": a stale version is refused with
 *       {@code ConcurrentModificationException} (the emulator checks and increments it; the merge
 *       is kept only when it accepts). "Switching between Amazon OpenSearch Service and other
 *       services is not supported": such an update is refused with
 *       {@code InvalidArgumentException}.
 *   <li><b>UpdateDestination, StartDeliveryStreamEncryption, StopDeliveryStreamEncryption</b> list
 *       {@code ResourceInUseException} ("The resource is already in use and not available for this
 *       operation"): on a stream that is not ACTIVE they are refused with it, without reaching the
 *       emulator.
 * </ul>
 *
 * <p>A state ends after its describes are used up (or its time limit has passed); the next
 * Firehose request then completes it. Data moves once a stream is ACTIVE ({@link FirehoseDeliverer}).
 * Not simulated: refusal of PutRecord and PutRecordBatch while CREATING (they are passed to the
 * emulator, which accepts them and delivers nothing).
 */
final class FirehoseLifecycle extends JsonServiceLifecycle {

  private static final Set<String> NEED_ACTIVE = Set.of("UpdateDestination",
      "StartDeliveryStreamEncryption", "StopDeliveryStreamEncryption");
  private static final String CREATING = "CREATING";

  private final LocalFirehose control;
  private final FirehoseStreams streams;

  FirehoseLifecycle(TransitionSettings settings, MotoForwarder moto, LocalFirehose control,
      FirehoseStreams streams) {
    super(settings, moto, "Firehose_20150804");
    this.control = control;
    this.streams = streams;
    streams.activity(this::isActive);
  }

  @Override
  void clear() {
    super.clear();
    streams.clear();
  }

  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    finishEnded();
    String name = req.jsonText("DeliveryStreamName");
    if (name == null) {
      return moto.forward(req);
    }
    String key = FirehoseStreams.key(req.region, name);
    synchronized (lock(key)) {
      switch (req.operation) {
        case "CreateDeliveryStream":
          return create(req, key, name);
        case "DescribeDeliveryStream":
          return describe(req, key);
        case "DeleteDeliveryStream":
          return delete(req, key, name);
        default:
          if (NEED_ACTIVE.contains(req.operation)) {
            String notActive = notActiveState(key);
            if (notActive != null) {
              return inUse(req, name, notActive);
            }
          }
          if ("UpdateDestination".equals(req.operation)) {
            return update(req, key);
          }
          return moto.forward(req);
      }
    }
  }

  private AwsResponse create(AwsRequest req, String key, String name)
      throws IOException, InterruptedException {
    JsonNode body = req.json();
    if (control.takeRoleRefusal()) {
      return ErrorShapes.error(req, 400, "InvalidArgumentException",
          "Firehose is unable to assume role " + roleOf(body) + ". Please check the role provided.");
    }
    FirehoseStream.Destination kind = FirehoseTranslation.destinationOf(body);
    Instant start = Instant.now();
    AwsResponse r = kind == FirehoseStream.Destination.OPENSEARCH
        ? moto.forward(req.withBody(AwsRequest.toBytes(FirehoseTranslation.createForEmulator(body))))
        : moto.forward(req);
    if (!r.ok()) {
      return r;
    }
    JsonNode answer = r.json();
    String arn = answer == null ? null : answer.path("DeliveryStreamARN").asText(null);
    String source = body.path("KinesisStreamSourceConfiguration").path("KinesisStreamARN")
        .asText(null);
    ObjectNode description = kind == null ? null
        : FirehoseTranslation.describe(kind, FirehoseTranslation.configurationOf(body, kind));
    FirehoseStream stream = new FirehoseStream(req.region, name, arn, source,
        source == null ? null : start, kind, description);
    stream.fail(control.takeCreateFailure());
    streams.put(stream);
    control.forgetReport(name);
    if (!settings.isInstant()) {
      start(key, CREATING, null);
    }
    return r;
  }

  private AwsResponse describe(AwsRequest req, String key) throws IOException, InterruptedException {
    Transition t = reportedState(key);
    AwsResponse r = moto.forward(req);
    FirehoseStream stream = streams.get(key);
    JsonNode body = r.json();
    if (!r.ok() || body == null || stream == null
        || !(body.get("DeliveryStreamDescription") instanceof ObjectNode d)) {
      return r;
    }
    FirehoseTranslation.overlay(d, stream);
    FirehoseStream.Failure failure = stream.failure();
    if (t != null) {
      d.put("DeliveryStreamStatus", t.state);
    } else if (failure != null) {
      d.put("DeliveryStreamStatus", failure.status());
      ObjectNode f = d.putObject("FailureDescription");
      f.put("Type", failure.type());
      f.put("Details", failure.details());
    }
    return r.withJson(body);
  }

  private AwsResponse delete(AwsRequest req, String key, String name)
      throws IOException, InterruptedException {
    Transition t = state(key);
    if (t != null && CREATING.equals(t.state)) {
      return inUse(req, name, CREATING);
    }
    if (t != null) {
      return ok(req);
    }
    FirehoseStream stream = streams.get(key);
    FirehoseStream.Failure failure = stream == null ? null : stream.failure();
    if (failure != null && "DELETING_FAILED".equals(failure.status())) {
      if (!req.json().path("AllowForceDelete").asBoolean(false)) {
        return ok(req); // Firehose tries again and fails again: the stream stays DELETING_FAILED
      }
      stream.fail(null);
    }
    ObjectNode which = AwsRequest.object();
    which.put("DeliveryStreamName", name);
    AwsResponse exists = moto.forward(call(req, "DescribeDeliveryStream", which));
    if (!exists.ok()) {
      return exists;
    }
    FirehoseStream.Failure deleteFailure = stream == null ? null : control.takeDeleteFailure();
    if (deleteFailure != null) {
      stream.fail(deleteFailure);
      if (!settings.isInstant()) {
        start(key, DELETING, null);
      }
      return ok(req);
    }
    if (settings.isInstant()) {
      AwsResponse r = moto.forward(req);
      if (r.ok()) {
        streams.remove(key);
      }
      return r;
    }
    start(key, DELETING, req);
    return ok(req);
  }

  private AwsResponse update(AwsRequest req, String key) throws IOException, InterruptedException {
    FirehoseStream stream = streams.get(key);
    JsonNode body = req.json();
    String member = FirehoseTranslation.updateMemberOf(body);
    FirehoseStream.Destination kind = stream == null ? null : stream.destination();
    if (kind == null || member == null) {
      return moto.forward(req);
    }
    boolean sameType = member.equals(FirehoseTranslation.updateMemberFor(kind));
    if (!sameType) {
      if (kind == FirehoseStream.Destination.OPENSEARCH
          || FirehoseTranslation.OPENSEARCH_UPDATE.equals(member)) {
        return ErrorShapes.error(req, 400, "InvalidArgumentException",
            "Switching between Amazon OpenSearch Service and other services is not supported. For an"
                + " Amazon OpenSearch Service destination, you can only update to another Amazon"
                + " OpenSearch Service destination.");
      }
      AwsResponse r = moto.forward(req);
      if (r.ok()) {
        stream.forgetDescription(); // another type: not merged, the emulator's description stands
        stream.versionIncremented();
      }
      return r;
    }
    ObjectNode update = body.get(member) instanceof ObjectNode u ? u : AwsRequest.object();
    ObjectNode description = stream.description();
    String refusal = FirehoseTranslation.refusal(description, update);
    if (refusal != null) {
      return ErrorShapes.error(req, 400, "InvalidArgumentException", refusal);
    }
    AwsResponse r = kind == FirehoseStream.Destination.OPENSEARCH
        ? moto.forward(req.withBody(AwsRequest.toBytes(FirehoseTranslation.updateForEmulator(body))))
        : moto.forward(req);
    if (r.ok()) {
      stream.describeAs(FirehoseTranslation.merge(description, update));
      stream.versionIncremented();
    }
    return r;
  }

  @Override
  protected void finished(String key, Transition t) {
    if (DELETING.equals(t.state) && t.detail instanceof AwsRequest) {
      streams.remove(key);
    }
  }

  /** ACTIVE: no failure, not deleting, and CREATING (if any) over. */
  private boolean isActive(FirehoseStream s) {
    Transition t = state(FirehoseStreams.key(s.region, s.name));
    return s.failure() == null && (t == null || (CREATING.equals(t.state) && t.isOver()));
  }

  /** The state that keeps a stream from being changed, or null when it is ACTIVE. */
  private String notActiveState(String key) {
    Transition t = state(key);
    if (t != null) {
      return t.state;
    }
    FirehoseStream s = streams.get(key);
    return s == null || s.failure() == null ? null : s.failure().status();
  }

  private static String roleOf(JsonNode body) {
    String role = body.path("KinesisStreamSourceConfiguration").path("RoleARN").asText(null);
    if (role != null) {
      return role;
    }
    for (String member : new String[] {FirehoseTranslation.OPENSEARCH_CONFIGURATION,
        FirehoseTranslation.EXTENDED_S3_CONFIGURATION}) {
      if (body.path(member).has("RoleARN")) {
        return body.path(member).path("RoleARN").asText();
      }
    }
    return "(none given)";
  }

  private static AwsResponse inUse(AwsRequest req, String name, String state) {
    return ErrorShapes.error(req, 400, "ResourceInUseException", "Firehose stream " + name
        + " under account " + PersonalizeEmulator.ACCOUNT_ID + " is in " + state
        + " state and not available for " + req.operation + ".");
  }
}
