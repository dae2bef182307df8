package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

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
final class FirehoseLifecycle extends JsonServiceLifecycle {

  private static final Set<String> NEED_ACTIVE = Set.of("UpdateDestination",
      "StartDeliveryStreamEncryption", "StopDeliveryStreamEncryption");
  private static final String CREATING = "CREATING";

  FirehoseLifecycle(TransitionSettings settings, MotoForwarder moto) {
    super(settings, moto, "Firehose_20150804");
  }

  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    finishEnded();
    String name = req.jsonText("DeliveryStreamName");
    if (name == null) {
      return moto.forward(req);
    }
    String key = req.region + "/" + name;
    synchronized (lock(key)) {
      switch (req.operation) {
        case "CreateDeliveryStream":
          return create(req, key);
        case "DescribeDeliveryStream":
          return describe(req, key);
        case "DeleteDeliveryStream":
          return delete(req, key, name);
        default:
          if (NEED_ACTIVE.contains(req.operation)) {
            Transition t = state(key);
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
      start(key, CREATING, null);
    }
    return r;
  }

  private AwsResponse describe(AwsRequest req, String key) throws IOException, InterruptedException {
    Transition t = reportedState(key);
    AwsResponse r = moto.forward(req);
    JsonNode body = r.json();
    if (t == null || !r.ok() || body == null) {
      return r;
    }
    if (body.get("DeliveryStreamDescription") instanceof ObjectNode d) {
      d.put("DeliveryStreamStatus", t.state);
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
    if (settings.isInstant()) {
      return moto.forward(req);
    }
    ObjectNode which = AwsRequest.object();
    which.put("DeliveryStreamName", name);
    AwsResponse exists = moto.forward(call(req, "DescribeDeliveryStream", which));
    if (!exists.ok()) {
      return exists;
    }
    start(key, DELETING, req);
    return ok(req);
  }

  private static AwsResponse inUse(AwsRequest req, String name, String state) {
    return ErrorShapes.error(req, 400, "ResourceInUseException", "Firehose stream " + name
        + " under account " + PersonalizeEmulator.ACCOUNT_ID + " is in " + state
        + " state and not available for " + req.operation + ".");
  }
}
