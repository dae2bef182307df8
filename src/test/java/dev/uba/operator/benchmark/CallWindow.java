package dev.uba.operator.benchmark;

import dev.uba.operator.testenv.aws.AwsQuotaTable;
import dev.uba.operator.testenv.aws.CallLog;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The AWS calls the local AWS answered between two instants, by operation. */
final class CallWindow {

  /** Figures of one operation in the window. */
  record Operation(String name, int calls, int refusedByQuota, int peakPerSecond,
      AwsQuotaTable.Quota quota) {

    double perSecond(Duration window) {
      return calls / Math.max(0.001, window.toMillis() / 1000.0);
    }
  }

  private final Duration length;
  private final List<CallLog.Call> calls;

  private CallWindow(Duration length, List<CallLog.Call> calls) {
    this.length = length;
    this.calls = calls;
  }

  /** The calls of {@code log} answered in [from, to). */
  static CallWindow of(CallLog log, Instant from, Instant to) {
    List<CallLog.Call> in = log.snapshot().stream()
        .filter(c -> !c.at().isBefore(from) && c.at().isBefore(to)).toList();
    return new CallWindow(Duration.between(from, to), in);
  }

  Duration length() {
    return length;
  }

  int total() {
    return calls.size();
  }

  int refusedByQuota() {
    return (int) calls.stream().filter(CallLog.Call::refusedByQuota).count();
  }

  /** Calls that ended with the fault the test injected (not the quota's refusals). */
  int injectedFaults() {
    return (int) calls.stream().filter(c -> c.fault() != null).count();
  }

  /** Every operation called, by {@code service.operation}. */
  Map<String, Operation> operations() {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Map<Long, Integer>> bySecond = new HashMap<>();
    for (CallLog.Call c : calls) {
      String name = c.service() + "." + c.operation();
      int[] n = counts.computeIfAbsent(name, k -> new int[2]);
      n[0]++;
      if (c.refusedByQuota()) {
        n[1]++;
      }
      bySecond.computeIfAbsent(name, k -> new HashMap<>())
          .merge(c.at().getEpochSecond(), 1, Integer::sum);
    }
    Map<String, Operation> out = new TreeMap<>();
    counts.forEach((name, n) -> {
      int dot = name.indexOf('.');
      AwsQuotaTable.Quota quota = AwsQuotaTable.of(name.substring(0, dot), name.substring(dot + 1))
          .orElse(null);
      int peak = bySecond.get(name).values().stream().mapToInt(Integer::intValue).max().orElse(0);
      out.put(name, new Operation(name, n[0], n[1], peak, quota));
    });
    return out;
  }
}
