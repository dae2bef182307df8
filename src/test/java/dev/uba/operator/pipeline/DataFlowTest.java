package dev.uba.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.aws.cloudwatch.DeliveryMetrics.Reading;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DataFlowing from what CloudWatch measured, in the contract's order of reasons. */
class DataFlowTest {
  private static DataFlow.Verdict verdict(Long in, Long out, Double success, Double freshness) {
    return DataFlow.verdict(new Reading(in, out, success, freshness), "analytics-clicks", "OpenSearch");
  }

  @Test
  void nothingMeasuredYetIsUnknown() {
    assertThat(verdict(null, null, null, null)).extracting(DataFlow.Verdict::status, DataFlow.Verdict::reason)
        .containsExactly("Unknown", "NotMeasured");
  }

  @Test
  void noRecordsPutOnTheStream() {
    assertThat(verdict(0L, null, null, null).reason()).isEqualTo("NoIncomingRecords");
    assertThat(verdict(null, 10L, 1.0, 30.0).reason()).isEqualTo("NoIncomingRecords");
    assertThat(verdict(0L, null, null, null).message()).contains("analytics-clicks");
  }

  @Test
  void recordsCameInAndNoneOrTooFewWereDelivered() {
    assertThat(verdict(1000L, 0L, null, null)).extracting(DataFlow.Verdict::status, DataFlow.Verdict::reason)
        .containsExactly("False", "DeliveryFailing");
    DataFlow.Verdict lowSuccess = verdict(1000L, 900L, 0.9, 60.0);
    assertThat(lowSuccess.reason()).isEqualTo("DeliveryFailing");
    assertThat(lowSuccess.message()).contains("1000 records came in", "900 were delivered", "0.90");
  }

  @Test
  void deliveredButLate() {
    DataFlow.Verdict late = verdict(1000L, 1000L, 1.0, 1200.0);
    assertThat(late.reason()).isEqualTo("DeliveryLagging");
    assertThat(late.message()).contains("1200 s");
  }

  @Test
  void flowingAtTheThresholds() {
    DataFlow.Verdict ok = verdict(1200L, 1195L, 0.99, 900.0);
    assertThat(ok).extracting(DataFlow.Verdict::status, DataFlow.Verdict::reason).containsExactly("True", "Flowing");
    assertThat(ok.message()).contains("1200 records came in", "1195 were delivered to OpenSearch");
  }

  @Test
  void theStatusCarriesTheFiguresAsTheContractWritesThem() {
    var s = DataFlow.status(new Reading(1200L, 1195L, 1.0, 95.4), Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(s.getWindowMinutes()).isEqualTo(15);
    assertThat(s.getDeliverySuccess()).isEqualTo("1.00");
    assertThat(s.getFreshnessSeconds()).isEqualTo(95L);
    assertThat(s.getCheckedTime()).isEqualTo("2026-01-01T00:00:00Z");
  }
}
