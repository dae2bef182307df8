package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.OperatorProcess;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged operator with UBA_LEADER_ELECTION=true against the real API server:
 * both become ready, exactly one holds the Lease and says so on /metrics (uba_leader), and when the
 * leader is stopped the other one takes over.
 */
class LeaderElectionIT {

  @Test
  void twoReplicasElectExactlyOneLeaderAndTheStandbyTakesOver() throws Exception {
    KubeApi kube = KubeApi.shared();
    String ns = kube.newNamespace("leader");
    List<String> entrypoint = DockerfileTest.entrypoint();
    try (KubernetesClient client = kube.newClient();
         OperatorProcess a = OperatorProcess.start(kube, "replica-a", entrypoint, replica(ns, "replica-a"));
         OperatorProcess b = OperatorProcess.start(kube, "replica-b", entrypoint, replica(ns, "replica-b"))) {
      a.awaitReady(Duration.ofSeconds(90));
      b.awaitReady(Duration.ofSeconds(90));

      // Wait for the election to have happened, then count.
      await(() -> holder(client, ns) != null && leaderGaugeOf(holder(client, ns), a, b) == 1.0,
          Duration.ofSeconds(60), a, b);
      List<Lease> leases = client.leases().inNamespace(ns).list().getItems();
      assertThat(leases).extracting(l -> l.getMetadata().getName()).containsExactly(OperatorConfig.LEASE_NAME);
      String leader = holder(client, ns);
      assertThat(leader).isIn("replica-a", "replica-b");
      assertThat(List.of(a.leaderGauge(), b.leaderGauge())).as("uba_leader of both replicas")
          .containsExactlyInAnyOrder(1.0, 0.0);
      // A standby is ready too (its informers run), so a rolling update never waits on it.
      assertThat(List.of(a.status("/readyz"), b.status("/readyz"))).containsOnly(200);

      OperatorProcess leading = leader.equals("replica-a") ? a : b;
      OperatorProcess standby = leading == a ? b : a;
      String standbyName = leading == a ? "replica-b" : "replica-a";
      assertThat(leading.stop(Duration.ofSeconds(30))).as("the leader stops on SIGTERM:%n%s", leading.log())
          .isIn(0, 143);
      await(() -> standbyName.equals(holder(client, ns)) && standby.leaderGauge() == 1.0,
          Duration.ofSeconds(60), standby, standby);
      assertThat(client.leases().inNamespace(ns).list().getItems()).hasSize(1);
    }
  }

  private static Map<String, String> replica(String ns, String name) {
    return Map.of(
        "UBA_LEADER_ELECTION", "true",
        "POD_NAMESPACE", ns,
        "HOSTNAME", name,
        "UBA_WATCH_NAMESPACES", ns);
  }

  private static String holder(KubernetesClient client, String ns) {
    Lease lease = client.leases().inNamespace(ns).withName(OperatorConfig.LEASE_NAME).get();
    if (lease == null || lease.getSpec() == null) {
      return null;
    }
    String holder = lease.getSpec().getHolderIdentity();
    return holder == null || holder.isBlank() ? null : holder;
  }

  private static double leaderGaugeOf(String holder, OperatorProcess a, OperatorProcess b) {
    return (holder.equals("replica-a") ? a : b).leaderGauge();
  }

  private static void await(BooleanSupplier condition, Duration timeout, OperatorProcess a, OperatorProcess b)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("no leader within " + timeout + "\n--- a:\n" + a.log() + "\n--- b:\n" + b.log());
      }
      Thread.sleep(250);
    }
  }
}
