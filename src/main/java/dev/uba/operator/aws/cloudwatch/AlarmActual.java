package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.engine.Observed;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** A metric alarm as DescribeAlarms reports it, with its tags from ListTagsForResource. */
public record AlarmActual(MetricAlarm alarm, Map<String, String> tags) implements Observed {

  public String name() {
    return alarm.alarmName();
  }

  public String arn() {
    return alarm.alarmArn();
  }

  /** OK, ALARM or INSUFFICIENT_DATA. */
  public String state() {
    return alarm.stateValueAsString();
  }

  /** Why CloudWatch put the alarm in its state, in CloudWatch's words. */
  public String stateReason() {
    return alarm.stateReason();
  }

  /** When the state last changed, RFC 3339; null when CloudWatch does not say. */
  public String stateUpdatedTimestamp() {
    return alarm.stateUpdatedTimestamp() == null ? null : alarm.stateUpdatedTimestamp().toString();
  }
}
