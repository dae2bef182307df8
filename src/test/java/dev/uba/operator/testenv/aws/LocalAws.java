package dev.uba.operator.testenv.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The project's local AWS: the moto emulator as a subprocess, behind an HTTP proxy inside this JVM
 * that adds what the emulator lacks (intermediate resource states, fixes of its wire behaviour, call
 * accounting and fault injection). Point the SDK clients under test at {@link #endpoint()} with
 * {@code endpointOverride}, region {@code us-east-1} and any static credentials.
 *
 * <ul>
 *   <li>{@link #calls()}: every call through the proxy ({@link CallLog}).
 *   <li>{@link #lifecycle()}: how long simulated intermediate states last ({@link Lifecycle};
 *       behaviour in {@link KinesisLifecycle}, {@link OpenSearchLifecycle},
 *       {@link OpenSearchUpgrade}).
 *   <li>{@link #faults()}: throttling, server errors, delays, dropped connections, lost answers
 *       ({@link Faults}, wire shapes in {@link ErrorShapes}).
 *   <li>{@link #personalize()}: the proxy's own Amazon Personalize ({@link PersonalizeEmulator}):
 *       how long its statuses last, training failures a test arranges ({@link LocalPersonalize}).
 *   <li>{@link #sns()}: SNS subscriptions pending confirmation, confirming them, what was
 *       delivered to HTTP/S endpoints ({@link LocalSns}, behaviour in {@link SnsSubscriptions}).
 *   <li>{@link #firehose()}: the data a Firehose delivery stream moves from its Kinesis source
 *       into OpenSearch ({@link #openSearchEndpoint}) or S3, how long buffers and retries may last,
 *       arranged CREATING_FAILED / DELETING_FAILED / role refusals, what was delivered
 *       ({@link LocalFirehose}; API in {@link FirehoseLifecycle}, data in
 *       {@link FirehoseDeliverer}, metrics in {@link DataFlowMetrics}).
 *   <li>{@link #motoEndpoint()}: the emulator directly, for checking the AWS side with a separate
 *       client without being counted or shaped.
 * </ul>
 *
 * <p>Kinesis clients need the system property {@code aws.cborEnabled=false}: the emulator cannot
 * read CBOR. The emulator must be installed ({@code pip install 'moto[server]'}); the Python
 * interpreter is {@code python3} unless the system property {@code localaws.python} or the
 * environment variable {@code LOCALAWS_PYTHON} names another.
 */
public final class LocalAws implements AutoCloseable {

  private static LocalAws shared;

  private final MotoServer moto;
  private final AwsProxy proxy;
  private final CallLog calls = new CallLog();
  private final Lifecycle lifecycle = new Lifecycle();
  private final Faults faults = new Faults();
  private final QuotaMode quotas = new QuotaMode();
  private final LocalSns sns;
  private final LocalFirehose firehose = new LocalFirehose();
  private final DataFlowMetrics dataFlowMetrics;
  private final FirehoseDeliverer deliverer;
  private final Thread shutdownHook;
  private final boolean isShared;
  private volatile boolean closed;

  private LocalAws(Builder b, boolean isShared) throws IOException {
    this.isShared = isShared;
    this.moto = MotoServer.start(b.python, b.motoEnvironment, b.readiness);
    AwsProxy startedProxy = null;
    try {
      FirehoseStreams firehoseStreams = new FirehoseStreams();
      startedProxy = new AwsProxy(b.proxyPort, moto.client(), calls, faults, quotas, lifecycle,
          firehose, firehoseStreams);
      this.dataFlowMetrics = new DataFlowMetrics(TestClients.cloudWatch(motoEndpoint(), true));
      startedProxy.onAnswered(dataFlowMetrics::answered);
      this.deliverer = new FirehoseDeliverer(firehoseStreams, firehose, dataFlowMetrics,
          TestClients.kinesis(motoEndpoint(), true), TestClients.s3(motoEndpoint(), true));
      deliverer.start();
    } catch (IOException | RuntimeException e) {
      if (startedProxy != null) {
        startedProxy.close();
      }
      moto.close();
      throw e;
    }
    this.proxy = startedProxy;
    this.sns = new LocalSns(proxy.sns());
    this.shutdownHook = new Thread(this::stop, "local-aws-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * The one instance of this JVM, started on first use and stopped when the JVM exits. Tests
   * sharing it should call {@link #reset()} before each test and must not run in parallel with
   * each other (use {@link #start()} for an instance of one's own); its {@link #close()} does
   * nothing.
   */
  public static synchronized LocalAws shared() {
    if (shared == null || shared.closed) {
      shared = builder().start(true);
    }
    return shared;
  }

  /** A fresh instance (own emulator process and proxy on free ports); close it when done. */
  public static LocalAws start() {
    return builder().start();
  }

  /** Options for {@link #start()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** The proxy: what the SDK clients under test use as {@code endpointOverride}. */
  public URI endpoint() {
    return proxy.endpoint();
  }

  /** The emulator itself: not counted, not shaped, no simulated states. */
  public URI motoEndpoint() {
    return URI.create(moto.endpoint().toString().replaceAll("/$", ""));
  }

  /** The process id of the emulator. */
  public long motoPid() {
    return moto.pid();
  }

  /**
   * Wipes the emulator ({@code POST /moto-api/reset}) and all proxy state: simulated states and
   * overlays, Personalize resources, SNS confirmations and deliveries, Firehose deliveries in
   * progress, OpenSearch endpoints and reports, the call log, fault rules (and arranged Personalize
   * and Firehose failures), quota mode (off, counts forgotten), and lifecycle and delivery
   * settings back to their defaults.
   */
  public void reset() {
    quotas.clear();
    deliverer.clear();
    firehose.clear();
    dataFlowMetrics.clear();
    faults.clear();
    lifecycle.personalize().clearFaults();
    lifecycle.defaults();
    proxy.clearState();
    moto.reset();
    calls.clear();
  }

  public CallLog calls() {
    return calls;
  }

  public Lifecycle lifecycle() {
    return lifecycle;
  }

  public Faults faults() {
    return faults;
  }

  /** Quota mode: off until {@link QuotaMode#enable()}; see {@link QuotaMode}. */
  public QuotaMode quotas() {
    return quotas;
  }

  /** The local Amazon Personalize: its statuses' duration and arranged faults. */
  public LocalPersonalize personalize() {
    return lifecycle.personalize();
  }

  /** SNS subscriptions that need confirmation, and what was delivered to HTTP/S endpoints. */
  public LocalSns sns() {
    return sns;
  }

  /**
   * The local Amazon Data Firehose: delivery settings, arranged faults, what was delivered. See
   * {@link LocalFirehose}.
   */
  public LocalFirehose firehose() {
    return firehose;
  }

  /**
   * Documents a delivery stream delivers to the OpenSearch domain {@code domain} (ARN or name) go
   * to {@code baseUrl} ({@code POST <baseUrl>/_bulk}), e.g. a local OpenSearch node. Wiped by
   * {@link #reset()}.
   */
  public LocalAws openSearchEndpoint(String domain, URI baseUrl) {
    firehose.openSearchEndpoint(domain, baseUrl);
    return this;
  }

  /** Stops the proxy and the emulator. Does nothing for the {@link #shared()} instance. */
  @Override
  public void close() {
    if (isShared) {
      return;
    }
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or about to
    }
  }

  private synchronized void stop() {
    if (closed) {
      return;
    }
    closed = true;
    deliverer.close();
    dataFlowMetrics.close();
    proxy.close();
    moto.close();
  }

  @Override
  public String toString() {
    return "LocalAws[proxy " + endpoint() + ", emulator " + motoEndpoint() + "]";
  }

  /**
   * Runs the local AWS from the command line until the process is stopped:
   * {@code LocalAws [--port N]} prints the proxy endpoint (and the emulator's) and serves.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = 0;
    for (int i = 0; i < args.length; i++) {
      if ("--port".equals(args[i]) && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].startsWith("--port=")) {
        port = Integer.parseInt(args[i].substring("--port=".length()));
      } else {
        System.err.println("usage: LocalAws [--port N]");
        System.exit(2);
      }
    }
    LocalAws aws = builder().proxyPort(port).start();
    System.out.println("endpoint " + aws.endpoint());
    System.out.println("emulator " + aws.motoEndpoint());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /** Options for a new instance. */
  public static final class Builder {
    private int proxyPort;
    private String python = defaultPython();
    private Duration readiness = Duration.ofSeconds(30);
    private final Map<String, String> motoEnvironment = new LinkedHashMap<>();

    private Builder() {}

    /** The proxy's port on 127.0.0.1 (0, the default, picks a free one). */
    public Builder proxyPort(int port) {
      this.proxyPort = port;
      return this;
    }

    /** The Python interpreter that has moto installed. */
    public Builder python(String executable) {
      this.python = executable;
      return this;
    }

    /** How long to wait for the emulator to answer (default 30 s). */
    public Builder readinessTimeout(Duration d) {
      this.readiness = d;
      return this;
    }

    /** An environment variable for the emulator, e.g. {@code MOTO_IAM_LOAD_MANAGED_POLICIES=true}. */
    public Builder motoEnvironment(String name, String value) {
      motoEnvironment.put(name, value);
      return this;
    }

    public LocalAws start() {
      return start(false);
    }

    private LocalAws start(boolean isShared) {
      try {
        return new LocalAws(this, isShared);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the local AWS emulator", e);
      }
    }

    private static String defaultPython() {
      String p = System.getProperty("localaws.python");
      if (p == null || p.isBlank()) {
        p = System.getenv("LOCALAWS_PYTHON");
      }
      return p == null || p.isBlank() ? "python3" : p;
    }
  }
}
