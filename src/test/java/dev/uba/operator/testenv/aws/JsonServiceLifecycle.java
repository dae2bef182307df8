package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The bookkeeping the lifecycles of JSON-protocol services with named resources share (Kinesis
 * streams, Firehose delivery streams): the transitional state of each resource by
 * {@code region/name}, a lock per resource, completing states whose describes are used up or whose
 * time is over, and the delete that is held back while a resource is reported DELETING and sent
 * to the emulator when that state ends.
 */
abstract class JsonServiceLifecycle {
  private static final String DEFAULT_CONTENT_TYPE = "application/x-amz-json-1.1";
  static final String DELETING = "DELETING";

  protected final TransitionSettings settings;
  protected final MotoForwarder moto;
  private final String targetPrefix;
  private final ConcurrentMap<String, Transition> states = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  /** {@code targetPrefix}: the service's X-Amz-Target prefix, such as Kinesis_20131202. */
  JsonServiceLifecycle(TransitionSettings settings, MotoForwarder moto, String targetPrefix) {
    this.settings = settings;
    this.moto = moto;
    this.targetPrefix = targetPrefix;
  }

  /** Forgets every simulated state (the emulator is reset separately). */
  void clear() {
    states.clear();
  }

  Object lock(String key) {
    return locks.computeIfAbsent(key, k -> new Object());
  }

  /** The resource's transitional state, or null when the emulator's own state stands. */
  Transition state(String key) {
    return states.get(key);
  }

  /**
   * Enters a transitional state; {@code deferredDelete} (for DELETING) is sent to the emulator
   * when the state ends.
   */
  void start(String key, String state, AwsRequest deferredDelete) {
    states.put(key, settings.start(state, deferredDelete));
  }

  /** For a describe: the state to report this time, or null once it has ended (it is completed). */
  Transition reportedState(String key) throws IOException, InterruptedException {
    Transition t = states.get(key);
    if (t == null) {
      return null;
    }
    if (t.reportOnce()) {
      return t;
    }
    finish(key, t);
    return null;
  }

  /** Completes every state whose describes are used up or whose time is over. */
  void finishEnded() throws IOException, InterruptedException {
    for (Map.Entry<String, Transition> e : states.entrySet()) {
      if (e.getValue().isOver()) {
        synchronized (lock(e.getKey())) {
          Transition t = states.get(e.getKey());
          if (t != null && t.isOver()) {
            finish(e.getKey(), t);
          }
        }
      }
    }
  }

  private void finish(String key, Transition t) throws IOException, InterruptedException {
    states.remove(key, t);
    if (DELETING.equals(t.state) && t.detail instanceof AwsRequest deleteRequest) {
      AwsResponse r = moto.forward(deleteRequest);
      if (!r.ok()) {
        System.err.println("[local-aws] deferred " + deleteRequest.operation + " failed: HTTP " + r.status
            + " " + r.text());
      }
    }
    finished(key, t);
  }

  /** Called (under the resource's lock) once a state has ended and its deferred delete was sent. */
  protected void finished(String key, Transition t) {}

  /** A call of the proxy's own to the emulator, signed like {@code origin}. */
  AwsRequest call(AwsRequest origin, String operation, ObjectNode body) {
    String target = origin.header("X-Amz-Target");
    String prefix = target == null || target.indexOf('.') < 0 ? targetPrefix
        : target.substring(0, target.indexOf('.'));
    return AwsRequest.derived(origin, "POST", "/", null,
        Map.of("X-Amz-Target", prefix + "." + operation, "Content-Type", contentType(origin)),
        AwsRequest.toBytes(body), operation, Map.of());
  }

  /** An empty success, as AWS answers an accepted delete. */
  static AwsResponse ok(AwsRequest req) {
    return AwsResponse.of(200, contentType(req), "{}".getBytes(StandardCharsets.UTF_8));
  }

  static String contentType(AwsRequest req) {
    String ct = req.header("Content-Type");
    return ct != null && ct.startsWith("application/x-amz-json") ? ct : DEFAULT_CONTENT_TYPE;
  }
}
