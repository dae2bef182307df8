package dev.uba.operator.testenv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL the Grafana dashboard and the chart's PrometheusRule run, and the metric names in it, so
 * tests can hold them against what the operator's /metrics serves.
 */
public final class MonitoringQueries {
  public static final Path DASHBOARD = Path.of("helm/uba-operator/dashboards/uba-operator-dashboard.json");
  /** The copy for Grafana without the chart. */
  public static final Path DASHBOARD_COPY = Path.of("deploy/grafana/uba-operator-dashboard.json");
  /** Metric names are those of the operator's own prefixes; "up" is Prometheus's own series of a scrape. */
  private static final Pattern METRIC = Pattern.compile("\\b((?:uba|jvm|process|system|operator_sdk)_[a-z0-9_]+)\\b");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private MonitoringQueries() {}

  public static JsonNode dashboard() {
    try {
      return JSON.readTree(DASHBOARD.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel target's expression and every template variable's query. */
  public static List<String> dashboardQueries() {
    List<String> queries = new ArrayList<>();
    dashboard().findValues("targets").forEach(targets -> targets.forEach(t -> queries.add(t.get("expr").asText())));
    dashboard().at("/templating/list").forEach(v -> {
      if (v.at("/query/query").isTextual()) {
        queries.add(v.at("/query/query").asText());
      }
    });
    return queries;
  }

  /** The alert expressions of the chart's PrometheusRule, rendered with helm. */
  public static List<String> alertQueries() {
    String manifests = Helm.template("uba-system", "metrics.prometheusRule.enabled=true");
    List<String> queries = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(manifests)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && "PrometheusRule".equals(doc.path("kind").asText())) {
          doc.at("/spec/groups").forEach(g -> g.get("rules").forEach(r -> queries.add(r.get("expr").asText())));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return queries;
  }

  /** The metric names the queries read (a histogram's as its _bucket series). */
  public static Set<String> metricNames(List<String> queries) {
    Set<String> names = new TreeSet<>();
    for (String query : queries) {
      Matcher m = METRIC.matcher(query);
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  /** The metric names of a Prometheus text scrape (each sample line's name). */
  public static Set<String> scrapedNames(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
        .forEach(l -> names.add(l.split("[{ ]", 2)[0]));
    return names;
  }

  public static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
