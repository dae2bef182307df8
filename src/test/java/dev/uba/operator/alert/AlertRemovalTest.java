package dev.uba.operator.alert;

import static dev.uba.operator.alert.AlertPasses.NAME;
import static dev.uba.operator.alert.AlertPasses.everything;
import static dev.uba.operator.alert.AlertPasses.kinds;
import static dev.uba.operator.alert.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Removing what an alert has, on in-memory resources through the reconciler's own passes: deletion
 * in reverse order, what the alert only uses left alone, removed blocks deleted or released.
 */
class AlertRemovalTest {
  private final AlertPasses alerts = new AlertPasses(new FakeAlertAws());

  @Test
  void deletionRunsInReverseOrderEachOnceTheOneBeforeIsGone() {
    AnomalyAlert alert = alert(everything());
    alerts.pass(alert);
    alerts.clearJournal();
    // deletes here finish asynchronously: each pass ends at the resource AWS is still deleting
    List<Optional<List<Outcome>>> passes = new ArrayList<>();
    for (int i = 0; i < 10 && (passes.isEmpty() || passes.get(passes.size() - 1).isPresent()); i++) {
      passes.add(alerts.deletion(alert));
      alerts.settleAll();
    }

    assertThat(alerts.writes()).containsExactly("delete EventRule " + NAME + "-state",
        "delete CloudWatchAlarm " + NAME, "update SnsSubscriptions " + NAME, "delete SnsTopic " + NAME,
        "delete MetricFilter " + NAME, "delete LogGroup /uba/model-serving");
    assertThat(passes.get(passes.size() - 1)).as("finished: the finalizer may go").isEmpty();
    assertThat(passes.get(0).orElseThrow()).extracting(Outcome::reason).containsExactly(Reasons.DELETING);
    assertThat(alerts.fake.subscriptions.held(NAME).orElseThrow().desired().wanted()).as("unsubscribed").isEmpty();
  }

  @Test
  void anExistingTopicAndLogGroupAreOnlyLookedUpNeverWrittenOrDeleted() {
    AnomalyAlertSpec spec = everything();
    spec.getLogMetricFilter().setCreateLogGroup(false);
    String existing = "arn:aws:sns:us-east-1:123456789012:oncall";
    spec.getNotification().setTopicArn(existing);
    AnomalyAlert alert = alert(spec);
    List<Outcome> outcomes = alerts.pass(alert);

    assertThat(alerts.writes()).as("the log group and the topic do not exist yet").isEmpty();
    assertThat(outcomes).extracting(Outcome::reason).containsOnly(Reasons.WAITING);
    assertThat(alert.getStatus().getResources()).filteredOn(r -> r.getKind().equals("MetricFilter")).singleElement()
        .satisfies(r -> assertThat(r.getMessage()).isEqualTo("waiting for LogGroup /uba/model-serving"));

    alerts.fake.logGroup.place("/uba/model-serving", LogGroupDesired.used("/uba/model-serving"),
        Map.of("owner", "platform"));
    alerts.fake.topic.place("oncall", TopicDesired.existing(existing), Map.of("owner", "platform",
        "uba.dev/allow-namespaces", "analytics"));
    alerts.pass(alert);
    assertThat(alerts.writes()).containsExactly("create MetricFilter " + NAME, "create SnsSubscriptions oncall",
        "create CloudWatchAlarm " + NAME, "create EventRule " + NAME + "-state");
    assertThat(alert.getStatus().getLogGroup().getManaged()).isFalse();
    assertThat(alert.getStatus().getTopic().getManaged()).isFalse();

    alerts.clearJournal();
    while (alerts.deletion(alert).isPresent()) {
      alerts.settleAll();
    }
    assertThat(alerts.writes()).containsExactly("delete EventRule " + NAME + "-state",
        "delete CloudWatchAlarm " + NAME, "update SnsSubscriptions oncall", "delete MetricFilter " + NAME);
    assertThat(alerts.fake.topic.exists("oncall")).isTrue();
    assertThat(alerts.fake.logGroup.exists("/uba/model-serving")).isTrue();
  }

  @Test
  void aRemovedLogMetricFilterIsDeletedFilterFirstThenTheLogGroupItCreated() {
    AnomalyAlert alert = alert(everything());
    alerts.pass(alert);
    alert.getSpec().setLogMetricFilter(null);
    alerts.clearJournal();

    alerts.pass(alert);
    assertThat(alerts.writes()).containsExactly("delete MetricFilter " + NAME);
    assertThat(alert.getStatus().getMetricFilter()).as("until AWS no longer returns it").isNotNull();
    alerts.settleAll();
    alerts.pass(alert);
    alerts.settleAll();
    alerts.pass(alert);
    assertThat(alerts.writes()).containsExactly("delete MetricFilter " + NAME, "delete LogGroup /uba/model-serving");
    assertThat(alert.getStatus().getMetricFilter()).isNull();
    assertThat(alert.getStatus().getLogGroup()).isNull();
    assertThat(kinds(alert)).containsExactly("SnsTopic", "SnsSubscription", "CloudWatchAlarm", "EventRule");
  }

  @Test
  void withRetainARemovedBlockIsReleasedNotDeleted() {
    AnomalyAlertSpec spec = everything();
    spec.setDeletionPolicy(DeletionPolicy.Retain);
    AnomalyAlert alert = alert(spec);
    alerts.pass(alert);
    alert.getSpec().setLogMetricFilter(null);
    alert.getSpec().setStateChangeEvents(false);
    alerts.clearJournal();
    alerts.events.clear();

    alerts.pass(alert);
    // nothing is deleted; only the topic's policy stops letting the released rule publish
    assertThat(alerts.writes()).containsExactly("update SnsTopic " + NAME);
    String leftInPlace = " is no longer in the spec; with deletionPolicy Retain it is left in place";
    assertThat(alerts.events).filteredOn(e -> e.startsWith("Released")).containsExactly(
        "Released: EventRule " + NAME + "-state" + leftInPlace, "Released: MetricFilter " + NAME + leftInPlace,
        "Released: LogGroup /uba/model-serving" + leftInPlace);
    assertThat(alert.getStatus().getEventRule()).isNull();
    assertThat(alert.getStatus().getMetricFilter()).isNull();
    assertThat(alert.getStatus().getLogGroup()).isNull();
    assertThat(alerts.fake.rule.exists(NAME + "-state")).isTrue();
  }

  @Test
  void turningStateChangeEventsOffDeletesTheRule() {
    AnomalyAlert alert = alert(everything());
    alerts.pass(alert);
    alert.getSpec().setStateChangeEvents(false);
    alerts.clearJournal();

    alerts.pass(alert);
    // the topic's policy no longer lets EventBridge publish, then the rule goes
    assertThat(alerts.writes()).containsExactly("update SnsTopic " + NAME, "delete EventRule " + NAME + "-state");
    alerts.settleAll();
    alerts.pass(alert);
    assertThat(alert.getStatus().getEventRule()).isNull();
    assertThat(alerts.fake.rule.exists(NAME + "-state")).isFalse();
  }
}
