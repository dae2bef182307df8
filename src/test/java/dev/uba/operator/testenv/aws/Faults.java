package dev.uba.operator.testenv.aws;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection by service and operation. A rule targets {@code (service, operation)}, either of
 * which may be {@code "*"}, and fires for the next {@code times} matching calls, or at a
 * {@code rate} (0..1, drawn from a seeded random source so a run is repeatable), or both (at that
 * rate, at most that many times), or, with neither, on every matching call. The first registered
 * rule that fires shapes the call; the call is recorded in the {@link CallLog} with the fault's
 * {@link Kind}.
 *
 * <pre>{@code
 * aws.faults().on("kinesis", "CreateStream").times(2).throttle();
 * aws.faults().on("iam", "*").rate(0.3).serverError(503);
 * aws.faults().on("es", "DescribeDomain").once().delay(Duration.ofMillis(500));
 * }</pre>
 */
public final class Faults {

  /** What a fault does to a call. */
  public enum Kind {
    /** Answer the service's throttling error without forwarding (see {@link ErrorShapes}). */
    THROTTLE,
    /** Answer HTTP 500 {@code InternalFailure} or 503 {@code ServiceUnavailable} without forwarding. */
    SERVER_ERROR,
    /** Wait, then serve the call normally. */
    DELAY,
    /** Close the connection without any answer; the call is not forwarded. */
    DROP_CONNECTION,
    /** Forward the call (so a write takes effect), then answer 503 {@code ServiceUnavailable}. */
    LOST_ANSWER
  }

  /** The seed used until {@link #seed(long)} is called. */
  public static final long DEFAULT_SEED = 20260101L;

  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private Random random = new Random(DEFAULT_SEED);

  /** Starts a rule for {@code operation} of {@code service} (signing name; {@code "*"} for any). */
  public Target on(String service, String operation) {
    return new Target(Objects.requireNonNull(service), Objects.requireNonNull(operation));
  }

  /** Re-seeds the random source used by {@link Target#rate(double)} rules. */
  public synchronized Faults seed(long seed) {
    random = new Random(seed);
    return this;
  }

  /** The registered rules, in order. */
  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  /** Removes all rules and restores the default seed. */
  public synchronized void clear() {
    rules.clear();
    random = new Random(DEFAULT_SEED);
  }

  /** The rule that fires for this call, consuming one of its {@code times}, or null. */
  Rule fire(AwsRequest req) {
    for (Rule r : rules) {
      if (r.matches(req.service, req.operation) && r.tryFire(this)) {
        return r;
      }
    }
    return null;
  }

  synchronized double nextDouble() {
    return random.nextDouble();
  }

  /** A rule under construction: choose when it fires, then what it does. */
  public final class Target {
    private final String service;
    private final String operation;
    private int times = -1;
    private double rate = -1;

    private Target(String service, String operation) {
      this.service = service;
      this.operation = operation;
    }

    /** Fire for the next {@code n} matching calls (at most {@code n} when a rate is set too). */
    public Target times(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("times must be >= 0");
      }
      this.times = n;
      return this;
    }

    /** Fire for the next matching call. */
    public Target once() {
      return times(1);
    }

    /** Fire on each matching call with probability {@code r} (0..1). */
    public Target rate(double r) {
      if (r < 0 || r > 1) {
        throw new IllegalArgumentException("rate must be within 0..1");
      }
      this.rate = r;
      return this;
    }

    /** Answer the service's throttling error. */
    public Rule throttle() {
      return add(Kind.THROTTLE, 0, Duration.ZERO);
    }

    /** Answer a server error; {@code status} is 500 or 503. */
    public Rule serverError(int status) {
      if (status != 500 && status != 503) {
        throw new IllegalArgumentException("status must be 500 or 503");
      }
      return add(Kind.SERVER_ERROR, status, Duration.ZERO);
    }

    /** Serve the call normally after {@code delay}. */
    public Rule delay(Duration delay) {
      return add(Kind.DELAY, 0, Objects.requireNonNull(delay));
    }

    /** Close the connection without answering (the request is not forwarded). */
    public Rule dropConnection() {
      return add(Kind.DROP_CONNECTION, 0, Duration.ZERO);
    }

    /** Forward the request, then answer 503 as if the answer had been lost. */
    public Rule loseAnswer() {
      return add(Kind.LOST_ANSWER, 503, Duration.ZERO);
    }

    private Rule add(Kind kind, int status, Duration delay) {
      Rule r = new Rule(service, operation, kind, status, delay, times, rate);
      rules.add(r);
      return r;
    }
  }

  /** A registered fault rule. */
  public static final class Rule {
    private final String service;
    private final String operation;
    private final Kind kind;
    private final int status;
    private final Duration delay;
    private final double rate;
    private final AtomicInteger remaining;
    private final AtomicInteger fired = new AtomicInteger();
    private volatile boolean cancelled;

    private Rule(String service, String operation, Kind kind, int status, Duration delay,
        int times, double rate) {
      this.service = service;
      this.operation = operation;
      this.kind = kind;
      this.status = status;
      this.delay = delay;
      this.rate = rate;
      this.remaining = new AtomicInteger(times);
    }

    public Kind kind() {
      return kind;
    }

    public int status() {
      return status;
    }

    public Duration delay() {
      return delay;
    }

    /** How many calls this rule has shaped. */
    public int fired() {
      return fired.get();
    }

    /** Stops this rule from firing again. */
    public void cancel() {
      cancelled = true;
    }

    boolean matches(String svc, String op) {
      return !cancelled && ("*".equals(service) || service.equals(svc))
          && ("*".equals(operation) || operation.equals(op));
    }

    boolean tryFire(Faults owner) {
      if (remaining.get() == 0) {
        return false;
      }
      if (rate >= 0 && owner.nextDouble() >= rate) {
        return false;
      }
      while (true) {
        int left = remaining.get();
        if (left == 0) {
          return false;
        }
        if (left < 0 || remaining.compareAndSet(left, left - 1)) {
          fired.incrementAndGet();
          return true;
        }
      }
    }

    @Override
    public String toString() {
      return kind + " on " + service + "." + operation;
    }
  }
}
