package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Amazon Data Firehose (API 2015-08-04) delivery stream states that the emulator skips (it makes
 * every stream ACTIVE at once and deletes at once), following the Firehose API reference:
 *
 * <ul>
 *   <li><b>CreateDeliveryStream</b>: "This is an asynchronous operation that immediately returns.
 *       The initial status of the Firehose stream is CREATING. After the Firehose stream is
 *       created, its status is ACTIVE and it now accepts data." DescribeDeliveryStream reports
 *       {@code DeliveryStreamStatus: CREATING} for the configured describes of that stream, then
 *       ACTIVE.
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
 *   <li><b>UpdateDestination, StartDeliveryStreamEncryption, StopDeliveryStreamEncryption</b> list
 *       {@code ResourceInUseException} ("The resource is already in use and not available for this
 *       operation"): on a stream that is CREATING or DELETING they are refused with it, without
 *       reaching the emulator.
 * </ul>
 *
 * <p>A state ends after its describes are used up (or its time limit has passed); the next
 * Firehose request then completes it. Not simulated: CREATING_FAILED and DELETING_FAILED, refusal
 * of PutRecord and PutRecordBatch while CREATING (they are passed to the emulator, which accepts
 * them).
 */
final class FirehoseLifecycle {

  private static final Set<String> NEED_ACTIVE = Set.of("UpdateDestination",
      "StartDeliveryStreamEncryption", "StopDeliveryStreamEncryption");
  private static final String DEFAULT_CONTENT_TYPE = "application/x-amz-json-1.1";
  private static final String CREATING = "CREATING";
  private static final String DELETING = "DELETING";

  private final TransitionSettings settings;
  private final MotoForwarder moto;
  private final ConcurrentMap<String, Transition> streams = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  FirehoseLifecycle(TransitionSettings settings, MotoForwarder moto) {
    this.settings = settings;
    this.moto = moto;
  }

  /** Forgets every simulated state (the emulator is reset separately). */
  void clear() {
    streams.clear();
  }

  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    finishEnded();
    String name = req.jsonText("DeliveryStreamName");
    if (name == null) {
      return moto.forward(req);
    }
    String key = req.region + "/" + name;
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      switch (req.operation) {
        case "CreateDeliveryStream":
          return create(req, key);
        case "DescribeDeliveryStream":
          return describe(req, key);
        case "DeleteDeliveryStream":
          return delete(req, key, name);
        default:
          if (NEED_ACTIVE.contains(req.operation)) {
            Transition t = streams.get(key);
            if (t != null) {
              return inUse(req, name, t.state);
            }
          }
          return moto.forward(req);
      }
    }
  }

  private AwsResponse create(AwsRequest req, String key) throws IOException, InterruptedException {
    AwsResponse r = moto.forward(req);
    if (r.ok() && !settings.isInstant()) {
      streams.put(key, settings.start(CREATING, null));
    }
    return r;
  }

  private AwsResponse describe(AwsRequest req, String key) throws IOException, InterruptedException {
    Transition t = streams.get(key);
    boolean report = t != null && t.reportOnce();
    if (t != null && !report) {
      finish(key, t);
    }
    AwsResponse r = moto.forward(req);
    JsonNode body = r.json();
    if (!report || !r.ok() || body == null) {
      return r;
    }
    if (body.get("DeliveryStreamDescription") instanceof ObjectNode d) {
      d.put("DeliveryStreamStatus", t.state);
    }
    return r.withJson(body);
  }

  private AwsResponse delete(AwsRequest req, String key, String name)
      throws IOException, InterruptedException {
    Transition t = streams.get(key);
    if (t != null && CREATING.equals(t.state)) {
      return inUse(req, name, CREATING);
    }
    if (t != null) {
      return ok(req);
    }
    if (settings.isInstant()) {
      return moto.forward(req);
    }
    ObjectNode which = AwsRequest.object();
    which.put("DeliveryStreamName", name);
    AwsResponse exists = moto.forward(call(req, "DescribeDeliveryStream", which));
    if (!exists.ok()) {
      return exists;
    }
    streams.put(key, settings.start(DELETING, req));
    return ok(req);
  }

  /** Completes every state whose describes are used up or whose time is over. */
  private void finishEnded() throws IOException, InterruptedException {
    for (Map.Entry<String, Transition> e : streams.entrySet()) {
      if (e.getValue().isOver()) {
        synchronized (locks.computeIfAbsent(e.getKey(), k -> new Object())) {
          Transition t = streams.get(e.getKey());
          if (t != null && t.isOver()) {
            finish(e.getKey(), t);
          }
        }
      }
    }
  }

  private void finish(String key, Transition t) throws IOException, InterruptedException {
    streams.remove(key, t);
    if (DELETING.equals(t.state) && t.detail instanceof AwsRequest deleteRequest) {
      AwsResponse r = moto.forward(deleteRequest);
      if (!r.ok()) {
        System.err.println("[local-aws] deferred DeleteDeliveryStream failed: HTTP " + r.status
            + " " + r.text());
      }
    }
  }

  private static AwsResponse inUse(AwsRequest req, String name, String state) {
    return ErrorShapes.error(req, 400, "ResourceInUseException", "Firehose stream " + name
        + " under account " + PersonalizeEmulator.ACCOUNT_ID + " is in " + state
        + " state and not available for " + req.operation + ".");
  }

  private static AwsResponse ok(AwsRequest req) {
    return AwsResponse.of(200, contentType(req), "{}".getBytes(StandardCharsets.UTF_8));
  }

  /** A Firehose call of the proxy's own to the emulator, signed like {@code origin}. */
  private static AwsRequest call(AwsRequest origin, String operation, ObjectNode body) {
    String target = origin.header("X-Amz-Target");
    String prefix = target == null || target.indexOf('.') < 0 ? "Firehose_20150804"
        : target.substring(0, target.indexOf('.'));
    return AwsRequest.derived(origin, "POST", "/", null,
        Map.of("X-Amz-Target", prefix + "." + operation, "Content-Type", contentType(origin)),
        AwsRequest.toBytes(body), operation, Map.of());
  }

  private static String contentType(AwsRequest req) {
    String ct = req.header("Content-Type");
    return ct != null && ct.startsWith("application/x-amz-json") ? ct : DEFAULT_CONTENT_TYPE;
  }
}
