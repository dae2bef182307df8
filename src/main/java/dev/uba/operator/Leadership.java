package dev.uba.operator;

import dev.uba.operator.config.OperatorConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JOSDK's Lease-based leader election, when configured (UBA_LEADER_ELECTION=true): every replica
 * starts its informers (so /readyz turns 200 on a standby too, and a new leader starts warm), only
 * the holder of the Lease {@link OperatorConfig#LEASE_NAME} processes events. The metric
 * {@code uba_leader} is 1 on the replica that leads. A replica that loses the Lease while running
 * exits with status 1 so that Kubernetes restarts it as a standby; one that is being shut down
 * releases the Lease and stops normally.
 */
final class Leadership {
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final LeaderElectionConfiguration configuration;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closing = new AtomicBoolean();

  Leadership(OperatorConfig config, MeterRegistry registry) {
    Gauge.builder("uba_leader", leading, l -> l.get() ? 1 : 0)
        .description("1 when this replica holds the leader-election Lease (always 1 without leader election)")
        .register(registry);
    if (!config.leaderElection()) {
      leading.set(true);
      configuration = null;
      return;
    }
    LeaderCallbacks callbacks = new LeaderCallbacks(
        () -> {
          leading.set(true);
          LOG.info("leading: holding Lease {}/{}", config.leaderElectionNamespace(), OperatorConfig.LEASE_NAME);
        },
        this::stoppedLeading,
        identity -> LOG.info("leader is {}", identity));
    // Identity: HOSTNAME (the pod name) as JOSDK defaults, else a random one. Exiting on loss of the
    // Lease is done here rather than by JOSDK so that a normal shutdown does not call System.exit.
    configuration = new LeaderElectionConfiguration(OperatorConfig.LEASE_NAME, config.leaderElectionNamespace(),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null, callbacks, false);
  }

  /** What to give JOSDK's {@code withLeaderElectionConfiguration}; null when leader election is off. */
  LeaderElectionConfiguration configuration() {
    return configuration;
  }

  boolean leading() {
    return leading.get();
  }

  /** Called before the operator stops: losing the Lease from now on is expected. */
  void closing() {
    closing.set(true);
  }

  private void stoppedLeading() {
    leading.set(false);
    if (closing.get()) {
      LOG.info("stopped leading: shutting down");
      return;
    }
    LOG.error("lost the leader-election Lease {}; exiting so that this replica restarts as a standby",
        OperatorConfig.LEASE_NAME);
    // Not on this thread: it may be one the shutdown waits for.
    new Thread(() -> System.exit(1), "uba-operator-lost-lease").start();
  }
}
