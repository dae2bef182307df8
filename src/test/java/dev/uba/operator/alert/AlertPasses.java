package dev.uba.operator.alert;

import static dev.uba.operator.alert.Alerts.threshold;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.LogMetricFilterSpec;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's passes over one alert, on in-memory resources: each pass reads status from the
 * object and writes it back, as the framework does, and Events are kept as "reason: message".
 */
final class AlertPasses {
  static final String NAME = "analytics-traffic-drop";
  private static final OperatorConfig CONFIG = new OperatorConfig("us-east-1", Set.of(), Duration.ofMinutes(10),
      Duration.ofSeconds(15), 10, -1);

  final FakeAlertAws fake;
  final List<String> events = new ArrayList<>();
  private final EventSink sink = new EventSink() {
    @Override
    public void normal(String reason, String message) {
      events.add(reason + ": " + message);
    }

    @Override
    public void warning(String reason, String message) {
      events.add(reason + ": " + message);
    }
  };

  AlertPasses(FakeAlertAws fake) {
    this.fake = fake;
  }

  /** Everything the alert can have: a log metric filter into an owned log group, a rule, a subscription. */
  static AnomalyAlertSpec everything() {
    AnomalyAlertSpec spec = threshold();
    spec.getMetric().setNamespace("UBA/ModelServing");
    spec.getMetric().setName("Errors");
    spec.getMetric().setDimensions(Map.of());
    LogMetricFilterSpec logs = new LogMetricFilterSpec();
    logs.setLogGroupName("/uba/model-serving");
    logs.setPattern("ERROR");
    spec.setLogMetricFilter(logs);
    spec.setStateChangeEvents(true);
    return spec;
  }

  /** A reconciler on the fake resources; a new one is what a restarted operator has. */
  AnomalyAlertReconciler reconciler() {
    return new AnomalyAlertReconciler(CONFIG, fake, Clock.systemUTC());
  }

  /** One forward pass. */
  List<Outcome> pass(AnomalyAlertReconciler reconciler, AnomalyAlert alert) {
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    List<Outcome> outcomes = reconciler.converge(alert, status, null, sink);
    alert.setStatus(status);
    return outcomes;
  }

  List<Outcome> pass(AnomalyAlert alert) {
    return pass(reconciler(), alert);
  }

  /** One deletion pass: empty once AWS no longer returns anything the alert owned. */
  Optional<List<Outcome>> deletion(AnomalyAlert alert) {
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    Optional<List<Outcome>> remaining = reconciler().delete(alert, status, null, sink);
    alert.setStatus(status);
    return remaining;
  }

  /** The write calls made so far, in order ("create SnsTopic ..."). */
  List<String> writes() {
    return fake.aws.writes();
  }

  void clearJournal() {
    fake.aws.clearJournal();
  }

  /** AWS finishes what it was doing (creating, deleting). */
  void settleAll() {
    fake.aws.settleAll();
  }

  static List<String> kinds(AnomalyAlert alert) {
    return alert.getStatus().getResources().stream().map(ResourceStatus::getKind).toList();
  }
}
