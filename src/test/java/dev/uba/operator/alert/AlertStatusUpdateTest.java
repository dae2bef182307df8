package dev.uba.operator.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.engine.EventSink;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertStatusUpdateTest {
  /** Events as "type reason: message". */
  private final List<String> recorded = new ArrayList<>();
  private final EventSink events = new EventSink() {
    @Override
    public void normal(String reason, String message) {
      recorded.add("Normal " + reason + ": " + message);
    }

    @Override
    public void warning(String reason, String message) {
      recorded.add("Warning " + reason + ": " + message);
    }
  };

  private static AnomalyAlertStatus.AlarmStatus state(String state, String reason) {
    AnomalyAlertStatus.AlarmStatus s = new AnomalyAlertStatus.AlarmStatus();
    s.setName("analytics-traffic-drop");
    s.setState(state);
    s.setStateReason(reason);
    return s;
  }

  @Test
  void aChangeToAlarmIsAWarning() {
    AlertStatusUpdate.recordStateChange("OK", state("ALARM", "Threshold Crossed"), events);
    assertThat(recorded).containsExactly(
        "Warning AlarmStateChanged: CloudWatch alarm analytics-traffic-drop is ALARM (was OK): Threshold Crossed");
  }

  @Test
  void aChangeBackToOkIsNormal() {
    AlertStatusUpdate.recordStateChange("ALARM", state("OK", null), events);
    assertThat(recorded).containsExactly("Normal AlarmStateChanged: CloudWatch alarm analytics-traffic-drop is OK (was ALARM)");
  }

  @Test
  void noChangeNoEvent() {
    AlertStatusUpdate.recordStateChange("OK", state("OK", "x"), events);
    AlertStatusUpdate.recordStateChange("ALARM", state("ALARM", "x"), events);
    assertThat(recorded).isEmpty();
  }

  @Test
  void theFirstStateSeenIsAnEventOnlyWhenItIsAlarm() {
    AlertStatusUpdate.recordStateChange(null, state("INSUFFICIENT_DATA", "new"), events);
    AlertStatusUpdate.recordStateChange(null, state("OK", "new"), events);
    assertThat(recorded).isEmpty();
    AlertStatusUpdate.recordStateChange(null, state("ALARM", "firing"), events);
    assertThat(recorded).singleElement().asString().startsWith("Warning AlarmStateChanged");
  }
}
