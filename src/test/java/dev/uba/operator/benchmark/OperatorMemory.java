package dev.uba.operator.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of the operator's process, read from outside: its resident set (/proc) and its Java
 * heap in use after a full collection (jcmd GC.run, then jstat -gc), so the figure is what the
 * objects keep alive rather than garbage not yet collected.
 */
final class OperatorMemory {

  /** Resident set and live heap in MiB; -1 where it could not be read. */
  record Reading(double rssMiB, double heapAfterGcMiB) {}

  private OperatorMemory() {}

  static Reading read(long pid) {
    double heap = -1;
    if (run(List.of(tool("jcmd"), Long.toString(pid), "GC.run")) != null) {
      heap = heapUsedMiB(run(List.of(tool("jstat"), "-gc", Long.toString(pid))));
    }
    return new Reading(rssMiB(pid), heap);
  }

  static double rssMiB(long pid) {
    try {
      Matcher m = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB")
          .matcher(Files.readString(Path.of("/proc/" + pid + "/status")));
      return m.find() ? Long.parseLong(m.group(1)) / 1024.0 : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** S0U + S1U + EU + OU of {@code jstat -gc} (KiB), in MiB. */
  static double heapUsedMiB(String jstat) {
    if (jstat == null) {
      return -1;
    }
    String[] lines = jstat.strip().split("\n");
    if (lines.length < 2) {
      return -1;
    }
    List<String> header = List.of(lines[0].trim().split("\\s+"));
    String[] values = lines[lines.length - 1].trim().split("\\s+");
    double kib = 0;
    for (String column : List.of("S0U", "S1U", "EU", "OU")) {
      int i = header.indexOf(column);
      if (i < 0 || i >= values.length) {
        return -1;
      }
      kib += Double.parseDouble(values[i].replace(',', '.'));
    }
    return kib / 1024.0;
  }

  private static String tool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  private static String run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        System.out.println("  (" + String.join(" ", command) + " failed: " + out.strip() + ")");
        return null;
      }
      return out;
    } catch (IOException e) {
      System.out.println("  (" + command.get(0) + ": " + e.getMessage() + ")");
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
