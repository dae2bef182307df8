package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Dockerfile without a container engine: two stages (Maven build, JRE
 * runtime), only the jar copied into the runtime, a numeric non-root user, container-aware JVM flags,
 * the port and the entrypoint. {@code PackagedJarIT} runs that entrypoint.
 */
class DockerfileTest {
  static final Path DOCKERFILE = Path.of("Dockerfile");

  /** Instructions of the Dockerfile with continuation lines joined and comments dropped. */
  static List<String> instructions() throws IOException {
    List<String> result = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(DOCKERFILE)) {
      String trimmed = line.strip();
      if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
        continue;
      }
      if (trimmed.endsWith("\\")) {
        current.append(trimmed, 0, trimmed.length() - 1).append(' ');
      } else {
        result.add(current.append(trimmed).toString());
        current.setLength(0);
      }
    }
    return result;
  }

  /** The instructions of the last stage (from its FROM on). */
  static List<String> runtimeStage() throws IOException {
    List<String> all = instructions();
    int from = 0;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).startsWith("FROM ")) {
        from = i;
      }
    }
    return all.subList(from, all.size());
  }

  /** ENTRYPOINT of the image as a list. */
  static List<String> entrypoint() throws IOException {
    String entry = runtimeStage().stream().filter(i -> i.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
    Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(entry.substring("ENTRYPOINT ".length()));
    List<String> parts = new ArrayList<>();
    while (m.find()) {
      parts.add(m.group(1));
    }
    return parts;
  }

  /** The value of ENV JAVA_TOOL_OPTIONS in the runtime stage. */
  static String javaToolOptions() throws IOException {
    for (String i : runtimeStage()) {
      Matcher m = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(i);
      if (i.startsWith("ENV ") && m.find()) {
        return m.group(1);
      }
    }
    throw new AssertionError("no ENV JAVA_TOOL_OPTIONS in the runtime stage");
  }

  @Test
  void buildsWithMavenAndRunsOnAJre() throws IOException {
    List<String> froms = instructions().stream().filter(i -> i.startsWith("FROM ")).toList();
    assertThat(froms).containsExactly("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
    assertThat(instructions()).anyMatch(i -> i.startsWith("RUN ") && i.contains("mvn ") && i.contains(" package"));
  }

  @Test
  void theRuntimeStageHoldsOnlyTheJar() throws IOException {
    List<String> copies = runtimeStage().stream().filter(i -> i.startsWith("COPY ") || i.startsWith("ADD ")).toList();
    assertThat(copies).containsExactly("COPY --from=build /src/target/uba-operator.jar /app/uba-operator.jar");
    assertThat(runtimeStage()).noneMatch(i -> i.startsWith("RUN "));
  }

  @Test
  void runsAsANumericNonRootUser() throws IOException {
    String user = runtimeStage().stream().filter(i -> i.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    assertThat(user).matches("USER [1-9][0-9]*(:[0-9]+)?");
  }

  @Test
  void jvmFlagsSuitContainersAndTheEntrypointRunsTheJar() throws IOException {
    assertThat(javaToolOptions()).contains("-XX:MaxRAMPercentage=75").contains("-XX:+ExitOnOutOfMemoryError");
    assertThat(runtimeStage()).contains("EXPOSE 8080");
    assertThat(entrypoint()).containsExactly("java", "-jar", "/app/uba-operator.jar");
  }

  @Test
  void theBuildContextIsLimitedToWhatTheBuildNeeds() throws IOException {
    assertThat(Files.readAllLines(Path.of(".dockerignore"))).contains("*", "!pom.xml", "!src/", "!crds/");
  }
}
