package dev.uba.operator.testenv.aws;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test control of the local Amazon Data Firehose: where OpenSearch domains are served, how long
 * buffering and retries may take at most (so that tests need not wait 60 s or 300 s), faults a test
 * arranges on purpose, and what was delivered. Behaviour in {@link FirehoseLifecycle} (API) and
 * {@link FirehoseDeliverer} (data).
 *
 * <pre>{@code
 * aws.openSearchEndpoint("arn:aws:es:us-east-1:123456789012:domain/events", node.uri());
 * aws.firehose().bufferIntervalAtMost(Duration.ofSeconds(1)).retryDurationAtMost(Duration.ofSeconds(2));
 * aws.firehose().failNextCreate("INVALID_KMS_KEY", "The KMS key is invalid.");    // CREATING_FAILED
 * aws.firehose().failNextDelete("RETIRE_KMS_GRANT_FAILED", "Cannot retire the grant."); // DELETING_FAILED
 * aws.firehose().unableToAssumeRoleOnNextCreates(2);  // InvalidArgumentException, as before IAM propagates
 * aws.firehose().delivered("events").documentsIndexed();
 * }</pre>
 *
 * <p>Everything here is wiped by {@link LocalAws#reset()} (endpoints, settings back to their
 * defaults, faults, reports). Thread-safe.
 */
public final class LocalFirehose {

  /** How often a delivery stream reads its source unless configured otherwise. */
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

  /**
   * What one delivery stream has done since it was created (or since the last reset).
   *
   * @param recordsRead records read from the Kinesis source
   * @param documentsIndexed documents the OpenSearch endpoint accepted
   * @param documentsFailed documents given up on after the retry duration (or refused) and written
   *     to the backup bucket's failed-documents folder
   * @param recordsToS3 records written to S3 by an extended S3 destination (or as an
   *     {@code AllDocuments} backup)
   * @param bulkRequests {@code _bulk} requests sent, retries included
   * @param s3Objects the objects written, as {@code bucket/key}, oldest first
   * @param lastError the last delivery error in words, or null
   */
  public record Delivered(long recordsRead, long documentsIndexed, long documentsFailed,
      long recordsToS3, long bulkRequests, List<String> s3Objects, String lastError) {
    static final Delivered NOTHING = new Delivered(0, 0, 0, 0, 0, List.of(), null);
  }

  private final Map<String, URI> endpoints = new ConcurrentHashMap<>();
  private volatile URI everyDomain;
  private final Map<String, DeliveryReport> reports = new ConcurrentHashMap<>();
  private final Deque<FirehoseStream.Failure> createFailures = new ArrayDeque<>();
  private final Deque<FirehoseStream.Failure> deleteFailures = new ArrayDeque<>();
  private int roleRefusals;
  private volatile Duration bufferIntervalAtMost;
  private volatile Duration retryDurationAtMost;
  private volatile Duration pollInterval = DEFAULT_POLL_INTERVAL;

  LocalFirehose() {}

  /**
   * Documents for the OpenSearch domain {@code domain} (its ARN, or its name) are sent to
   * {@code baseUrl} (e.g. {@code http://127.0.0.1:9200}), as {@code POST <baseUrl>/_bulk}. A
   * delivery to a domain with no endpoint fails as if the domain were unreachable.
   */
  public LocalFirehose openSearchEndpoint(String domain, URI baseUrl) {
    endpoints.put(domainName(Objects.requireNonNull(domain)), Objects.requireNonNull(baseUrl));
    return this;
  }

  /**
   * Documents for any domain without an endpoint of its own go to {@code baseUrl}: one node standing
   * for every domain, as in the local environment, where domain names come from the user's objects.
   */
  public LocalFirehose everyDomainAt(URI baseUrl) {
    this.everyDomain = Objects.requireNonNull(baseUrl);
    return this;
  }

  /** Buffers are flushed at most this long after their first record, whatever the BufferingHints. */
  public LocalFirehose bufferIntervalAtMost(Duration d) {
    this.bufferIntervalAtMost = d;
    return this;
  }

  /** Failed OpenSearch deliveries are retried at most this long, whatever the RetryOptions. */
  public LocalFirehose retryDurationAtMost(Duration d) {
    this.retryDurationAtMost = d;
    return this;
  }

  /** How often each ACTIVE delivery stream reads its Kinesis source (default 500 ms). */
  public LocalFirehose pollInterval(Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("the poll interval must be positive");
    }
    this.pollInterval = d;
    return this;
  }

  /** No caps on buffering and retries, the default poll interval. Endpoints stay. */
  public LocalFirehose defaults() {
    bufferIntervalAtMost = null;
    retryDurationAtMost = null;
    pollInterval = DEFAULT_POLL_INTERVAL;
    return this;
  }

  /**
   * The next CreateDeliveryStream succeeds, the stream is CREATING for the configured describes
   * and then {@code CREATING_FAILED} with {@code FailureDescription} {@code {Type, Details}} (Type
   * one of the API's DeliveryStreamFailureType values, e.g. {@code INVALID_KMS_KEY},
   * {@code UNKNOWN_ERROR}). Calls queue up: each failure applies to one further stream.
   */
  public synchronized LocalFirehose failNextCreate(String type, String details) {
    createFailures.addLast(new FirehoseStream.Failure("CREATING_FAILED",
        Objects.requireNonNull(type), Objects.requireNonNull(details)));
    return this;
  }

  /**
   * The next DeleteDeliveryStream is accepted, the stream is DELETING for the configured describes
   * and then {@code DELETING_FAILED} with that FailureDescription (e.g.
   * {@code RETIRE_KMS_GRANT_FAILED}); further deletes leave it so, until one with
   * {@code AllowForceDelete: true} deletes it. Calls queue up.
   */
  public synchronized LocalFirehose failNextDelete(String type, String details) {
    deleteFailures.addLast(new FirehoseStream.Failure("DELETING_FAILED",
        Objects.requireNonNull(type), Objects.requireNonNull(details)));
    return this;
  }

  /**
   * The next {@code n} CreateDeliveryStream calls are refused with HTTP 400
   * {@code InvalidArgumentException} "Firehose is unable to assume role ...", as AWS answers while
   * a newly created IAM role has not propagated yet; nothing is created.
   */
  public synchronized LocalFirehose unableToAssumeRoleOnNextCreates(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0");
    }
    roleRefusals = n;
    return this;
  }

  /** What the delivery stream {@code name} has delivered so far (all zero if nothing). */
  public Delivered delivered(String name) {
    DeliveryReport r = reports.get(name);
    return r == null ? Delivered.NOTHING : r.snapshot();
  }

  /** Forgets endpoints, arranged faults, reports, and sets the defaults. */
  public synchronized void clear() {
    endpoints.clear();
    everyDomain = null;
    reports.clear();
    createFailures.clear();
    deleteFailures.clear();
    roleRefusals = 0;
    defaults();
  }

  // ---- for the lifecycle and the deliverer

  synchronized FirehoseStream.Failure takeCreateFailure() {
    return createFailures.pollFirst();
  }

  synchronized FirehoseStream.Failure takeDeleteFailure() {
    return deleteFailures.pollFirst();
  }

  synchronized boolean takeRoleRefusal() {
    if (roleRefusals == 0) {
      return false;
    }
    roleRefusals--;
    return true;
  }

  /** The base URL of a domain (by DomainARN or ClusterEndpoint): the one a test gave, or every domain's. */
  Optional<URI> endpointFor(String domainArn, String clusterEndpoint) {
    if (domainArn != null && endpoints.containsKey(domainName(domainArn))) {
      return Optional.of(endpoints.get(domainName(domainArn)));
    }
    if (clusterEndpoint != null && endpoints.containsKey(clusterEndpoint)) {
      return Optional.of(endpoints.get(clusterEndpoint));
    }
    if (everyDomain != null) {
      return Optional.of(everyDomain);
    }
    return Optional.ofNullable(clusterEndpoint).map(URI::create);
  }

  /** The effective buffer interval for {@code configured}. */
  Duration bufferInterval(Duration configured) {
    Duration cap = bufferIntervalAtMost;
    return cap != null && cap.compareTo(configured) < 0 ? cap : configured;
  }

  /** The effective retry duration for {@code configured}. */
  Duration retryDuration(Duration configured) {
    Duration cap = retryDurationAtMost;
    return cap != null && cap.compareTo(configured) < 0 ? cap : configured;
  }

  Duration pollInterval() {
    return pollInterval;
  }

  DeliveryReport report(String name) {
    return reports.computeIfAbsent(name, n -> new DeliveryReport());
  }

  void forgetReport(String name) {
    reports.remove(name);
  }

  /** {@code arn:aws:es:REGION:ACCOUNT:domain/NAME} or {@code NAME} to {@code NAME}. */
  private static String domainName(String domain) {
    int slash = domain.indexOf(":domain/");
    return slash >= 0 ? domain.substring(slash + ":domain/".length()) : domain;
  }

  /** The counters behind {@link Delivered}. */
  static final class DeliveryReport {
    private long recordsRead;
    private long documentsIndexed;
    private long documentsFailed;
    private long recordsToS3;
    private long bulkRequests;
    private final List<String> s3Objects = new ArrayList<>();
    private String lastError;

    synchronized void read(int n) {
      recordsRead += n;
    }

    synchronized void bulkRequest() {
      bulkRequests++;
    }

    synchronized void indexed(int n) {
      documentsIndexed += n;
    }

    synchronized void failed(int n) {
      documentsFailed += n;
    }

    synchronized void wroteToS3(String bucketAndKey, int records, boolean countRecords) {
      s3Objects.add(bucketAndKey);
      if (countRecords) {
        recordsToS3 += records;
      }
    }

    synchronized void error(String message) {
      lastError = message;
    }

    synchronized Delivered snapshot() {
      return new Delivered(recordsRead, documentsIndexed, documentsFailed, recordsToS3,
          bulkRequests, List.copyOf(s3Objects), lastError);
    }
  }
}
