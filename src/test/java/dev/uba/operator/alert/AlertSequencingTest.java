package dev.uba.operator.alert;

import static dev.uba.operator.alert.Alerts.TOPIC_ARN;
import static dev.uba.operator.alert.Alerts.alert;
import static dev.uba.operator.alert.Alerts.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.LogMetricFilterSpec;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The alert's workflow on in-memory resources, through the reconciler's own passes, no server:
 * creation order, waiting, a failure in the middle, removed blocks, reverse deletion, a restart.
 */
class AlertSequencingTest {
  private static final String NAME = "analytics-traffic-drop";
  private static final OperatorConfig CONFIG = new OperatorConfig("us-east-1", Set.of(), Duration.ofMinutes(10),
      Duration.ofSeconds(15), 10, -1);

  private FakeAlertAws fake = new FakeAlertAws();
  private final List<String> events = new ArrayList<>();
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

  /** Everything the alert can have: a log metric filter into an owned log group, a rule, a subscription. */
  private static AnomalyAlertSpec everything() {
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

  /** One forward pass, as the operator makes it: status read from the object, written back. */
  private List<Outcome> pass(AnomalyAlertReconciler reconciler, AnomalyAlert alert) {
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    List<Outcome> outcomes = reconciler.converge(alert, status, null, sink);
    alert.setStatus(status);
    return outcomes;
  }

  private List<Outcome> pass(AnomalyAlert alert) {
    return pass(reconciler(), alert);
  }

  /** One deletion pass: empty once AWS no longer returns anything the alert owned. */
  private Optional<List<Outcome>> deletion(AnomalyAlert alert) {
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    Optional<List<Outcome>> remaining = reconciler().delete(alert, status, null, sink);
    alert.setStatus(status);
    return remaining;
  }

  private AnomalyAlertReconciler reconciler() {
    return new AnomalyAlertReconciler(CONFIG, fake, Clock.systemUTC());
  }

  private static List<String> kinds(AnomalyAlert alert) {
    return alert.getStatus().getResources().stream().map(ResourceStatus::getKind).toList();
  }

  @Test
  void createsInDependencyOrderAndIsReadyInOnePass() {
    AnomalyAlert alert = alert(everything());
    List<Outcome> outcomes = pass(alert);

    assertThat(fake.aws.writes()).containsExactly("create LogGroup /uba/model-serving", "create MetricFilter " + NAME,
        "create SnsTopic " + NAME, "create SnsSubscriptions " + NAME, "create CloudWatchAlarm " + NAME,
        "create EventRule " + NAME + "-state");
    assertThat(outcomes).allSatisfy(o -> assertThat(o.isReady()).isTrue());
    assertThat(kinds(alert)).containsExactly("LogGroup", "MetricFilter", "SnsTopic", "SnsSubscription",
        "CloudWatchAlarm", "EventRule");
    AnomalyAlertStatus status = alert.getStatus();
    assertThat(status.getLogGroup().getManaged()).isTrue();
    assertThat(status.getMetricFilter().getName()).isEqualTo(NAME);
    assertThat(status.getTopic().getArn()).isEqualTo(TOPIC_ARN);
    assertThat(status.getSubscriptions()).singleElement()
        .satisfies(s -> assertThat(s.getEndpoint()).isEqualTo("oncall@example.com"));
    assertThat(status.getAlarm().getState()).isEqualTo("OK");
    assertThat(status.getAlarm().getDatapointsToAlarm()).isEqualTo(3);
    assertThat(status.getEventRule().getName()).isEqualTo(NAME + "-state");
    assertThat(status.getRegion()).isEqualTo("us-east-1");

    fake.aws.clearJournal();
    pass(alert);
    assertThat(fake.aws.writes()).as("a converged alert makes no write").isEmpty();
  }

  @Test
  void whatNeedsTheTopicWaitsUntilItExists() {
    fake = new FakeAlertAws(false);
    AnomalyAlert alert = alert(everything());
    List<Outcome> outcomes = pass(alert);

    assertThat(fake.aws.writes()).containsExactly("create LogGroup /uba/model-serving", "create MetricFilter " + NAME,
        "create SnsTopic " + NAME);
    // subscriptions follow their topic silently; the alarm and the rule say what they wait for
    assertThat(kinds(alert)).containsExactly("LogGroup", "MetricFilter", "SnsTopic", "CloudWatchAlarm", "EventRule");
    assertThat(alert.getStatus().getResources()).filteredOn(r -> r.getKind().equals("CloudWatchAlarm"))
        .singleElement().satisfies(r -> assertThat(r.getMessage()).isEqualTo("waiting for SnsTopic " + TOPIC_ARN));
    assertThat(outcomes).extracting(Outcome::reason)
        .containsExactly(Reasons.READY, Reasons.READY, Reasons.CREATING, Reasons.WAITING, Reasons.WAITING);

    fake.aws.settleAll();
    fake.aws.clearJournal();
    pass(alert);
    assertThat(fake.aws.writes()).containsExactly("create SnsSubscriptions " + NAME, "create CloudWatchAlarm " + NAME,
        "create EventRule " + NAME + "-state");
  }

  @Test
  void aFailureInTheMiddleHoldsUpOnlyWhatDependsOnIt() {
    fake.topic.failNext("create", "AuthorizationError", 403);
    AnomalyAlert alert = alert(everything());
    List<Outcome> outcomes = pass(alert);

    assertThat(fake.aws.writes()).containsExactly("create LogGroup /uba/model-serving", "create MetricFilter " + NAME,
        "create SnsTopic " + NAME);
    assertThat(outcomes).extracting(Outcome::reason).containsExactly(Reasons.READY, Reasons.READY,
        Reasons.ACCESS_DENIED, Reasons.WAITING, Reasons.WAITING);
    assertThat(alert.getStatus().getTopic()).isNull();
    assertThat(alert.getStatus().getAlarm()).isNull();

    fake.aws.clearJournal();
    pass(alert);
    assertThat(fake.aws.writes()).as("what exists is not created again").containsExactly("create SnsTopic " + NAME,
        "create SnsSubscriptions " + NAME, "create CloudWatchAlarm " + NAME, "create EventRule " + NAME + "-state");
  }

  @Test
  void deletionRunsInReverseOrderEachOnceTheOneBeforeIsGone() {
    AnomalyAlert alert = alert(everything());
    pass(alert);
    fake.aws.clearJournal();
    // deletes here finish asynchronously: each pass ends at the resource AWS is still deleting
    List<Optional<List<Outcome>>> passes = new ArrayList<>();
    for (int i = 0; i < 10 && (passes.isEmpty() || passes.get(passes.size() - 1).isPresent()); i++) {
      passes.add(deletion(alert));
      fake.aws.settleAll();
    }

    assertThat(fake.aws.writes()).containsExactly("delete EventRule " + NAME + "-state",
        "delete CloudWatchAlarm " + NAME, "update SnsSubscriptions " + NAME, "delete SnsTopic " + NAME,
        "delete MetricFilter " + NAME, "delete LogGroup /uba/model-serving");
    assertThat(passes.get(passes.size() - 1)).as("finished: the finalizer may go").isEmpty();
    assertThat(passes.get(0).orElseThrow()).extracting(Outcome::reason).containsExactly(Reasons.DELETING);
    assertThat(fake.subscriptions.held(NAME).orElseThrow().desired().wanted()).as("unsubscribed").isEmpty();
  }

  @Test
  void anExistingTopicAndLogGroupAreOnlyLookedUpNeverWrittenOrDeleted() {
    AnomalyAlertSpec spec = everything();
    spec.getLogMetricFilter().setCreateLogGroup(false);
    String existing = "arn:aws:sns:us-east-1:123456789012:oncall";
    spec.getNotification().setTopicArn(existing);
    AnomalyAlert alert = alert(spec);
    List<Outcome> outcomes = pass(alert);

    assertThat(fake.aws.writes()).as("the log group and the topic do not exist yet").isEmpty();
    assertThat(outcomes).extracting(Outcome::reason).containsOnly(Reasons.WAITING);
    assertThat(alert.getStatus().getResources()).filteredOn(r -> r.getKind().equals("MetricFilter")).singleElement()
        .satisfies(r -> assertThat(r.getMessage()).isEqualTo("waiting for LogGroup /uba/model-serving"));

    fake.logGroup.place("/uba/model-serving", LogGroupDesired.used("/uba/model-serving"), Map.of("owner", "platform"));
    fake.topic.place("oncall", dev.uba.operator.aws.sns.TopicDesired.existing(existing), Map.of("owner", "platform"));
    pass(alert);
    assertThat(fake.aws.writes()).containsExactly("create MetricFilter " + NAME, "create SnsSubscriptions oncall",
        "create CloudWatchAlarm " + NAME, "create EventRule " + NAME + "-state");
    assertThat(alert.getStatus().getLogGroup().getManaged()).isFalse();
    assertThat(alert.getStatus().getTopic().getManaged()).isFalse();

    fake.aws.clearJournal();
    while (deletion(alert).isPresent()) {
      fake.aws.settleAll();
    }
    assertThat(fake.aws.writes()).containsExactly("delete EventRule " + NAME + "-state",
        "delete CloudWatchAlarm " + NAME, "update SnsSubscriptions oncall", "delete MetricFilter " + NAME);
    assertThat(fake.topic.exists("oncall")).isTrue();
    assertThat(fake.logGroup.exists("/uba/model-serving")).isTrue();
  }

  @Test
  void aRemovedLogMetricFilterIsDeletedFilterFirstThenTheLogGroupItCreated() {
    AnomalyAlert alert = alert(everything());
    pass(alert);
    alert.getSpec().setLogMetricFilter(null);
    fake.aws.clearJournal();

    pass(alert);
    assertThat(fake.aws.writes()).containsExactly("delete MetricFilter " + NAME);
    assertThat(alert.getStatus().getMetricFilter()).as("until AWS no longer returns it").isNotNull();
    fake.aws.settleAll();
    pass(alert);
    fake.aws.settleAll();
    pass(alert);
    assertThat(fake.aws.writes()).containsExactly("delete MetricFilter " + NAME, "delete LogGroup /uba/model-serving");
    assertThat(alert.getStatus().getMetricFilter()).isNull();
    assertThat(alert.getStatus().getLogGroup()).isNull();
    assertThat(kinds(alert)).containsExactly("SnsTopic", "SnsSubscription", "CloudWatchAlarm", "EventRule");
  }

  @Test
  void withRetainARemovedBlockIsReleasedNotDeleted() {
    AnomalyAlertSpec spec = everything();
    spec.setDeletionPolicy(DeletionPolicy.Retain);
    AnomalyAlert alert = alert(spec);
    pass(alert);
    alert.getSpec().setLogMetricFilter(null);
    alert.getSpec().setStateChangeEvents(false);
    fake.aws.clearJournal();
    events.clear();

    pass(alert);
    // nothing is deleted; only the topic's policy stops letting the released rule publish
    assertThat(fake.aws.writes()).containsExactly("update SnsTopic " + NAME);
    assertThat(events).filteredOn(e -> e.startsWith("Released")).containsExactly(
        "Released: EventRule " + NAME + "-state is no longer in the spec; with deletionPolicy Retain it is left in place",
        "Released: MetricFilter " + NAME + " is no longer in the spec; with deletionPolicy Retain it is left in place",
        "Released: LogGroup /uba/model-serving is no longer in the spec; with deletionPolicy Retain it is left in place");
    assertThat(alert.getStatus().getEventRule()).isNull();
    assertThat(alert.getStatus().getMetricFilter()).isNull();
    assertThat(alert.getStatus().getLogGroup()).isNull();
    assertThat(fake.rule.exists(NAME + "-state")).isTrue();
  }

  @Test
  void turningStateChangeEventsOffDeletesTheRule() {
    AnomalyAlert alert = alert(everything());
    pass(alert);
    alert.getSpec().setStateChangeEvents(false);
    fake.aws.clearJournal();

    pass(alert);
    // the topic's policy no longer lets EventBridge publish, then the rule goes
    assertThat(fake.aws.writes()).containsExactly("update SnsTopic " + NAME, "delete EventRule " + NAME + "-state");
    fake.aws.settleAll();
    pass(alert);
    assertThat(alert.getStatus().getEventRule()).isNull();
    assertThat(fake.rule.exists(NAME + "-state")).isFalse();
  }

  @Test
  void aPassAfterARestartTakesUpWhereAwsIsAndCreatesNothingTwice() {
    AnomalyAlert alert = alert(everything());
    fake.alarm.failNext("create", "Throttling", 400);
    pass(alert);
    fake.aws.clearJournal();

    // a new reconciler, as after a restart, knows only what AWS and the object's status say
    pass(reconciler(), alert);
    assertThat(fake.aws.writes()).containsExactly("create CloudWatchAlarm " + NAME);

    // ... even when the status of the last pass was never written
    fake.aws.clearJournal();
    AnomalyAlert lostStatus = alert(everything());
    List<Outcome> outcomes = pass(reconciler(), lostStatus);
    assertThat(fake.aws.writes()).isEmpty();
    assertThat(outcomes).allSatisfy(o -> assertThat(o.isReady()).isTrue());
    assertThat(kinds(lostStatus)).isEqualTo(kinds(alert));
  }
}
