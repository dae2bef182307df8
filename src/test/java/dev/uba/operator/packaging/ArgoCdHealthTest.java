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
 * The Argo CD health checks, laid out as Argo CD's own resource_customizations
 * (argocd/resource_customizations/uba.dev/&lt;Kind&gt;/health.lua, health_test.yaml, testdata/), run by a
 * real Lua 5.1 interpreter (Argo CD runs the scripts in gopher-lua, which implements Lua 5.1; Debian's
 * lua5.1, which .ci/run installs) against each kind's samples, the way Argo CD runs them: the object
 * as the global {@code obj}, the script's returned table as the health.
 */
class ArgoCdHealthTest {
  static final Path CUSTOMIZATIONS = Path.of("argocd/resource_customizations/uba.dev");
  static final List<String> KINDS = List.of("UbaPipeline", "AnomalyAlert", "PersonalizationModel");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TestFactory
  Stream<DynamicTest> everySampleGetsItsExpectedHealth() throws IOException {
    List<DynamicTest> result = new ArrayList<>();
    for (String kind : KINDS) {
      Path dir = CUSTOMIZATIONS.resolve(kind);
      for (JsonNode test : YAML.readTree(dir.resolve("health_test.yaml").toFile()).get("tests")) {
        String input = test.get("inputPath").asText();
        String status = test.get("healthStatus").get("status").asText();
        String message = test.get("healthStatus").get("message").asText();
        result.add(DynamicTest.dynamicTest(kind + "/" + input + " -> " + status, () -> {
          JsonNode object = YAML.readTree(dir.resolve(input).toFile());
          assertThat(object.get("kind").asText()).as("%s/%s is a %s", kind, input, kind).isEqualTo(kind);
          assertThat(run(dir.resolve("health.lua"), object)).as("%s/%s", kind, input).containsExactly(status, message);
        }));
      }
    }
    return result.stream();
  }

  @Test
  void everyKindHasSamplesOfEveryOutcome() throws IOException {
    for (String kind : KINDS) {
      Set<String> outcomes = new TreeSet<>();
      for (JsonNode test : YAML.readTree(CUSTOMIZATIONS.resolve(kind).resolve("health_test.yaml").toFile())
          .get("tests")) {
        outcomes.add(test.get("healthStatus").get("status").asText());
      }
      assertThat(outcomes).as("outcomes of the %s samples", kind)
          .containsExactlyInAnyOrder("Healthy", "Progressing", "Degraded");
    }
  }

  @Test
  void theThreeKindsShareOneCheckAndTheArgoCdConfigMapCarriesIt() throws IOException {
    JsonNode data = YAML.readTree(Path.of("argocd/argocd-cm.yaml").toFile()).get("data");
    String first = Files.readString(CUSTOMIZATIONS.resolve(KINDS.get(0)).resolve("health.lua"));
    for (String kind : KINDS) {
      Path script = CUSTOMIZATIONS.resolve(kind).resolve("health.lua");
      assertThat(Files.readString(script)).as("%s is the same check as %s's (fix all three)", script, KINDS.get(0))
          .isEqualTo(first);
      JsonNode snippet = data.get("resource.customizations.health.uba.dev_" + kind);
      assertThat(snippet).as("argocd-cm.yaml has the health check of %s", kind).isNotNull();
      assertThat(snippet.asText()).as("the %s health check in argocd-cm.yaml is %s", kind, script)
          .isEqualTo(Files.readString(script));
    }
  }

  /** [status, message] of the health check for an object; fails unless the interpreter is Lua 5.1. */
  static List<String> run(Path script, JsonNode object) throws IOException, InterruptedException {
    String program = "assert(_VERSION == \"Lua 5.1\", \"Argo CD runs Lua 5.1, this is \" .. _VERSION)\n"
        + "obj = " + lua(object) + "\n"
        + "local hs = dofile(" + lua(script.toString()) + ")\n"
        + "io.write(tostring(hs.status), '\\n', tostring(hs.message))\n";
    Process lua = new ProcessBuilder(luaInterpreter(), "-").redirectErrorStream(true).start();
    lua.getOutputStream().write(program.getBytes(StandardCharsets.UTF_8));
    lua.getOutputStream().close();
    String out = new String(lua.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(lua.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(lua.exitValue()).as("lua failed:%n%s", out).isZero();
    return List.of(out.split("\n", 2));
  }

  /** lua5.1 (Debian's package name) on PATH; CI installs it, so this never skips. */
  static String luaInterpreter() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "lua5.1"))) {
        return Path.of(dir, "lua5.1").toString();
      }
    }
    throw new AssertionError("no lua5.1 on PATH: apt-get install -y lua5.1 (.ci/run does)");
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
