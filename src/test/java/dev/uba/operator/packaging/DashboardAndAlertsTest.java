package dev.uba.operator.packaging;

import static dev.uba.operator.packaging.HelmChartTest.find;
import static dev.uba.operator.packaging.HelmChartTest.kinds;
import static dev.uba.operator.packaging.HelmChartTest.render;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.testenv.Helm;
import dev.uba.operator.testenv.MonitoringQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard and the chart's ConfigMap and PrometheusRule of it. That every metric they
 * query is served by the operator is checked against a real scrape in HealthAndMetricsIT.
 */
class DashboardAndAlertsTest {

  @Test
  void neitherTheDashboardNorTheRulesAreRenderedByDefault() throws IOException {
    assertThat(kinds(render(Helm.template("uba-system"))))
        .noneMatch(k -> k.startsWith("ConfigMap/") || k.startsWith("PrometheusRule/"));
  }

  @Test
  void theDashboardConfigMapCarriesTheSidecarLabelAndTheDashboardFile() throws IOException {
    List<JsonNode> objects = render(Helm.template("uba-system", "metrics.grafanaDashboard.enabled=true",
        "metrics.grafanaDashboard.annotations.grafana_folder=UBA"));
    assertThat(kinds(objects)).contains("ConfigMap/uba-uba-operator-dashboard").noneMatch(k -> k.startsWith("PrometheusRule/"));
    JsonNode map = find(objects, "ConfigMap", "uba-uba-operator-dashboard");
    assertThat(map.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    assertThat(map.at("/metadata/annotations/grafana_folder").asText()).isEqualTo("UBA");
    assertThat(map.at("/metadata/namespace").asText()).isEqualTo("uba-system");
    JsonNode shipped = new ObjectMapper().readTree(map.at("/data/uba-operator-dashboard.json").asText());
    assertThat(shipped).isEqualTo(MonitoringQueries.dashboard());

    JsonNode elsewhere = find(render(Helm.template("uba-system", "metrics.grafanaDashboard.enabled=true",
        "metrics.grafanaDashboard.namespace=monitoring")), "ConfigMap", "uba-uba-operator-dashboard");
    assertThat(elsewhere.at("/metadata/namespace").asText()).isEqualTo("monitoring");
  }

  @Test
  void theRulesAlertOnDegradedObjectsThrottlingAndAnOperatorNotReady() throws IOException {
    List<JsonNode> objects = render(Helm.template("uba-system", "metrics.prometheusRule.enabled=true",
        "metrics.prometheusRule.labels.release=prometheus"));
    assertThat(kinds(objects)).contains("PrometheusRule/uba-uba-operator").noneMatch(k -> k.startsWith("ConfigMap/"));
    JsonNode rule = find(objects, "PrometheusRule", "uba-uba-operator");
    assertThat(rule.at("/apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(rule.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
    Map<String, JsonNode> alerts = alerts(rule);
    assertThat(alerts).containsOnlyKeys("UbaObjectDegraded", "UbaAwsThrottling", "UbaOperatorNotReady",
        "UbaOperatorDown");

    JsonNode degraded = alerts.get("UbaObjectDegraded");
    assertThat(degraded.get("expr").asText())
        .contains("uba_object_phase{job=\"uba-uba-operator-metrics\", phase=\"Degraded\"}").endsWith("== 1");
    assertThat(degraded.get("for").asText()).isEqualTo("15m");
    assertThat(degraded.at("/annotations/summary").asText())
        .isEqualTo("{{ $labels.kind }} {{ $labels.namespace }}/{{ $labels.name }} is Degraded");
    assertThat(alerts.get("UbaAwsThrottling").get("expr").asText()).contains("uba_aws_throttled_calls_total");
    assertThat(alerts.get("UbaOperatorNotReady").get("expr").asText())
        .isEqualTo("uba_operator_ready{job=\"uba-uba-operator-metrics\"} == 0");
    assertThat(alerts.get("UbaOperatorDown").get("expr").asText())
        .isEqualTo("absent(up{job=\"uba-uba-operator-metrics\"} == 1)");
    alerts.values().forEach(a -> assertThat(a.at("/labels/severity").asText()).isEqualTo("warning"));
  }

  @Test
  void theRulesTakeAnotherSelectorAndDurations() throws IOException {
    JsonNode rule = find(render(Helm.template("uba-system", "metrics.prometheusRule.enabled=true",
        "metrics.prometheusRule.selector=namespace=\"uba-system\"\\,container=\"operator\"",
        "metrics.prometheusRule.degradedFor=30m", "metrics.prometheusRule.severity=critical")),
        "PrometheusRule", "uba-uba-operator");
    JsonNode degraded = alerts(rule).get("UbaObjectDegraded");
    assertThat(degraded.get("expr").asText())
        .contains("uba_object_phase{namespace=\"uba-system\",container=\"operator\", phase=\"Degraded\"}");
    assertThat(degraded.get("for").asText()).isEqualTo("30m");
    assertThat(degraded.at("/labels/severity").asText()).isEqualTo("critical");
    assertThat(Helm.run("template", "uba", Helm.CHART.toString(), "--set", "metrics.prometheusRule.degradedFor=soon")
        .output()).contains("schema");
  }

  @Test
  void everyPanelAsksTheDataSourceOfTheVariableAndQueriesTheOperatorsMetrics() {
    JsonNode dashboard = MonitoringQueries.dashboard();
    JsonNode variables = dashboard.at("/templating/list");
    assertThat(variables).anyMatch(v -> "datasource".equals(v.get("name").asText())
        && "datasource".equals(v.get("type").asText()) && "prometheus".equals(v.get("query").asText()));
    List<JsonNode> panels = StreamSupport.stream(dashboard.get("panels").spliterator(), false)
        .filter(p -> !"row".equals(p.get("type").asText())).toList();
    assertThat(panels).hasSizeGreaterThanOrEqualTo(10).allSatisfy(p -> {
      assertThat(p.at("/datasource/uid").asText()).as(p.get("title").asText()).isEqualTo("${datasource}");
      assertThat(p.get("targets")).as(p.get("title").asText()).isNotEmpty().allSatisfy(t -> {
        assertThat(t.at("/datasource/uid").asText()).isEqualTo("${datasource}");
        assertThat(t.get("expr").asText()).contains("job=~\"$job\"");
      });
    });
    assertThat(MonitoringQueries.metricNames(MonitoringQueries.dashboardQueries())).contains(
        "uba_object_phase", "uba_object_ready", "uba_object_data_flowing", "uba_aws_calls_total",
        "uba_aws_throttled_calls_total", "uba_aws_call_duration_seconds_bucket",
        "operator_sdk_reconciliations_started_total", "jvm_memory_used_bytes");
    assertThat(MonitoringQueries.read(MonitoringQueries.DASHBOARD_COPY))
        .as("deploy/grafana holds the chart's dashboard unchanged")
        .isEqualTo(MonitoringQueries.read(MonitoringQueries.DASHBOARD));
  }

  @Test
  void everyMetricTheDashboardAndTheRulesQueryIsDocumentedInTheReadme() {
    String readme = MonitoringQueries.read(java.nio.file.Path.of("README.md"));
    List<String> queries = new ArrayList<>(MonitoringQueries.dashboardQueries());
    queries.addAll(MonitoringQueries.alertQueries());
    assertThat(MonitoringQueries.metricNames(queries)).allSatisfy(name ->
        assertThat(readme).as(name).contains(name.replaceAll("_(bucket|count|sum)$", "")));
  }

  private static Map<String, JsonNode> alerts(JsonNode rule) {
    Map<String, JsonNode> alerts = new java.util.LinkedHashMap<>();
    rule.at("/spec/groups").forEach(g -> g.get("rules").forEach(r -> alerts.put(r.get("alert").asText(), r)));
    return alerts;
  }
}
