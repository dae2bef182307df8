package dev.uba.operator.alert;

import static dev.uba.operator.alert.AlertPasses.NAME;
import static dev.uba.operator.alert.AlertPasses.everything;
import static dev.uba.operator.alert.AlertPasses.kinds;
import static dev.uba.operator.alert.Alerts.TOPIC_ARN;
import static dev.uba.operator.alert.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The alert's workflow on in-memory resources, through the reconciler's own passes, no server:
 * creation order, waiting on the topic, a failure in the middle, a pass after a restart.
 */
class AlertSequencingTest {
  private AlertPasses alerts = new AlertPasses(new FakeAlertAws());

  @Test
  void createsInDependencyOrderAndIsReadyInOnePass() {
    AnomalyAlert alert = alert(everything());
    List<Outcome> outcomes = alerts.pass(alert);

    assertThat(alerts.writes()).containsExactly("create LogGroup /uba/model-serving", "create MetricFilter " + NAME,
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

    alerts.clearJournal();
    alerts.pass(alert);
    assertThat(alerts.writes()).as("a converged alert makes no write").isEmpty();
  }

  @Test
  void whatNeedsTheTopicWaitsUntilItExists() {
    alerts = new AlertPasses(new FakeAlertAws(false));
    AnomalyAlert alert = alert(everything());
    List<Outcome> outcomes = alerts.pass(alert);

    assertThat(alerts.writes()).containsExactly("create LogGroup /uba/model-serving", "create MetricFilter " + NAME,
        "create SnsTopic " + NAME);
    // subscriptions follow their topic silently; the alarm and the rule say what they wait for
    assertThat(kinds(alert)).containsExactly("LogGroup", "MetricFilter", "SnsTopic", "CloudWatchAlarm", "EventRule");
    assertThat(alert.getStatus().getResources()).filteredOn(r -> r.getKind().equals("CloudWatchAlarm"))
        .singleElement().satisfies(r -> assertThat(r.getMessage()).isEqualTo("waiting for SnsTopic " + TOPIC_ARN));
    assertThat(outcomes).extracting(Outcome::reason)
        .containsExactly(Reasons.READY, Reasons.READY, Reasons.CREATING, Reasons.WAITING, Reasons.WAITING);

    alerts.settleAll();
    alerts.clearJournal();
    alerts.pass(alert);
    assertThat(alerts.writes()).containsExactly("create SnsSubscriptions " + NAME, "create CloudWatchAlarm " + NAME,
        "create EventRule " + NAME + "-state");
  }

  @Test
  void anExistingTopicIsUsedOnlyWhenItsTagGrantsTheNamespace() {
    FakeAlertAws aws = new FakeAlertAws();
    alerts = new AlertPasses(aws);
    String theirs = "arn:aws:sns:us-east-1:123456789012:platform-oncall";
    aws.topic.place("platform-oncall", TopicDesired.existing(theirs), Map.of("owner", "platform",
        TopicAccess.ALLOW_TAG, "billing, search"));
    AnomalyAlertSpec spec = Alerts.threshold();
    spec.getNotification().setTopicArn(theirs);
    AnomalyAlert alert = alert(spec);

    List<Outcome> outcomes = alerts.pass(alert);
    assertThat(alerts.writes()).as("nothing subscribed, no alarm or rule aimed at the topic").isEmpty();
    assertThat(outcomes).filteredOn(Outcome::isDegraded).singleElement().satisfies(o -> {
      assertThat(o.reason()).isEqualTo(Reasons.ACCESS_DENIED);
      assertThat(o.message()).contains(theirs, TopicAccess.ALLOW_TAG, "analytics");
    });

    aws.topic.place("platform-oncall", TopicDesired.existing(theirs), Map.of(TopicAccess.ALLOW_TAG, "billing,analytics"));
    outcomes = alerts.pass(alert);
    assertThat(outcomes).allMatch(Outcome::isReady);
    assertThat(alerts.writes()).containsExactly("create SnsSubscriptions platform-oncall",
        "create CloudWatchAlarm " + NAME);
    assertThat(alert.getStatus().getTopic().getArn()).isEqualTo(theirs);
    assertThat(alert.getStatus().getTopic().getManaged()).isFalse();
  }

  @Test
  void aFailureInTheMiddleHoldsUpOnlyWhatDependsOnIt() {
    alerts.fake.topic.failNext("create", "AuthorizationError", 403);
    AnomalyAlert alert = alert(everything());
    List<Outcome> outcomes = alerts.pass(alert);

    assertThat(alerts.writes()).containsExactly("create LogGroup /uba/model-serving", "create MetricFilter " + NAME,
        "create SnsTopic " + NAME);
    assertThat(outcomes).extracting(Outcome::reason).containsExactly(Reasons.READY, Reasons.READY,
        Reasons.ACCESS_DENIED, Reasons.WAITING, Reasons.WAITING);
    assertThat(alert.getStatus().getTopic()).isNull();
    assertThat(alert.getStatus().getAlarm()).isNull();

    alerts.clearJournal();
    alerts.pass(alert);
    assertThat(alerts.writes()).as("what exists is not created again").containsExactly("create SnsTopic " + NAME,
        "create SnsSubscriptions " + NAME, "create CloudWatchAlarm " + NAME, "create EventRule " + NAME + "-state");
  }

  @Test
  void aPassAfterARestartTakesUpWhereAwsIsAndCreatesNothingTwice() {
    AnomalyAlert alert = alert(everything());
    alerts.fake.alarm.failNext("create", "Throttling", 400);
    alerts.pass(alert);
    alerts.clearJournal();

    // a new reconciler, as after a restart, knows only what AWS and the object's status say
    alerts.pass(alerts.reconciler(), alert);
    assertThat(alerts.writes()).containsExactly("create CloudWatchAlarm " + NAME);

    // ... even when the status of the last pass was never written
    alerts.clearJournal();
    AnomalyAlert lostStatus = alert(everything());
    List<Outcome> outcomes = alerts.pass(alerts.reconciler(), lostStatus);
    assertThat(alerts.writes()).isEmpty();
    assertThat(outcomes).allSatisfy(o -> assertThat(o.isReady()).isTrue());
    assertThat(kinds(lostStatus)).isEqualTo(kinds(alert));
  }

  @Test
  void aPassThatCannotReadItsResourcesKeepsWhatStatusRecordedAndTheNextPassConverges() {
    AnomalyAlert alert = alert(everything());
    alerts.pass(alert);
    AnomalyAlertStatus before = alert.getStatus();
    String logGroup = before.getLogGroup().getArn();
    String rule = before.getEventRule().getArn();

    // the roots first (what depends on them is not read either), then the alarm and the rule
    alerts.fake.logGroup.failNext("observe", "ThrottlingException", 400);
    alerts.fake.topic.failNext("observe", "Throttling", 400);
    assertThat(alerts.pass(alert)).extracting(Outcome::reason).contains(Reasons.THROTTLED);
    alerts.fake.rule.failNext("observe", "ThrottlingException", 400);
    alerts.fake.alarm.failNext("observe", "Throttling", 400);
    assertThat(alerts.pass(alert)).extracting(Outcome::reason).contains(Reasons.THROTTLED);

    AnomalyAlertStatus status = alert.getStatus();
    assertThat(status.getLogGroup()).as("the log group it created, still recorded").isNotNull()
        .satisfies(g -> assertThat(g.getManaged()).isTrue())
        .satisfies(g -> assertThat(g.getArn()).isEqualTo(logGroup));
    assertThat(status.getMetricFilter().getName()).isEqualTo(NAME);
    assertThat(status.getTopic().getArn()).isEqualTo(TOPIC_ARN);
    assertThat(status.getAlarm().getState()).as("the alarm's last state read").isEqualTo("OK");
    assertThat(status.getEventRule().getArn()).isEqualTo(rule);

    alerts.clearJournal();
    List<Outcome> next = alerts.pass(alert);
    assertThat(next).as("no ImmutableField from a record lost to throttling")
        .allSatisfy(o -> assertThat(o.isReady()).isTrue());
    assertThat(alerts.writes()).isEmpty();
  }
}
