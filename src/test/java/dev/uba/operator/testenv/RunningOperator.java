package dev.uba.operator.testenv;

import dev.uba.operator.UbaOperator;
import dev.uba.operator.aws.AwsCallMetrics;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.budget.AwsRateBudget;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.testenv.aws.LocalAws;
import dev.uba.operator.testenv.opensearch.DataPlaneStub;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The operator running in the test JVM against the shared API server and the local AWS. */
public final class RunningOperator implements AutoCloseable {
  public static final String REGION = "us-east-1";
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  static {
    // The Kinesis client sends CBOR by default; the local AWS speaks JSON (as the acceptance setup does).
    System.setProperty("aws.cborEnabled", "false");
    // The data-plane client (index template, ISM policy) signs with the default credential chain,
    // whose first source is these system properties: the same test credentials as the AWS clients.
    if (System.getProperty("aws.accessKeyId") == null && System.getenv("AWS_ACCESS_KEY_ID") == null) {
      System.setProperty("aws.accessKeyId", "testing");
      System.setProperty("aws.secretAccessKey", "testing");
    }
  }

  private final UbaOperator operator;

  private RunningOperator(UbaOperator operator) {
    this.operator = operator;
  }

  /** Starts an operator with short intervals so that tests see several passes quickly. */
  public static RunningOperator start(KubeApi kube, LocalAws aws, Duration poll, Duration resync) {
    return start(kube, aws, poll, resync, Set.of());
  }

  /** As {@link #start(KubeApi, LocalAws, Duration, Duration)}, watching only the given namespaces. */
  public static RunningOperator start(KubeApi kube, LocalAws aws, Duration poll, Duration resync,
      Set<String> namespaces) {
    return start(kube, aws, config(poll, resync, namespaces));
  }

  /**
   * The configuration the start methods use: the test region, ten reconcile threads, no HTTP
   * endpoint; tests derive theirs from it ({@code withAwsQuotaShare}, {@code withLeastPrivilege}).
   */
  public static OperatorConfig config(Duration poll, Duration resync, Set<String> namespaces) {
    return new OperatorConfig(REGION, namespaces, resync, poll, 10, -1);
  }

  /**
   * As {@link #start(KubeApi, LocalAws, Duration, Duration, Set)}, with every domain's data plane
   * (index template, ISM policy) reached at {@code openSearchEndpointUrl}, as
   * UBA_OPENSEARCH_ENDPOINT_URL does (e.g. a local OpenSearch node).
   */
  public static RunningOperator start(KubeApi kube, LocalAws aws, Duration poll, Duration resync,
      Set<String> namespaces, URI openSearchEndpointUrl) {
    return start(kube, aws, config(poll, resync, namespaces)
        .withOpenSearchEndpointUrl(openSearchEndpointUrl));
  }

  /** With the health and metrics endpoints on a free port. */
  public static RunningOperator startServingHttp(KubeApi kube, LocalAws aws, Set<String> namespaces) {
    return start(kube, aws, new OperatorConfig(REGION, namespaces, Duration.ofMinutes(10), Duration.ofMillis(500), 10, 0));
  }

  /**
   * Every domain's data plane (index template, ISM) is the in-memory stub unless the config names
   * another endpoint (a real node).
   */
  public static RunningOperator start(KubeApi kube, LocalAws aws, OperatorConfig config) {
    if (config.openSearchEndpointUrl() == null) {
      config = config.withOpenSearchEndpointUrl(DataPlaneStub.shared().url());
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AwsCallMetrics calls = new AwsCallMetrics(registry);
    AwsClients clients = new AwsClients(calls, new AwsRateBudget(config.awsQuotaShare(), registry), CREDENTIALS,
        Optional.of(aws.endpoint()));
    return new RunningOperator(UbaOperator.start(config, kube.newClient(), clients, calls, registry));
  }

  /** The port of /healthz, /readyz and /metrics, or -1. */
  public int httpPort() {
    return operator.httpPort();
  }

  /** The operator's rate budget of AWS calls, with its metrics. */
  public AwsRateBudget awsBudget() {
    return operator.awsBudget();
  }

  /** The operator's own count of the AWS calls it made. */
  public AwsCallMetrics awsCalls() {
    return operator.awsCalls();
  }

  @Override
  public void close() {
    operator.close();
  }
}
