package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Argo CD health check (argocd/health.lua) run by a real Lua 5.4 interpreter (Debian's lua5.4,
 * which .ci/run installs) against the sample objects of argocd/health_test.yaml, the way Argo CD runs
 * it: the object as the global {@code obj}, the script's returned table as the health.
 */
class ArgoCdHealthTest {
  static final Path DIR = Path.of("argocd");
  static final Path SCRIPT = DIR.resolve("health.lua");
  static final List<String> KINDS = List.of("UbaPipeline", "AnomalyAlert", "PersonalizationModel");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  Stream<DynamicTest> everySampleGetsItsExpectedHealth() throws IOException {
    JsonNode tests = YAML.readTree(DIR.resolve("health_test.yaml").toFile()).get("tests");
    List<DynamicTest> result = new ArrayList<>();
    for (JsonNode test : tests) {
      String input = test.get("inputPath").asText();
      String status = test.get("healthStatus").get("status").asText();
      String message = test.get("healthStatus").get("message").asText();
      result.add(DynamicTest.dynamicTest(input + " -> " + status, () -> {
        JsonNode object = YAML.readTree(DIR.resolve(input).toFile());
        assertThat(run(object)).as(input).containsExactly(status, message);
      }));
    }
    return result.stream();
  }

  @Test
  void theSamplesCoverEveryKindAndEveryOutcome() throws IOException {
    JsonNode tests = YAML.readTree(DIR.resolve("health_test.yaml").toFile()).get("tests");
    Set<String> kinds = new TreeSet<>();
    Set<String> outcomes = new TreeSet<>();
    for (JsonNode test : tests) {
      kinds.add(YAML.readTree(DIR.resolve(test.get("inputPath").asText()).toFile()).get("kind").asText());
      outcomes.add(test.get("healthStatus").get("status").asText());
    }
    assertThat(kinds).containsExactlyInAnyOrderElementsOf(KINDS);
    assertThat(outcomes).containsExactlyInAnyOrder("Healthy", "Progressing", "Degraded");
  }

  @Test
  void theArgoCdConfigMapCarriesTheTestedScriptForEveryKind() throws IOException {
    JsonNode data = YAML.readTree(DIR.resolve("argocd-cm.yaml").toFile()).get("data");
    String script = Files.readString(SCRIPT);
    for (String kind : KINDS) {
      JsonNode snippet = data.get("resource.customizations.health.uba.dev_" + kind);
      assertThat(snippet).as("argocd-cm.yaml has the health check of %s", kind).isNotNull();
      assertThat(snippet.asText()).as("the %s health check in argocd-cm.yaml is argocd/health.lua", kind)
          .isEqualTo(script);
    }
  }

  /** [status, message] of the health check for an object. */
  static List<String> run(JsonNode object) throws IOException, InterruptedException {
    String program = "obj = " + lua(object) + "\n"
        + "local hs = dofile(" + lua(SCRIPT.toString()) + ")\n"
        + "io.write(tostring(hs.status), '\\n', tostring(hs.message))\n";
    Process lua = new ProcessBuilder(luaInterpreter(), "-").redirectErrorStream(true).start();
    lua.getOutputStream().write(program.getBytes(StandardCharsets.UTF_8));
    lua.getOutputStream().close();
    String out = new String(lua.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lua.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(lua.exitValue()).as("lua failed:%n%s", out).isZero();
    return List.of(out.split("\n", 2));
  }

  /** lua5.4 (Debian's package name) or lua on PATH; CI installs lua5.4, so this never skips. */
  static String luaInterpreter() {
    for (String name : new String[] {"lua5.4", "lua"}) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
          return Path.of(dir, name).toString();
        }
      }
    }
    throw new AssertionError("no Lua interpreter on PATH: apt-get install -y lua5.4 (.ci/run does)");
  }

  /** A Lua table constructor for a JSON value, as Argo CD hands objects to health scripts. */
  static String lua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "nil";
    }
    if (node.isObject()) {
      StringBuilder sb = new StringBuilder("{");
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          sb.append('[').append(lua(e.getKey())).append("]=").append(lua(e.getValue())).append(',');
        }
      }
      return sb.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder("{");
      node.forEach(v -> sb.append(lua(v)).append(','));
      return sb.append('}').toString();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return lua(node.asText());
  }

  static String lua(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
