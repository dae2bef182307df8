package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.aws.cloudwatch.AlarmActual;
import dev.uba.operator.aws.cloudwatch.AlarmDesired;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Step;
import dev.uba.operator.engine.StatusDerivation;
import java.util.Objects;

/**
 * Copies what a pass read of the alarm into status.alarm, and records a Kubernetes Event when the
 * alarm's state changed since the last pass: Warning for ALARM, Normal otherwise. The first state
 * seen is not a change, except ALARM, which is always worth a Warning.
 */
final class AlertStatusUpdate {
  static final String ALARM_STATE_CHANGED = "AlarmStateChanged";
  static final String ALARM = "ALARM";

  private AlertStatusUpdate() {}

  static void alarm(AnomalyAlertStatus status, AlarmDesired desired, Step<AlarmActual> step, EventSink events) {
    if (step.learntNothing()) {
      return; // keep what the last pass that read it recorded
    }
    if (!step.owned()) {
      status.setAlarm(null);
      return;
    }
    AnomalyAlertStatus.AlarmStatus before = status.getAlarm();
    AnomalyAlertStatus.AlarmStatus s = new AnomalyAlertStatus.AlarmStatus();
    s.setName(desired.name());
    s.setArn(desired.arn());
    s.setEvaluationPeriods(desired.evaluationPeriods());
    s.setDatapointsToAlarm(desired.datapointsToAlarm());
    step.actual().ifPresent(a -> {
      s.setArn(a.arn());
      s.setState(a.state());
      s.setStateReason(StatusDerivation.absentIfEmpty(a.stateReason()));
      s.setStateUpdatedTimestamp(a.stateUpdatedTimestamp());
    });
    if (s.getState() == null && before != null) {
      // not read in this pass: keep what was last read
      s.setState(before.getState());
      s.setStateReason(before.getStateReason());
      s.setStateUpdatedTimestamp(before.getStateUpdatedTimestamp());
    }
    status.setAlarm(s);
    recordStateChange(before == null ? null : before.getState(), s, events);
  }

  static void recordStateChange(String previous, AnomalyAlertStatus.AlarmStatus now, EventSink events) {
    String state = now.getState();
    if (state == null || Objects.equals(previous, state) || (previous == null && !ALARM.equals(state))) {
      return;
    }
    String message = "CloudWatch alarm " + now.getName() + " is " + state
        + (previous == null ? "" : " (was " + previous + ")")
        + (now.getStateReason() == null ? "" : ": " + now.getStateReason());
    if (ALARM.equals(state)) {
      events.warning(ALARM_STATE_CHANGED, message);
    } else {
      events.normal(ALARM_STATE_CHANGED, message);
    }
  }
}
