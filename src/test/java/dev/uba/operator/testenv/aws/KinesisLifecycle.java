package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Set;

/**
 * Kinesis Data Streams stream states that the emulator skips (it makes every stream ACTIVE at once
 * and deletes at once), following the Kinesis Data Streams API reference:
 *
 * <ul>
 *   <li><b>CreateStream</b>: "CreateStream is an asynchronous operation. Upon receiving a
 *       CreateStream request, Kinesis Data Streams immediately returns and sets the stream status to
 *       CREATING. After the stream is created, Kinesis Data Streams sets the stream status to
 *       ACTIVE." DescribeStream and DescribeStreamSummary report {@code StreamStatus: CREATING} for
 *       the configured number of describes of that stream, then ACTIVE. The {@code Tags} of
 *       CreateStream, which the emulator drops, are applied with AddTagsToStream right after a
 *       successful create.
 *   <li><b>UpdateShardCount, SplitShard, MergeShards, StartStreamEncryption,
 *       StopStreamEncryption</b>: each is documented as asynchronous: Kinesis Data Streams "returns
 *       immediately and sets the status of the stream to UPDATING. After the update is complete,
 *       Kinesis Data Streams sets the status of the stream back to ACTIVE" (StreamStatus: "UPDATING -
 *       Shards in the stream are being merged or split. Read and write operations continue to work
 *       while the stream is in the UPDATING state."). <b>UpdateStreamMode</b> is treated alike. The
 *       emulator applies the change at once; the proxy reports UPDATING for the configured
 *       describes.
 *   <li>Those actions, <b>IncreaseStreamRetentionPeriod, DecreaseStreamRetentionPeriod</b> and
 *       <b>DeleteStream</b> list {@code ResourceInUseException} ("The resource is not available for
 *       this operation. For successful operation, the resource must be in the ACTIVE state."): on a
 *       stream that is CREATING, UPDATING or DELETING they are answered HTTP 400
 *       {@code {"__type":"ResourceInUseException"}} without reaching the emulator.
 *   <li><b>DeleteStream</b>: "After a DeleteStream request, the specified stream is in the DELETING
 *       state until Kinesis Data Streams completes the deletion." The proxy checks that the stream
 *       exists, answers success itself and reports {@code DELETING} (in DescribeStream,
 *       DescribeStreamSummary and ListStreams' {@code StreamSummaries}) for the configured
 *       describes; then it sends the DeleteStream to the emulator, after which the stream is gone
 *       ({@code ResourceNotFoundException}). Reads and writes of records are passed through while
 *       DELETING, as the reference says they may continue to be accepted.
 * </ul>
 *
 * <p>A state ends after its describes are used up (or its time limit has passed); the next request
 * to Kinesis then completes it. Not simulated: data-plane refusals on a CREATING stream, the
 * account's shard limits, ListStreams paging over deleted streams.
 */
final class KinesisLifecycle extends JsonServiceLifecycle {

  private static final Set<String> GO_UPDATING = Set.of("UpdateShardCount", "UpdateStreamMode",
      "StartStreamEncryption", "StopStreamEncryption", "SplitShard", "MergeShards");

  private static final Set<String> NEED_ACTIVE = Set.of("UpdateShardCount", "UpdateStreamMode",
      "StartStreamEncryption", "StopStreamEncryption", "SplitShard", "MergeShards",
      "IncreaseStreamRetentionPeriod", "DecreaseStreamRetentionPeriod", "DeleteStream");

  KinesisLifecycle(TransitionSettings settings, MotoForwarder moto) {
    super(settings, moto, "Kinesis_20131202");
  }

  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    finishEnded();
    if ("ListStreams".equals(req.operation)) {
      return list(req);
    }
    String key = key(req);
    if (key == null) {
      return moto.forward(req);
    }
    synchronized (lock(key)) {
      switch (req.operation) {
        case "CreateStream":
          return create(req, key);
        case "DescribeStream":
        case "DescribeStreamSummary":
          return describe(req, key);
        case "DeleteStream":
          return delete(req, key);
        default:
          return NEED_ACTIVE.contains(req.operation) ? mutate(req, key) : moto.forward(req);
      }
    }
  }

  /** ListStreams: streams in a simulated state are listed with that state. */
  private AwsResponse list(AwsRequest req) throws IOException, InterruptedException {
    AwsResponse r = moto.forward(req);
    JsonNode body = r.json();
    if (!r.ok() || body == null || !body.has("StreamSummaries")) {
      return r;
    }
    boolean changed = false;
    for (JsonNode s : body.get("StreamSummaries")) {
      Transition t = state(req.region + "/" + s.path("StreamName").asText());
      if (t != null && s instanceof ObjectNode o) {
        o.put("StreamStatus", t.state);
        changed = true;
      }
    }
    return changed ? r.withJson(body) : r;
  }

  private AwsResponse create(AwsRequest req, String key) throws IOException, InterruptedException {
    AwsResponse r = moto.forward(req);
    if (!r.ok()) {
      return r;
    }
    JsonNode tags = req.json().get("Tags");
    if (tags != null && tags.isObject() && tags.size() > 0) {
      ObjectNode body = AwsRequest.object();
      body.put("StreamName", req.jsonText("StreamName"));
      body.set("Tags", tags);
      AwsResponse tagged = moto.forward(call(req, "AddTagsToStream", body));
      if (!tagged.ok()) {
        throw new IllegalStateException("applying the Tags of CreateStream failed: HTTP "
            + tagged.status + " " + tagged.text());
      }
    }
    if (!settings.isInstant()) {
      start(key, "CREATING", null);
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
    String field = "DescribeStream".equals(req.operation) ? "StreamDescription"
        : "StreamDescriptionSummary";
    if (body.get(field) instanceof ObjectNode d) {
      d.put("StreamStatus", t.state);
    }
    return r.withJson(body);
  }

  private AwsResponse mutate(AwsRequest req, String key) throws IOException, InterruptedException {
    Transition t = state(key);
    if (t != null) {
      return notActive(req, t);
    }
    AwsResponse r = moto.forward(req);
    if (r.ok() && GO_UPDATING.contains(req.operation) && !settings.isInstant()) {
      start(key, "UPDATING", null);
    }
    return r;
  }

  private AwsResponse delete(AwsRequest req, String key) throws IOException, InterruptedException {
    Transition t = state(key);
    if (t != null) {
      return notActive(req, t);
    }
    if (settings.isInstant()) {
      return moto.forward(req);
    }
    ObjectNode which = AwsRequest.object();
    for (String f : new String[] {"StreamName", "StreamARN"}) {
      if (req.jsonText(f) != null) {
        which.put(f, req.jsonText(f));
      }
    }
    AwsResponse exists = moto.forward(call(req, "DescribeStreamSummary", which));
    if (!exists.ok()) {
      return exists;
    }
    start(key, DELETING, req);
    return ok(req);
  }

  private AwsResponse notActive(AwsRequest req, Transition t) {
    String name = streamName(req);
    return ErrorShapes.error(req, 400, "ResourceInUseException",
        "Stream " + name + " is not ACTIVE, instead in state " + t.state + ".");
  }

  private static String key(AwsRequest req) {
    String name = streamName(req);
    return name == null ? null : req.region + "/" + name;
  }

  /** {@code StreamName}, or the name in {@code StreamARN} ({@code arn:...:stream/NAME}). */
  static String streamName(AwsRequest req) {
    String name = req.jsonText("StreamName");
    if (name != null) {
      return name;
    }
    String arn = req.jsonText("StreamARN");
    if (arn != null) {
      int i = arn.indexOf(":stream/");
      if (i >= 0) {
        String rest = arn.substring(i + ":stream/".length());
        int slash = rest.indexOf('/');
        return slash >= 0 ? rest.substring(0, slash) : rest;
      }
    }
    return null;
  }
}
