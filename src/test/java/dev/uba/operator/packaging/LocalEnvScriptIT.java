package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a newcomer runs, as they run it: {@code scripts/local-env.sh up} builds the example pipeline
 * and shows sample events found in OpenSearch; {@code examples} brings every example in examples/
 * to Ready; {@code down} stops everything. In a state directory of its own under target/, so that a
 * developer's own environment is left alone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalEnvScriptIT {
  private static final Path STATE = Path.of("target", "local-env-it").toAbsolutePath();
  private static final long SCRIPT_TIMEOUT_MINUTES = 12;

  @BeforeAll
  static void clean() throws IOException {
    Files.createDirectories(STATE);
  }

  @AfterAll
  static void down() throws Exception {
    Run down = run("down");
    assertThat(down.exitCode()).as(down.output()).isZero();
    for (String file : new String[] {"environment.pid", "operator.pid", "environment.ready", "kubeconfig"}) {
      assertThat(STATE.resolve(file)).as("removed by down").doesNotExist();
    }
  }

  @Test
  @Order(1)
  void upBuildsTheExamplePipelineAndShowsItsEventsFoundInOpenSearch() throws Exception {
    Run up = run("up");

    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("training data for examples/personalization-model.yaml: s3://analytics-archive/interactions/")
        .contains("analytics/clickstream: Ready")
        .contains("Firehose delivery streams:\n  analytics-clickstream  ACTIVE")
        .contains("put 5 events on analytics-clickstream")
        .containsPattern("found 5 of 5 in OpenSearch after \\d+ s")
        .containsPattern("uba-events-\\d{4}-\\d{2}-\\d{2} .* user_id=u-1003 event_type=search");
  }

  @Test
  @Order(2)
  void everyExampleBecomesReady() throws Exception {
    Run examples = run("examples");

    assertThat(examples.exitCode()).as(examples.output()).isZero();
    assertThat(examples.output())
        .contains("personalizationmodel analytics/recommendations: Ready")
        .contains("personalizationmodel uba-demo/recommendations: Ready")
        .contains("anomalyalert analytics/traffic-drop: Ready")
        .contains("ubapipeline uba-demo/clickstream: Ready")
        .contains("all Ready after");
  }

  private record Run(int exitCode, String output) {}

  private static Run run(String command) throws IOException, InterruptedException {
    Path log = STATE.resolve("it-" + command + ".out");
    ProcessBuilder script = new ProcessBuilder("bash", "scripts/local-env.sh", command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = script.environment();
    env.put("LOCAL_ENV_STATE", STATE.toString());
    env.put("LOCAL_ENV_READY_TIMEOUT", "400");
    Process process = script.start();
    if (!process.waitFor(SCRIPT_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      return new Run(-1, "timed out after " + SCRIPT_TIMEOUT_MINUTES + " min\n" + read(log));
    }
    return new Run(process.exitValue(), read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
