package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.engine.Difference;
import dev.uba.operator.engine.Drift;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * Differences between the alarm the spec asks for and the alarm CloudWatch reports (pure).
 * Dimensions and actions are compared as sets, since CloudWatch does not keep their order; labels
 * of metric queries are not compared (they only name a line in the console); a missing
 * DatapointsToAlarm means EvaluationPeriods and a missing TreatMissingData means missing, as
 * CloudWatch reads them.
 */
public final class AlarmDrift {
  private static final String DEFAULT_MISSING_DATA = "missing";

  private AlarmDrift() {}

  public static Drift of(AlarmDesired desired, AlarmActual actual) {
    MetricAlarm have = actual.alarm();
    AlarmDesired.MetricStat single = desired.metric();
    Drift.Builder drift = Drift.builder()
        .field("namespace", single == null ? null : single.metric().namespace(), have.namespace())
        .field("metric name", single == null ? null : single.metric().name(), have.metricName())
        .field("dimensions", single == null ? Map.of() : new TreeMap<>(single.metric().dimensions()),
            dimensions(have.dimensions()))
        .field("statistic", single == null ? null : single.statistic(), have.statisticAsString())
        .field("period", single == null ? null : single.periodSeconds(), have.period());
    List<String> wantQueries = wanted(desired.queries());
    List<String> haveQueries = reported(have.metrics());
    if (!wantQueries.equals(haveQueries)) {
      // the queries are long: name only what they become
      drift.add(Difference.named("metric queries -> " + String.join(", ", wantQueries), wantQueries, haveQueries));
    }
    return drift
        .field("threshold metric id", desired.thresholdMetricId(), emptyToNull(have.thresholdMetricId()))
        .field("threshold", desired.threshold(), desired.thresholdMetricId() == null ? have.threshold() : null)
        .field("comparison", desired.comparison(), have.comparisonOperatorAsString())
        .field("evaluation periods", desired.evaluationPeriods(), have.evaluationPeriods())
        .field("datapoints to alarm", desired.datapointsToAlarm(),
            have.datapointsToAlarm() == null ? have.evaluationPeriods() : have.datapointsToAlarm())
        .field("treat missing data", desired.treatMissingData(), missingData(have.treatMissingData()))
        .field("actions enabled", true, !Boolean.FALSE.equals(have.actionsEnabled()))
        .field("alarm actions", set(desired.actions().alarm()), set(have.alarmActions()))
        .field("OK actions", set(desired.actions().ok()), set(have.okActions()))
        .field("insufficient data actions", set(desired.actions().insufficientData()),
            set(have.insufficientDataActions()))
        .field("description", nullToEmpty(desired.description()), nullToEmpty(have.alarmDescription()))
        .tags(desired.tags(), actual.tags())
        .build();
  }

  static Map<String, String> dimensions(Collection<Dimension> dimensions) {
    Map<String, String> map = new TreeMap<>();
    if (dimensions != null) {
      dimensions.forEach(d -> map.put(d.name(), d.value()));
    }
    return map;
  }

  /** The spec's queries in the comparable form of {@link #reported}. */
  static List<String> wanted(List<AlarmDesired.Query> queries) {
    List<String> out = new ArrayList<>();
    for (AlarmDesired.Query q : queries) {
      AlarmDesired.MetricStat stat = q.stat();
      out.add(comparable(q.id(), q.expression(), stat == null ? null : stat.metric().namespace(),
          stat == null ? null : stat.metric().name(), stat == null ? null : new TreeMap<>(stat.metric().dimensions()),
          stat == null ? null : stat.periodSeconds(), stat == null ? null : stat.statistic(), q.returnData()));
    }
    out.sort(String::compareTo);
    return out;
  }

  /** Metric queries in a comparable form: id, expression or metric, period, statistic, returnData. */
  static List<String> reported(List<MetricDataQuery> queries) {
    List<String> out = new ArrayList<>();
    if (queries == null) {
      return out;
    }
    for (MetricDataQuery q : queries) {
      var stat = q.metricStat();
      var metric = stat == null ? null : stat.metric();
      out.add(comparable(q.id(), q.expression(), metric == null ? null : metric.namespace(),
          metric == null ? null : metric.metricName(), metric == null ? null : dimensions(metric.dimensions()),
          stat == null ? null : stat.period(), stat == null ? null : stat.stat(),
          !Boolean.FALSE.equals(q.returnData())));
    }
    out.sort(String::compareTo);
    return out;
  }

  private static String comparable(String id, String expression, String namespace, String metricName,
      Map<String, String> dimensions, Integer period, String statistic, boolean returnData) {
    StringBuilder s = new StringBuilder(id).append(':');
    if (expression != null && !expression.isBlank()) {
      s.append(expression.replaceAll("\\s+", ""));
    }
    if (metricName != null) {
      s.append(namespace).append('/').append(metricName).append(dimensions).append('@').append(period).append('/')
          .append(statistic);
    }
    return s.append(" returnData=").append(returnData).toString();
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
