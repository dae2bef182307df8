package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.UbaPipelineStatus.DataFlowStatus;
import dev.uba.operator.aws.cloudwatch.DeliveryMetrics.Reading;
import dev.uba.operator.engine.StatusDerivation;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Whether events reach their destination, from what CloudWatch measured (pure): the DataFlowing
 * condition of the contract. It says nothing about whether the AWS resources are as declared; Ready
 * and the phase say that.
 */
final class DataFlow {
  static final String CONDITION = StatusDerivation.DATA_FLOWING;
  static final Duration WINDOW = Duration.ofMinutes(15);
  static final double MIN_SUCCESS = 0.99;
  static final long MAX_FRESHNESS_SECONDS = 900;

  /** The condition's status ("True", "False", "Unknown"), reason and message. */
  record Verdict(String status, String reason, String message) {}

  private DataFlow() {}

  static DataFlowStatus status(Reading r, Instant checked) {
    DataFlowStatus s = new DataFlowStatus();
    s.setWindowMinutes((int) WINDOW.toMinutes());
    s.setIncomingRecords(r.incomingRecords());
    s.setDeliveredRecords(r.deliveredRecords());
    s.setDeliverySuccess(r.deliverySuccess() == null ? null : String.format(Locale.ROOT, "%.2f", r.deliverySuccess()));
    s.setFreshnessSeconds(r.freshnessSeconds() == null ? null : Math.round(r.freshnessSeconds()));
    s.setCheckedTime(checked.toString());
    return s;
  }

  /** NotMeasured > NoIncomingRecords > DeliveryFailing > DeliveryLagging > Flowing. */
  static Verdict verdict(Reading r, String stream, String destination) {
    String window = "in the last " + WINDOW.toMinutes() + " minutes";
    if (r.measuredNothing()) {
      return new Verdict("Unknown", "NotMeasured", "CloudWatch has no datapoint " + window + " yet");
    }
    long incoming = r.incomingRecords() == null ? 0 : r.incomingRecords();
    long delivered = r.deliveredRecords() == null ? 0 : r.deliveredRecords();
    if (incoming == 0) {
      return new Verdict("False", "NoIncomingRecords", "no record was put on Kinesis stream " + stream + " " + window);
    }
    String figures = incoming + " records came in and " + delivered + " were delivered to " + destination + " " + window;
    if (delivered == 0 || (r.deliverySuccess() != null && r.deliverySuccess() < MIN_SUCCESS)) {
      return new Verdict("False", "DeliveryFailing", figures + (r.deliverySuccess() == null ? ""
          : String.format(Locale.ROOT, ", delivery success %.2f (below %.2f)", r.deliverySuccess(), MIN_SUCCESS)));
    }
    if (r.freshnessSeconds() != null && r.freshnessSeconds() > MAX_FRESHNESS_SECONDS) {
      return new Verdict("False", "DeliveryLagging", figures + "; the oldest record waiting is "
          + Math.round(r.freshnessSeconds()) + " s old (more than " + MAX_FRESHNESS_SECONDS + " s)");
    }
    return new Verdict("True", "Flowing", figures + (r.deliverySuccess() == null ? ""
        : String.format(Locale.ROOT, ", success %.2f", r.deliverySuccess()))
        + (r.freshnessSeconds() == null ? "" : ", freshness " + Math.round(r.freshnessSeconds()) + " s"));
  }
}
