package dev.uba.operator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.MDCUtils;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The operator's own logback.xml (src/main/resources), configured into a context of its own, with
 * UBA_LOG_FORMAT as the operator's environment would give it; the lines written to standard output
 * are read back. The packaged jar's JSON lines of a real reconciliation: PackagedJarIT.
 */
class LoggingConfigurationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path LOGBACK_XML = Path.of("src/main/resources/logback.xml");

  @Test
  void theFormatIsPlainUnlessJsonIsAskedForAndNothingElseIsAccepted() {
    assertThat(LogFormat.fromEnvironment(Map.of())).isEqualTo(LogFormat.plain);
    assertThat(LogFormat.fromEnvironment(Map.of("UBA_LOG_FORMAT", "json"))).isEqualTo(LogFormat.json);
    assertThatThrownBy(() -> LogFormat.fromEnvironment(Map.of("UBA_LOG_FORMAT", "xml")))
        .hasMessage("UBA_LOG_FORMAT=xml is not a log format: use plain or json");
    assertThatThrownBy(() -> LogFormat.fromEnvironment(Map.of("UBA_LOG_FORMAT", "JSON")))
        .hasMessageContaining("(lower case)");
    assertThatThrownBy(() -> LogFormat.fromEnvironment(Map.of("UBA_LOG_FORMAT", "")))
        .hasMessageStartingWith("UBA_LOG_FORMAT= is not a log format");
  }

  @Test
  void jsonLinesCarryTheNamespaceAndNameOfTheObjectBeingReconciled() throws Exception {
    List<String> lines = logged(LogFormat.json.name(), context -> {
      var log = context.getLogger("dev.uba.operator.engine.KubernetesEvents");
      log.info("uba-operator started");
      UbaPipeline pipeline = new UbaPipeline();
      pipeline.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("clicks")
          .withGeneration(3L).withUid("c0ffee").withResourceVersion("42").build());
      // What JOSDK's reconciler executor puts in the MDC around each reconciliation.
      MDCUtils.addResourceInfo(pipeline);
      try {
        log.info("{}/{} {} {}: {}", "analytics", "clicks", "Normal", "Created", "Kinesis stream analytics-clicks");
      } finally {
        MDCUtils.removeResourceInfo();
      }
    });

    List<JsonNode> json = lines.stream().map(LoggingConfigurationTest::parse).toList();
    assertThat(json).hasSize(2).allSatisfy(line -> {
      assertThat(line.get("level").asText()).isEqualTo("INFO");
      assertThat(line.get("loggerName").asText()).isEqualTo("dev.uba.operator.engine.KubernetesEvents");
      assertThat(line.get("timestamp").asLong()).isPositive();
    });
    assertThat(json.get(0).get("formattedMessage").asText()).isEqualTo("uba-operator started");
    assertThat(json.get(0).path("mdc").path("resource.name").isMissingNode()).isTrue();
    JsonNode reconciling = json.get(1);
    assertThat(reconciling.get("formattedMessage").asText())
        .isEqualTo("analytics/clicks Normal Created: Kinesis stream analytics-clicks");
    assertThat(reconciling.at("/mdc/resource.namespace").asText()).isEqualTo("analytics");
    assertThat(reconciling.at("/mdc/resource.name").asText()).isEqualTo("clicks");
    assertThat(reconciling.at("/mdc/resource.kind").asText()).isEqualTo("UbaPipeline");
  }

  @Test
  void plainLinesAreTheDefault() throws Exception {
    List<String> lines = logged(null, context -> context.getLogger("dev.uba.operator.UbaOperator")
        .info("uba-operator started"));
    assertThat(lines).singleElement().asString()
        .matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} INFO  \\[[^]]+] dev\\.uba\\.operator\\.UbaOperator"
            + " - uba-operator started");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not a JSON line: " + line, e);
    }
  }

  private interface Logging {
    void log(LoggerContext context);
  }

  /** Lines written to standard output by logback.xml configured with the given UBA_LOG_FORMAT. */
  private static List<String> logged(String format, Logging logging) throws JoranException {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    // The operator's MDC is SLF4J's (where JOSDK puts the object); initialised before stdout is read.
    var mdc = MDC.getMDCAdapter();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(mdc);
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      if (format != null) {
        // Substitution reads the context's properties before the environment's variables.
        context.putProperty(LogFormat.VARIABLE, format);
      }
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(LOGBACK_XML.toFile());
      logging.log(context);
    } finally {
      context.stop();
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }
}
