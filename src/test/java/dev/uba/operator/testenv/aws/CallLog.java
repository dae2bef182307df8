package dev.uba.operator.testenv.aws;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request that went through the proxy, in arrival order of completion: service (SigV4
 * signing name), operation, read or write, and how it ended. Requests sent straight to the
 * emulator ({@link LocalAws#motoEndpoint()}) and the proxy's own calls to the emulator are not
 * recorded. Thread-safe.
 */
public final class CallLog {

  /**
   * One recorded call.
   *
   * @param service the signing name ({@code kinesis}, {@code es}, {@code iam}, ...)
   * @param operation the API action ({@code CreateStream}, {@code DescribeDomain}, ...)
   * @param write false for actions named Describe*, List*, Get*; true for all others
   * @param status the HTTP status answered, or -1 when the connection was dropped
   * @param errorCode the AWS error code answered, or null for a success
   * @param fault the injected fault that shaped this call, or null
   * @param at when the answer was ready
   * @param refusedByQuota true when the local AWS's {@link QuotaMode} throttled the call for
   *     exceeding its operation's rate quota (then {@code fault} is null)
   */
  public record Call(String service, String operation, boolean write, int status,
      String errorCode, Faults.Kind fault, Instant at, boolean refusedByQuota) {

    /** A call the quota mode did not refuse. */
    public Call(String service, String operation, boolean write, int status, String errorCode,
        Faults.Kind fault, Instant at) {
      this(service, operation, write, status, errorCode, fault, at, false);
    }

    /** True for a 2xx answer. */
    public boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }

  private final List<Call> calls = new ArrayList<>();

  synchronized void record(Call call) {
    calls.add(call);
  }

  /** Calls of {@code operation} on {@code service} ({@code "*"} matches any). */
  public int count(String service, String operation) {
    return count(c -> matches(service, c.service()) && matches(operation, c.operation()));
  }

  /** All calls of {@code service}. */
  public int count(String service) {
    return count(service, "*");
  }

  /** All write calls. */
  public int writes() {
    return count(Call::write);
  }

  /** Write calls of {@code service}. */
  public int writes(String service) {
    return count(c -> c.write() && matches(service, c.service()));
  }

  /** All read calls. */
  public int reads() {
    return count(c -> !c.write());
  }

  /** Read calls of {@code service}. */
  public int reads(String service) {
    return count(c -> !c.write() && matches(service, c.service()));
  }

  /** Calls refused for exceeding a rate quota ({@link QuotaMode}). */
  public int refusedByQuota() {
    return count(Call::refusedByQuota);
  }

  /** All calls. */
  public synchronized int total() {
    return calls.size();
  }

  /** Calls that met {@code filter}. */
  public synchronized int count(Predicate<Call> filter) {
    int n = 0;
    for (Call c : calls) {
      if (filter.test(c)) {
        n++;
      }
    }
    return n;
  }

  /** An immutable copy of all calls so far. */
  public synchronized List<Call> snapshot() {
    return List.copyOf(calls);
  }

  /** Forgets all calls. */
  public synchronized void clear() {
    calls.clear();
  }

  @Override
  public synchronized String toString() {
    List<String> lines = new ArrayList<>();
    for (Call c : calls) {
      lines.add(c.service() + "." + c.operation() + " -> " + c.status()
          + (c.errorCode() == null ? "" : " " + c.errorCode())
          + (c.fault() == null ? "" : " [" + c.fault() + "]")
          + (c.refusedByQuota() ? " [over quota]" : ""));
    }
    return String.join("\n", lines);
  }

  private static boolean matches(String pattern, String value) {
    return "*".equals(pattern) || pattern.equals(value);
  }
}
