package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.OperatorProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No container can run here, so the image's ENTRYPOINT and JAVA_TOOL_OPTIONS (read from the
 * Dockerfile) are run on the built jar: it must start against a real API server, answer the probes
 * the chart's Deployment uses, and stop on SIGTERM to its PID.
 */
class PackagedJarIT {

  @Test
  void theJarStartsAsTheImageWouldStartItAndAnswersTheProbes() throws Exception {
    KubeApi kube = KubeApi.shared();
    String ns = kube.newNamespace("jar");
    try (OperatorProcess operator = OperatorProcess.start(kube, "entrypoint", DockerfileTest.entrypoint(), Map.of(
        "JAVA_TOOL_OPTIONS", DockerfileTest.javaToolOptions() + " -Djava.io.tmpdir=target",
        "UBA_WATCH_NAMESPACES", ns,
        "UBA_LOG_LEVEL", "DEBUG"))) {
      operator.awaitReady(Duration.ofSeconds(90));
      assertThat(operator.status("/healthz")).isEqualTo(200);
      assertThat(operator.body("/metrics")).contains("uba_leader 1.0");
      assertThat(operator.log()).contains("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75")
          .contains("uba-operator started");

      long pid = operator.pid();
      int exit = operator.stop(Duration.ofSeconds(30));
      assertThat(exit).as("exit status after SIGTERM to %s:%n%s", pid, operator.log()).isIn(0, 143);
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }
}
