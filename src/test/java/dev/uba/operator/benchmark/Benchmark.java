package dev.uba.operator.benchmark;

import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.OperatorProcess;
import dev.uba.operator.testenv.aws.AwsQuotaTable;
import dev.uba.operator.testenv.aws.Faults;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The operator at scale against AWS's API rate quotas: a real kube-apiserver, the local AWS in
 * quota mode ({@link dev.uba.operator.testenv.aws.QuotaMode}) and the packaged operator as a
 * process of its own (so heap and resident set are the operator's), N objects applied at once.
 * Prints figures, never passes or fails on them. Run it with {@code scripts/benchmark.sh}; see
 * docs/benchmarks.md for what each scenario does.
 *
 * <pre>
 * Benchmark pipelines|alerts|faults|memory [N] [--resync=20s] [--window=60s] [--timeout=15m]
 *           [--poll=15s] [--heap=1g]
 * </pre>
 */
public final class Benchmark {

  static final String API_VERSION = "uba.dev/v1alpha1";

  private final Options options;
  private final Figures figures;
  private final KubeApi kube;
  private final KubernetesClient client;
  private final LocalAws aws;
  private final String namespace;
  private OperatorProcess operator;
  private int operatorStarts;

  private Benchmark(Options options, boolean quotaMode) {
    this.options = options;
    this.figures = new Figures(options.scenario + ", N = " + options.n);
    this.kube = KubeApi.shared();
    this.client = kube.newClient();
    this.aws = LocalAws.start();
    if (quotaMode) {
      aws.quotas().enable();
    }
    this.namespace = kube.newNamespace("bench");
  }

  public static void main(String[] args) throws Exception {
    Options o = Options.parse(args);
    System.out.printf("benchmark %s, N = %d, %s, %d processors, started %s%n", o.scenario, o.n,
        o, Runtime.getRuntime().availableProcessors(),
        LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    Instant start = Instant.now();
    Benchmark b = new Benchmark(o, !o.scenario.equals("memory"));
    int exit = 0;
    try {
      switch (o.scenario) {
        case "pipelines" ->
            b.convergeThenSteadyState("UbaPipeline", "p", Manifests::streamOnlyPipeline, "kinesis.DescribeStreamSummary");
        case "alerts" -> b.convergeThenSteadyState("AnomalyAlert", "a", Manifests::alert, "events.DescribeRule");
        case "faults" -> b.faults();
        case "memory" -> b.memory();
        default -> throw new IllegalArgumentException("unknown scenario " + o.scenario);
      }
      b.figures.add("benchmark run time", Figures.seconds(Duration.between(start, Instant.now())));
      b.figures.printMarkdown();
    } catch (Exception | Error e) {
      e.printStackTrace(System.out);
      exit = 1;
    } finally {
      try {
        b.close();
      } catch (RuntimeException | Error e) {
        e.printStackTrace(System.out);
        exit = 1;
      }
      System.exit(exit); // shutdown hooks stop the API server and the emulator
    }
  }

  // --- scenarios ---------------------------------------------------------------------------

  /**
   * N objects applied at once to an operator at the default resync (what a GitOps sync does);
   * then the operator restarted at the accelerated resync, and after two intervals the calls
   * of a window measured against each operation's quota.
   */
  private void convergeThenSteadyState(String kind, String prefix,
      java.util.function.Function<String, String> manifest, String onePerPass) throws Exception {
    startOperator(Map.of());
    Set<String> names = names(prefix);
    Instant applyStart = Instant.now();
    Map<String, Instant> applied = apply(kind, names, manifest);
    Map<String, Instant> ready = watch(kind).awaitReady(names, options.timeout);
    Instant converged = Instant.now();
    reportConvergence(kind, names, applyStart, applied, ready, converged);
    memoryFigures("after converging");

    if (ready.size() < names.size()) {
      figures.add("steady state", "not measured: not every object became Ready");
      return;
    }
    stopOperator();
    startOperator(Map.of("UBA_RESYNC_INTERVAL", options.resync.toSeconds() + "s"));
    Duration warmup = options.settle() != null ? options.settle() : options.resync.multipliedBy(2);
    System.out.printf("operator restarted at UBA_RESYNC_INTERVAL=%ds; %s to settle, then a %s"
        + " window%n", options.resync.toSeconds(), Figures.seconds(warmup),
        Figures.seconds(options.window));
    sleep(warmup);
    Instant from = Instant.now();
    sleep(options.window);
    CallWindow steady = CallWindow.of(aws.calls(), from, Instant.now());
    reportSteadyState(steady, onePerPass);
    memoryFigures("in steady state");
  }

  /**
   * N pipelines under injected faults on every call (20 % throttled, 5 % 5xx, 5 % lost answers)
   * on top of the quotas: all Ready, then all deleted, with each object's times, and what AWS
   * still holds afterwards.
   */
  private void faults() throws Exception {
    // the first rule that fires shapes a call: rates chosen so that of all calls 20 % are
    // throttled, 5 % answered 500 and 5 % forwarded with their answer lost
    aws.faults().on("*", "*").rate(0.20).throttle();
    aws.faults().on("*", "*").rate(0.05 / 0.80).serverError(500);
    aws.faults().on("*", "*").rate(0.05 / 0.75).loseAnswer();
    startOperator(Map.of());
    Set<String> names = names("f");
    Instant applyStart = Instant.now();
    Map<String, Instant> applied = apply("UbaPipeline", names, Manifests::streamOnlyPipeline);
    ObjectWatch watch = watch("UbaPipeline");
    Map<String, Instant> ready = watch.awaitReady(names, options.timeout);
    Instant converged = Instant.now();
    reportConvergence("UbaPipeline", names, applyStart, applied, ready, converged);
    AwsInventory inventory = new AwsInventory(aws.motoEndpoint());
    figures.add("streams in AWS once Ready (expected " + names.size() + ")",
        Integer.toString(inventory.streams(namespace + "-")));
    figures.add("producer policies in AWS once Ready (expected " + names.size() + ")",
        Integer.toString(inventory.policies(namespace + "-")));

    Instant deleteStart = Instant.now();
    Map<String, Instant> deleted = delete("UbaPipeline", names);
    Map<String, Instant> gone = watch.awaitGone(names, options.timeout);
    Instant allGone = Instant.now();
    figures.add("objects gone", gone.size() + "/" + names.size());
    figures.add("time to all gone", gone.size() == names.size()
        ? Figures.seconds(Duration.between(deleteStart, Collections.max(gone.values())))
        : "not within " + Figures.seconds(options.timeout));
    perObject("delete to gone", deleted, gone);
    String stillDeleting = gone.size() == names.size() ? ""
        : " (" + (names.size() - gone.size()) + " objects still deleting)";
    figures.add("streams left in AWS" + stillDeleting,
        Integer.toString(inventory.streams(namespace + "-")));
    figures.add("producer policies left in AWS" + stillDeleting,
        Integer.toString(inventory.policies(namespace + "-")));
    CallWindow deletion = CallWindow.of(aws.calls(), deleteStart, allGone);
    figures.add("AWS calls per object to delete", (double) deletion.total() / names.size());
    int fired = aws.faults().rules().stream().mapToInt(Faults.Rule::fired).sum();
    figures.add("faults injected (throttle / 5xx / lost answer)", aws.faults().rules().stream()
        .map(r -> Integer.toString(r.fired())).collect(Collectors.joining(" / ")) + " of " + fired);
    figures.add("calls refused for the quotas (whole run)",
        Long.toString(aws.quotas().refusedTotal()));
    inventory.close();
  }

  /**
   * How much heap the operator needs per UbaPipeline: the live heap (after a full collection) with
   * no objects, then with N Ready stream-only pipelines. The local AWS answers at once and
   * without quotas here, so that N can be large: what is measured is what the operator holds,
   * not how fast it gets there.
   */
  private void memory() throws Exception {
    aws.lifecycle().instant();
    startOperator(Map.of());
    sleep(Duration.ofSeconds(10));
    OperatorMemory.Reading empty = OperatorMemory.read(operator.pid());
    figures.add("heap after GC with no object (MiB)", empty.heapAfterGcMiB());
    figures.add("RSS with no object (MiB)", empty.rssMiB());
    Set<String> names = names("m");
    Instant applyStart = Instant.now();
    Map<String, Instant> applied = apply("UbaPipeline", names, Manifests::streamOnlyPipeline);
    Map<String, Instant> ready = watch("UbaPipeline").awaitReady(names, options.timeout);
    figures.add("objects Ready", ready.size() + "/" + names.size());
    figures.add("time to all Ready (no quotas, instant AWS)", ready.size() == names.size()
        ? Figures.seconds(Duration.between(applyStart, Collections.max(ready.values())))
        : "not within " + Figures.seconds(options.timeout));
    figures.add("operator alive with -Xmx" + options.heap, Boolean.toString(operator.isAlive()));
    OperatorMemory.Reading full = OperatorMemory.read(operator.pid());
    figures.add("heap after GC with N objects (MiB)", full.heapAfterGcMiB());
    figures.add("RSS with N objects (MiB)", full.rssMiB());
    if (empty.heapAfterGcMiB() > 0 && full.heapAfterGcMiB() > 0) {
      double perObject = (full.heapAfterGcMiB() - empty.heapAfterGcMiB()) * 1024 / names.size();
      figures.add("heap per object (KiB)", perObject);
      figures.add("heap after GC projected for 10,000 objects (MiB)",
          empty.heapAfterGcMiB() + perObject * 10_000 / 1024);
    }
    if (!applied.isEmpty()) {
      figures.add("AWS calls per object",
          (double) aws.calls().total() / names.size());
    }
  }

  // --- figures -----------------------------------------------------------------------------

  private void reportConvergence(String kind, Set<String> names, Instant applyStart,
      Map<String, Instant> applied, Map<String, Instant> ready, Instant converged) {
    figures.add(kind + " objects applied in", Figures.seconds(
        Duration.between(applyStart, Collections.max(applied.values()))));
    figures.add("objects Ready", ready.size() + "/" + names.size());
    figures.add("time to all Ready", ready.size() == names.size()
        ? Figures.seconds(Duration.between(applyStart, Collections.max(ready.values())))
        : "not within " + Figures.seconds(options.timeout));
    perObject("apply to Ready", applied, ready);
    CallWindow w = CallWindow.of(aws.calls(), applyStart, converged);
    figures.add("AWS calls to converge", Integer.toString(w.total()));
    figures.add("AWS calls per object", (double) w.total() / names.size());
    figures.add("calls refused for the quotas", Integer.toString(w.refusedByQuota()));
    Map<String, CallWindow.Operation> ops = w.operations();
    figures.add("refused by operation", refusedByOperation(ops));
    quotaFloor(ops, options.share()).ifPresent(floor -> figures.add(
        "time the quotas allow for these calls (busiest operation)", floor));
    figures.add("peak attempts/s of the busiest operations (quota)", ops.values().stream()
        .filter(o -> perAccount(o.quota()))
        .sorted(Comparator.comparingDouble(
            (CallWindow.Operation o) -> o.peakPerSecond() / o.quota().perSecond()).reversed())
        .limit(5)
        .map(o -> o.name() + " " + o.peakPerSecond() + " (" + quota(o.quota()) + ")")
        .collect(Collectors.joining(", ")));
    if (w.injectedFaults() > 0) {
      figures.add("calls shaped by injected faults", Integer.toString(w.injectedFaults()));
    }
  }

  /** {@code onePerPass}: the read every pass of one object makes once ({@code service.operation}). */
  private void reportSteadyState(CallWindow w, String onePerPass) {
    double seconds = w.length().toMillis() / 1000.0;
    double resyncs = seconds / options.resync.toSeconds();
    figures.add("steady state at UBA_RESYNC_INTERVAL", options.resync.toSeconds() + " s (load of "
        + Math.round(options.n * 600.0 / options.resync.toSeconds()) + " objects on 10 min)");
    figures.add("steady-state AWS calls/s", w.total() / seconds);
    figures.add("steady-state AWS calls per object per resync", w.total() / (resyncs * options.n));
    figures.add("steady-state calls refused for the quotas", Integer.toString(w.refusedByQuota()));
    Map<String, CallWindow.Operation> ops = w.operations();
    figures.add("steady-state refused by operation", refusedByOperation(ops));
    CallWindow.Operation passes = ops.get(onePerPass);
    if (passes != null) {
      double perResync = passes.calls() / resyncs;
      figures.add("objects checked per resync interval (one " + onePerPass + " a pass)", String.format(Locale.ROOT,
          "%.0f of %d: each object every %.1f intervals", perResync, options.n, options.n / perResync));
    }
    for (CallWindow.Operation o : ops.values()) {
      String rate = String.format(Locale.ROOT, "%.1f/s", o.perSecond(w.length()));
      figures.add("  " + o.name() + " calls/s (quota)", rate + " ("
          + (o.quota() == null ? "none" : quota(o.quota())) + ")"
          + (perAccount(o.quota()) && o.perSecond(w.length()) > o.quota().perSecond()
              ? " OVER" : ""));
    }
  }

  /**
   * The least time the quotas allow for the calls that succeeded: for each per-account quota,
   * its successful calls divided by its rate; the largest of them and its operation. A floor of
   * this run's calls, not of the fewest calls that could converge the objects.
   */
  private static java.util.Optional<String> quotaFloor(Map<String, CallWindow.Operation> ops, double share) {
    return ops.values().stream().filter(o -> perAccount(o.quota()))
        .max(Comparator.comparingDouble(
            o -> (o.calls() - o.refusedByQuota()) / o.quota().perSecond()))
        .map(o -> {
          long millis = Math.round((o.calls() - o.refusedByQuota()) * 1000 / o.quota().perSecond());
          return Figures.seconds(Duration.ofMillis(millis)) + " (" + o.name() + ", "
              + (o.calls() - o.refusedByQuota()) + " calls at " + quota(o.quota()) + "); "
              + Figures.seconds(Duration.ofMillis(Math.round(millis / share))) + " at the share of " + share;
        });
  }

  private void perObject(String what, Map<String, Instant> from, Map<String, Instant> to) {
    List<Long> millis = new ArrayList<>();
    for (Map.Entry<String, Instant> e : to.entrySet()) {
      Instant start = from.get(e.getKey());
      if (start != null) {
        millis.add(Math.max(0, Duration.between(start, e.getValue()).toMillis()));
      }
    }
    if (millis.isEmpty()) {
      figures.add(what + " per object (median / slowest)", "n/a");
      return;
    }
    Collections.sort(millis);
    figures.add(what + " per object (median / slowest)",
        Figures.seconds(Duration.ofMillis(millis.get(millis.size() / 2))) + " / "
            + Figures.seconds(Duration.ofMillis(millis.get(millis.size() - 1))));
  }

  private void memoryFigures(String when) {
    OperatorMemory.Reading m = OperatorMemory.read(operator.pid());
    figures.add("operator heap after GC " + when + " (MiB)", m.heapAfterGcMiB());
    figures.add("operator RSS " + when + " (MiB)", m.rssMiB());
  }

  private static String refusedByOperation(Map<String, CallWindow.Operation> ops) {
    String s = ops.values().stream().filter(o -> o.refusedByQuota() > 0)
        .sorted(Comparator.comparingInt(CallWindow.Operation::refusedByQuota).reversed())
        .map(o -> o.name() + " " + o.refusedByQuota()).collect(Collectors.joining(", "));
    return s.isEmpty() ? "none" : s;
  }

  private static String quota(AwsQuotaTable.Quota q) {
    String rate = q.perSecond() >= 0.01 ? Figures.format(q.perSecond()) + "/s"
        : Figures.format(q.limits().get(0).burst()) + "/day per stream";
    return rate + (q.published() ? "" : " assumed");
  }

  /** True when an operation's quota is a rate of the account (not a daily count per stream). */
  private static boolean perAccount(AwsQuotaTable.Quota q) {
    return q != null && q.limits().stream()
        .anyMatch(l -> l.scope() == AwsQuotaTable.Scope.ACCOUNT);
  }

  // --- the environment ---------------------------------------------------------------------

  private Set<String> names(String prefix) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 1; i <= options.n; i++) {
      names.add(Manifests.name(prefix, i));
    }
    return names;
  }

  private ObjectWatch watch(String kind) {
    return new ObjectWatch(client, API_VERSION, kind, namespace,
        Duration.ofMillis(options.n > 2000 ? 5000 : 1000));
  }

  /** Creates every object, 8 at a time (as a GitOps sync does); when each create returned. */
  private Map<String, Instant> apply(String kind, Set<String> names,
      java.util.function.Function<String, String> manifest) throws Exception {
    Map<String, Instant> applied = new ConcurrentHashMap<>();
    forEach(names, name -> {
      GenericKubernetesResource r = Serialization.unmarshal(manifest.apply(name),
          GenericKubernetesResource.class);
      r.getMetadata().setNamespace(namespace);
      client.genericKubernetesResources(API_VERSION, kind).inNamespace(namespace).resource(r)
          .create();
      applied.put(name, Instant.now());
    });
    System.out.printf("applied %d %s objects%n", applied.size(), kind);
    return applied;
  }

  private Map<String, Instant> delete(String kind, Set<String> names) throws Exception {
    Map<String, Instant> deleted = new ConcurrentHashMap<>();
    forEach(names, name -> {
      client.genericKubernetesResources(API_VERSION, kind).inNamespace(namespace).withName(name)
          .delete();
      deleted.put(name, Instant.now());
    });
    System.out.printf("deleted %d %s objects%n", deleted.size(), kind);
    return deleted;
  }

  private static void forEach(Set<String> names, java.util.function.Consumer<String> action)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String name : names) {
        futures.add(pool.submit(() -> action.accept(name)));
      }
      for (Future<?> f : futures) {
        f.get(10, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void startOperator(Map<String, String> extra) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
    env.put("AWS_CONFIG_FILE", "/dev/null");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    env.put("UBA_WATCH_NAMESPACES", namespace);
    env.put("UBA_LOG_LEVEL", "WARN");
    env.put("JAVA_TOOL_OPTIONS", "-Daws.cborEnabled=false -Xmx" + options.heap
        + " -Djava.io.tmpdir=target");
    if (options.poll != null) {
      env.put("UBA_POLL_INTERVAL", options.poll.toSeconds() + "s");
    }
    env.put("UBA_AWS_QUOTA_SHARE", Double.toString(options.share()));
    env.putAll(extra);
    operatorStarts++;
    operator = OperatorProcess.start(kube, "benchmark-" + options.scenario + "-" + operatorStarts,
        List.of("java", "-jar", "target/uba-operator.jar"), env);
    operator.awaitReady(Duration.ofSeconds(120));
    System.out.printf("operator running (pid %d) with %s%n", operator.pid(), extra.isEmpty()
        ? "the default resync" : extra);
  }

  private void stopOperator() {
    if (operator != null) {
      operator.stop(Duration.ofSeconds(30));
      operator = null;
    }
  }

  private void close() {
    stopOperator();
    client.close();
    aws.close();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The command line. */
  /**
   * @param settle how long the restarted operator runs before the steady-state window (null: two
   *     resync intervals)
   * @param share the operator's UBA_AWS_QUOTA_SHARE (the operator's default, 0.5, unless given)
   */
  record Options(String scenario, int n, Duration resync, Duration window, Duration timeout,
      Duration poll, String heap, double share, Duration settle) {

    private static final Map<String, Integer> DEFAULT_N =
        Map.of("pipelines", 300, "alerts", 150, "faults", 50, "memory", 10_000);

    static Options parse(String[] args) {
      if (args.length == 0 || !DEFAULT_N.containsKey(args[0])) {
        throw new IllegalArgumentException("usage: Benchmark pipelines|alerts|faults|memory [N]"
            + " [--resync=20s] [--window=60s] [--settle=40s] [--timeout=15m] [--poll=15s] [--heap=1g] [--share=0.5]");
      }
      String scenario = args[0];
      int n = DEFAULT_N.get(scenario);
      Duration resync = Duration.ofSeconds(20);
      Duration window = Duration.ofSeconds(60);
      Duration timeout = Duration.ofMinutes(15);
      Duration poll = null;
      String heap = "1g";
      double share = 0.5;
      Duration settle = null;
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        if (a.matches("\\d+")) {
          n = Integer.parseInt(a);
        } else if (a.startsWith("--resync=")) {
          resync = duration(a);
        } else if (a.startsWith("--window=")) {
          window = duration(a);
        } else if (a.startsWith("--timeout=")) {
          timeout = duration(a);
        } else if (a.startsWith("--poll=")) {
          poll = duration(a);
        } else if (a.startsWith("--heap=")) {
          heap = a.substring("--heap=".length());
        } else if (a.startsWith("--settle=")) {
          settle = duration(a);
        } else if (a.startsWith("--share=")) {
          share = Double.parseDouble(a.substring("--share=".length()));
        } else {
          throw new IllegalArgumentException("unknown argument " + a);
        }
      }
      return new Options(scenario, n, resync, window, timeout, poll, heap, share, settle);
    }

    private static Duration duration(String arg) {
      String v = arg.substring(arg.indexOf('=') + 1).trim().toLowerCase(Locale.ROOT);
      long amount = Long.parseLong(v.replaceAll("[a-z]+$", ""));
      return switch (v.replaceAll("^\\d+", "")) {
        case "s", "" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> throw new IllegalArgumentException("not a duration: " + arg);
      };
    }

    @Override
    public String toString() {
      return "resync " + resync.toSeconds() + " s, window " + window.toSeconds() + " s, timeout "
          + timeout.toMinutes() + " min, heap " + heap
          + (poll == null ? "" : ", poll " + poll.toSeconds() + " s");
    }
  }
}
