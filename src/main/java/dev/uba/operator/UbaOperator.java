package dev.uba.operator;

import dev.uba.operator.alert.AnomalyAlertReconciler;
import dev.uba.operator.aws.AwsCallMetrics;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.budget.AwsRateBudget;
import dev.uba.operator.config.LogFormat;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.ObjectMetrics;
import dev.uba.operator.engine.ObjectReconciler;
import dev.uba.operator.personalization.PersonalizationModelReconciler;
import dev.uba.operator.pipeline.UbaPipelineReconciler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.monitoring.AggregatedMetrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: reads the configuration, builds the shared AWS clients and registers the reconcilers.
 * Runs against the cluster of the current kubeconfig (or the in-cluster service account) and the AWS
 * of the standard AWS environment.
 */
public final class UbaOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UbaOperator.class);

  private final Operator operator;
  private final AwsClients aws;
  private final AwsCallMetrics awsCalls;
  private final HealthServer health;
  private final JvmGcMetrics gcMetrics;
  private Leadership leadership;

  private UbaOperator(Operator operator, AwsClients aws, AwsCallMetrics awsCalls, HealthServer health,
      JvmGcMetrics gcMetrics) {
    this.operator = operator;
    this.aws = aws;
    this.awsCalls = awsCalls;
    this.health = health;
    this.gcMetrics = gcMetrics;
  }

  public static void main(String[] args) {
    LogFormat.fromEnvironment(System.getenv());
    OperatorConfig config = OperatorConfig.fromEnvironment(System.getenv());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    AwsCallMetrics awsCalls = new AwsCallMetrics(registry);
    UbaOperator running = start(config, new KubernetesClientBuilder().build(), new AwsClients(awsCalls,
        new AwsRateBudget(config.awsQuotaShare(), registry)), awsCalls,
        registry);
    Runtime.getRuntime().addShutdownHook(new Thread(running::close, "uba-operator-shutdown"));
    LOG.info("uba-operator started: region={}, namespaces={}, resync={}, poll={}, quota share={}", config.region(),
        config.watchesAllNamespaces() ? "all" : config.watchNamespaces(), config.resyncInterval(),
        config.pollInterval(), config.awsQuotaShare());
    if (config.leaderElection()) {
      LOG.info("leader election: Lease {}/{}", config.leaderElectionNamespace(), OperatorConfig.LEASE_NAME);
    }
  }

  /** Starts the operator with the given clients; tests use this to run it in-process. */
  public static UbaOperator start(OperatorConfig config, KubernetesClient kubernetes, AwsClients aws,
      AwsCallMetrics awsCalls, PrometheusMeterRegistry registry) {
    Leadership leadership = new Leadership(config, registry);
    JvmGcMetrics gcMetrics = bindJvmAndProcessMetrics(registry);
    ObjectMetrics objects = new ObjectMetrics(registry);
    Operator operator = new Operator(o -> o
        .withKubernetesClient(kubernetes)
        // Lease-based leader election when UBA_LEADER_ELECTION=true (null: off); see Leadership.
        .withLeaderElectionConfiguration(leadership.configuration())
        // JOSDK's reconciliation metrics (operator_sdk_*), and the framework telling ObjectMetrics when
        // an object is gone.
        .withMetrics(new AggregatedMetrics(List.of(MicrometerMetrics.withoutPerResourceMetrics(registry), objects)))
        // Server-side apply of a custom resource's status on Kubernetes 1.20 turns a field the operator
        // stops sending into null, which the schema then refuses; a JSON patch removes it properly.
        .withUseSSAToPatchPrimaryResource(false)
        .withCloseClientOnStop(true));
    operator.register(reportingLag(new UbaPipelineReconciler(config, aws, Clock.systemUTC()).reportingTo(objects), registry),
        o -> configure(o, config));
    operator.register(reportingLag(new AnomalyAlertReconciler(config, aws, Clock.systemUTC()).reportingTo(objects), registry),
        o -> configure(o, config));
    operator.register(reportingLag(new PersonalizationModelReconciler(config, aws, Clock.systemUTC()).reportingTo(objects), registry),
        o -> configure(o, config));
    operator.start();
    HealthServer health = config.httpPort() < 0 ? null
        : HealthServer.start(config.httpAddress(), config.httpPort(), operator, registry);
    UbaOperator started = new UbaOperator(operator, aws, awsCalls, health, gcMetrics);
    started.leadership = leadership;
    return started;
  }

  /**
   * Micrometer's JVM and process binders (jvm_memory_*, jvm_gc_*, jvm_threads_*, jvm_classes_*,
   * process_cpu_*, system_cpu_*, process_uptime_seconds, process_files_*); the GC binder listens to
   * the JVM's notifications until closed.
   */
  static JvmGcMetrics bindJvmAndProcessMetrics(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    return gc;
  }

  private static <T extends ObjectReconciler<?, ?>> T reportingLag(T reconciler, PrometheusMeterRegistry registry) {
    reconciler.reportResyncLag(registry);
    return reconciler;
  }

  /** The same for every kind: resync interval, retry of Kubernetes API errors, watched namespaces. */
  private static void configure(ControllerConfigurationOverrider<?> o, OperatorConfig config) {
    o.withReconciliationMaxInterval(config.resyncInterval());
    // AWS failures are handled in the reconcilers; this retry only covers Kubernetes API errors.
    o.withRetry(GenericRetry.defaultLimitedExponentialRetry());
    if (!config.watchesAllNamespaces()) {
      o.settingNamespaces(config.watchNamespaces());
    }
  }

  /** Counts of the AWS calls made so far (also exported as the metric uba_aws_calls_total). */
  public AwsCallMetrics awsCalls() {
    return awsCalls;
  }

  /** The rate budget of the AWS calls, with its metrics (uba_aws_budget_*, uba_aws_throttled_total). */
  public AwsRateBudget awsBudget() {
    return aws.budget();
  }

  public Operator operator() {
    return operator;
  }

  public int httpPort() {
    return health == null ? -1 : health.port();
  }

  @Override
  public void close() {
    if (leadership != null) {
      leadership.closing();
    }
    if (health != null) {
      health.close();
    }
    operator.stop();
    aws.close();
    gcMetrics.close();
  }
}
