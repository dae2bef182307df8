package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.engine.Difference;
import dev.uba.operator.engine.Drift;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * Differences between the PutMetricAlarm request the spec makes and the alarm CloudWatch reports
 * (pure). Dimensions and actions are compared as sets, since CloudWatch does not keep their order;
 * labels of metric queries are not compared (they only name a line in the console).
 */
public final class AlarmDrift {
  private static final String DEFAULT_MISSING_DATA = "missing";

  private AlarmDrift() {}

  public static Drift of(AlarmDesired desired, AlarmActual actual) {
    PutMetricAlarmRequest want = desired.request();
    MetricAlarm have = actual.alarm();
    Drift.Builder drift = Drift.builder();
    differs(drift, "namespace", want.namespace(), have.namespace());
    differs(drift, "metric name", want.metricName(), have.metricName());
    differs(drift, "dimensions", dimensions(want.dimensions()), dimensions(have.dimensions()));
    differs(drift, "statistic", want.statisticAsString(), have.statisticAsString());
    differs(drift, "period", want.period(), have.period());
    List<String> wantQueries = queries(want.metrics());
    if (!wantQueries.equals(queries(have.metrics()))) {
      // the queries are long: name only what they become
      drift.add(Difference.named("metric queries -> " + String.join(", ", wantQueries), wantQueries,
          queries(have.metrics())));
    }
    differs(drift, "threshold metric id", want.thresholdMetricId(), emptyToNull(have.thresholdMetricId()));
    differs(drift, "threshold", want.threshold(), want.thresholdMetricId() == null ? have.threshold() : null);
    differs(drift, "comparison", want.comparisonOperatorAsString(), have.comparisonOperatorAsString());
    differs(drift, "evaluation periods", want.evaluationPeriods(), have.evaluationPeriods());
    differs(drift, "datapoints to alarm", want.datapointsToAlarm(),
        have.datapointsToAlarm() == null ? have.evaluationPeriods() : have.datapointsToAlarm());
    differs(drift, "treat missing data", missingData(want.treatMissingData()), missingData(have.treatMissingData()));
    differs(drift, "actions enabled", !Boolean.FALSE.equals(want.actionsEnabled()),
        !Boolean.FALSE.equals(have.actionsEnabled()));
    differs(drift, "alarm actions", set(want.alarmActions()), set(have.alarmActions()));
    differs(drift, "OK actions", set(want.okActions()), set(have.okActions()));
    differs(drift, "insufficient data actions", set(want.insufficientDataActions()), set(have.insufficientDataActions()));
    differs(drift, "description", nullToEmpty(want.alarmDescription()), nullToEmpty(have.alarmDescription()));
    return drift.tags(desired.tags(), actual.tags()).build();
  }

  private static void differs(Drift.Builder drift, String what, Object want, Object have) {
    if (!Objects.equals(want, have)) {
      drift.field(what, want, have);
    }
  }

  static Map<String, String> dimensions(Collection<Dimension> dimensions) {
    Map<String, String> map = new TreeMap<>();
    if (dimensions != null) {
      dimensions.forEach(d -> map.put(d.name(), d.value()));
    }
    return map;
  }

  /** Metric queries in a comparable form: id, expression or metric, period, statistic, returnData. */
  static List<String> queries(List<MetricDataQuery> queries) {
    List<String> out = new ArrayList<>();
    if (queries == null) {
      return out;
    }
    for (MetricDataQuery q : queries) {
      StringBuilder s = new StringBuilder(q.id()).append(':');
      if (q.expression() != null && !q.expression().isBlank()) {
        s.append(q.expression().replaceAll("\\s+", ""));
      }
      if (q.metricStat() != null) {
        var stat = q.metricStat();
        s.append(stat.metric().namespace()).append('/').append(stat.metric().metricName())
            .append(dimensions(stat.metric().dimensions())).append('@').append(stat.period()).append('/')
            .append(stat.stat());
      }
      s.append(" returnData=").append(!Boolean.FALSE.equals(q.returnData()));
      out.add(s.toString());
    }
    out.sort(String::compareTo);
    return out;
  }

  private static Set<String> set(Collection<String> values) {
    return values == null ? Set.of() : new TreeSet<>(values);
  }

  private static String missingData(String value) {
    return value == null || value.isBlank() ? DEFAULT_MISSING_DATA : value;
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
