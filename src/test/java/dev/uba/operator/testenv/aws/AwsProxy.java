package dev.uba.operator.testenv.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The HTTP proxy in front of the emulator, on a loopback port. Each request is parsed
 * ({@link AwsRequest}), may be shaped by an injected fault ({@link Faults}), is served by the
 * service's lifecycle ({@link KinesisLifecycle}, {@link OpenSearchLifecycle},
 * {@link FirehoseLifecycle}), by the proxy's own Personalize ({@link PersonalizeEmulator}), by the
 * SNS subscription rules ({@link SnsSubscriptions}), by the proxy's store of S3 bucket policies
 * ({@link S3BucketPolicies}, as the emulator misapplies them), by the proxy's own GetResources of
 * the Tagging API ({@link TaggedResources}, as the emulator omits Kinesis streams and EventBridge
 * rules) or forwarded unchanged
 * ({@link MotoForwarder}), and is recorded in the {@link CallLog} before its answer is sent.
 * In quota mode ({@link QuotaMode}) a call beyond its operation's rate quota is answered with the
 * service's throttling error before anything else (faults included) sees it.
 * Paths under {@link SnsSubscriptions#SINK_PREFIX} are not AWS requests: they receive what the
 * emulator delivers to HTTP/S subscriptions, and are neither shaped nor recorded. Observers
 * ({@link #onAnswered}) see each request the proxy served and its answer (e.g. the Kinesis puts
 * that {@link DataFlowMetrics} counts).
 */
final class AwsProxy implements AutoCloseable {

  static {
    // The JDK server leaves Nagle's algorithm on unless told otherwise, which together with the
    // client's delayed ACKs adds about 40 ms to every small answer. Read once per JVM, before
    // the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ExecutorService pool;
  private final MotoForwarder moto;
  private final CallLog calls;
  private final Faults faults;
  private final QuotaMode quotas;
  private final KinesisLifecycle kinesis;
  private final OpenSearchLifecycle openSearch;
  private final FirehoseLifecycle firehose;
  private final PersonalizeEmulator personalize;
  private final SnsSubscriptions sns;
  private final S3BucketPolicies s3;
  private final TaggedResources tagged;
  private final List<BiConsumer<AwsRequest, AwsResponse>> observers = new CopyOnWriteArrayList<>();

  AwsProxy(int port, MotoForwarder moto, CallLog calls, Faults faults, QuotaMode quotas,
      Lifecycle lifecycle, LocalFirehose firehoseControl, FirehoseStreams firehoseStreams)
      throws IOException {
    this.moto = moto;
    this.calls = calls;
    this.faults = faults;
    this.quotas = quotas;
    this.kinesis = new KinesisLifecycle(lifecycle.kinesis(), moto);
    this.openSearch = new OpenSearchLifecycle(lifecycle.openSearch(), moto);
    this.firehose = new FirehoseLifecycle(lifecycle.firehose(), moto, firehoseControl,
        firehoseStreams);
    this.personalize = new PersonalizeEmulator(lifecycle.personalize(), moto);
    this.s3 = new S3BucketPolicies(moto);
    this.tagged = new TaggedResources(moto);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(32, r -> {
      Thread t = new Thread(r, "local-aws-proxy-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    this.sns = new SnsSubscriptions(moto, endpoint().toString());
    this.server.setExecutor(pool);
    this.server.createContext("/", this::handle);
    this.server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Forgets all simulated states and overlays. */
  void clearState() {
    kinesis.clear();
    openSearch.clear();
    firehose.clear();
    personalize.clear();
    sns.clear();
    s3.clear();
    tagged.clear();
  }

  /** {@code observer} sees every request the proxy served (not refused by a fault) and its answer. */
  void onAnswered(BiConsumer<AwsRequest, AwsResponse> observer) {
    observers.add(observer);
  }

  /** The SNS subscription state, for {@link LocalSns}. */
  SnsSubscriptions sns() {
    return sns;
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      byte[] body = ex.getRequestBody().readAllBytes();
      URI uri = ex.getRequestURI();
      if (uri.getRawPath().startsWith(SnsSubscriptions.SINK_PREFIX)) {
        sns.delivered(uri.getRawPath(), body);
        ex.sendResponseHeaders(200, -1);
        return;
      }
      AwsRequest req = AwsRequest.parse(ex.getRequestMethod(), uri.getRawPath(),
          uri.getRawQuery(), ex.getRequestHeaders(), body);
      if (!quotas.admit(req)) {
        // over its rate quota: AWS refuses before doing anything, whatever else would happen
        AwsResponse refused = ErrorShapes.throttle(req);
        calls.record(new CallLog.Call(req.service, req.operation, req.isWrite(), refused.status,
            ErrorShapes.errorCode(refused), null, Instant.now(), true));
        send(ex, req, refused);
        return;
      }
      Faults.Rule fault = faults.fire(req);
      Faults.Kind kind = fault == null ? null : fault.kind();
      if (kind == Faults.Kind.DROP_CONNECTION) {
        record(req, -1, null, kind);
        return; // closing the exchange before any answer closes the connection
      }
      AwsResponse resp;
      try {
        resp = answer(req, fault);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        resp = ErrorShapes.serverError(req, 500);
      } catch (Exception e) {
        System.err.println("[local-aws] failed to serve " + req + ": " + e);
        e.printStackTrace();
        resp = ErrorShapes.error(req, 500, "InternalFailure",
            "the local AWS proxy failed on " + req.operation + ": " + e);
      }
      record(req, resp.status, ErrorShapes.errorCode(resp), kind);
      send(ex, req, resp);
    } catch (IOException e) {
      throw e;
    } catch (RuntimeException | Error e) {
      System.err.println("[local-aws] proxy failure on " + ex.getRequestMethod() + " "
          + ex.getRequestURI() + ": " + e);
      e.printStackTrace();
      throw e;
    } finally {
      ex.close();
    }
  }

  private AwsResponse answer(AwsRequest req, Faults.Rule fault) throws Exception {
    if (fault == null) {
      return observed(req, dispatch(req));
    }
    switch (fault.kind()) {
      case THROTTLE:
        return ErrorShapes.throttle(req);
      case SERVER_ERROR:
        return ErrorShapes.serverError(req, fault.status());
      case DELAY:
        Thread.sleep(fault.delay().toMillis());
        return observed(req, dispatch(req));
      case LOST_ANSWER:
        dispatch(req);
        return ErrorShapes.serverError(req, 503);
      default:
        throw new IllegalStateException("unhandled fault " + fault.kind());
    }
  }

  private AwsResponse observed(AwsRequest req, AwsResponse resp) {
    for (BiConsumer<AwsRequest, AwsResponse> o : observers) {
      try {
        o.accept(req, resp);
      } catch (RuntimeException e) {
        System.err.println("[local-aws] an observer failed on " + req + ": " + e);
      }
    }
    return resp;
  }

  private AwsResponse dispatch(AwsRequest req) throws IOException, InterruptedException {
    switch (req.service) {
      case "kinesis":
        return kinesis.handle(req);
      case "es":
        return openSearch.handle(req);
      case "firehose":
        return firehose.handle(req);
      case "personalize":
        return personalize.handle(req);
      case "sns":
        return sns.handle(req);
      case "s3":
        return s3.handle(req);
      case "tagging":
        return tagged.handle(req);
      default:
        return moto.forward(req);
    }
  }

  private void record(AwsRequest req, int status, String errorCode, Faults.Kind fault) {
    calls.record(new CallLog.Call(req.service, req.operation, req.isWrite(), status, errorCode,
        fault, Instant.now()));
  }

  private static void send(HttpExchange ex, AwsRequest req, AwsResponse resp) throws IOException {
    resp.headers.forEach((k, v) -> ex.getResponseHeaders().put(k, new ArrayList<>(v)));
    boolean noBody = resp.body.length == 0 || "HEAD".equals(req.method)
        || resp.status == 204 || resp.status == 304;
    ex.sendResponseHeaders(resp.status, noBody ? -1 : resp.body.length);
    if (!noBody) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(resp.body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
