package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.uba.operator.testenv.Helm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** helm lint and helm template of helm/uba-operator with default and non-default values. */
class HelmChartTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theChartLints() {
    Helm.Result plain = Helm.run("lint", "--strict", Helm.CHART.toString());
    assertThat(plain.exit()).as(plain.output()).isZero();
    Helm.Result custom = Helm.run("lint", "--strict", Helm.CHART.toString(), "--set", "replicaCount=2",
        "--set", "operator.watchNamespaces={team-a,team-b}", "--set", "metrics.serviceMonitor.enabled=true",
        "--set", "serviceAccount.roleArn=arn:aws:iam::123456789012:role/uba-operator");
    assertThat(custom.exit()).as(custom.output()).isZero();
  }

  @Test
  void defaultsRenderOneHardenedReplicaWithClusterWideLeastPrivilegeAndNoSecretRights() throws IOException {
    List<JsonNode> objects = render(Helm.template("uba-system"));
    assertThat(kinds(objects)).containsExactlyInAnyOrder(
        "ServiceAccount/uba-uba-operator", "ClusterRole/uba-uba-operator", "ClusterRoleBinding/uba-uba-operator",
        "Deployment/uba-uba-operator");

    JsonNode sa = find(objects, "ServiceAccount", "uba-uba-operator");
    assertThat(sa.at("/metadata/namespace").asText()).isEqualTo("uba-system");
    assertThat(sa.at("/metadata/annotations").isMissingNode()).isTrue();

    JsonNode deployment = find(objects, "Deployment", "uba-uba-operator");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
    assertThat(deployment.at("/spec/strategy/type").asText()).as("one operator at a time").isEqualTo("Recreate");
    JsonNode pod = deployment.at("/spec/template/spec");
    assertThat(pod.at("/serviceAccountName").asText()).isEqualTo("uba-uba-operator");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    JsonNode container = pod.at("/containers/0");
    assertThat(container.at("/image").asText()).isEqualTo("uba-operator:0.1.0");
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
    assertThat(container.at("/ports/0/name").asText()).isEqualTo("http");
    assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo("http");
    assertThat(container.at("/resources/requests/cpu").isMissingNode()).isFalse();
    assertThat(container.at("/resources/requests/memory").isMissingNode()).isFalse();
    assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
    assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
    assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();

    Map<String, JsonNode> env = env(container);
    assertThat(env.keySet()).containsExactlyInAnyOrder("POD_NAMESPACE", "UBA_HTTP_PORT", "UBA_RESYNC_INTERVAL",
        "UBA_POLL_INTERVAL", "UBA_PERSONALIZE_MAX_TPS", "UBA_LOG_LEVEL");
    assertThat(env.get("POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
    assertThat(env.get("UBA_RESYNC_INTERVAL").get("value").asText()).isEqualTo("10m");
    assertThat(env.get("UBA_POLL_INTERVAL").get("value").asText()).isEqualTo("15s");
    assertThat(env.get("UBA_PERSONALIZE_MAX_TPS").get("value").asText()).isEqualTo("10");
    assertThat(env.get("UBA_LOG_LEVEL").get("value").asText()).isEqualTo("INFO");

    JsonNode role = find(objects, "ClusterRole", "uba-uba-operator");
    assertThat(rules(role)).containsExactly(
        "uba.dev ubapipelines,anomalyalerts,personalizationmodels: get,list,watch,patch,update",
        "uba.dev ubapipelines/status,anomalyalerts/status,personalizationmodels/status: get,patch,update",
        "uba.dev ubapipelines/finalizers,anomalyalerts/finalizers,personalizationmodels/finalizers: update",
        " events: create,patch");
    JsonNode binding = find(objects, "ClusterRoleBinding", "uba-uba-operator");
    assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("uba-uba-operator");
    assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("uba-system");
  }

  @Test
  void nonDefaultValuesRenderNamespacedRbacIrsaMetricsAndLeaderElection() throws IOException {
    List<JsonNode> objects = render(Helm.template("uba-system",
        "replicaCount=2",
        "operator.watchNamespaces={team-a,team-b}",
        "serviceAccount.roleArn=arn:aws:iam::123456789012:role/uba-operator",
        "metrics.serviceMonitor.enabled=true",
        "metrics.serviceMonitor.labels.release=prometheus",
        "aws.region=eu-central-1",
        "aws.endpointUrl=http://aws-emulator.test:5000",
        "operator.logLevel=DEBUG",
        "operator.resyncInterval=1h",
        "image.repository=123456789012.dkr.ecr.eu-central-1.amazonaws.com/uba-operator",
        "image.tag=0.1.0-rc1"));
    assertThat(kinds(objects)).containsExactlyInAnyOrder(
        "ServiceAccount/uba-uba-operator",
        "Role/uba-uba-operator@team-a", "RoleBinding/uba-uba-operator@team-a",
        "Role/uba-uba-operator@team-b", "RoleBinding/uba-uba-operator@team-b",
        "Role/uba-uba-operator-leader-election@uba-system", "RoleBinding/uba-uba-operator-leader-election@uba-system",
        "Deployment/uba-uba-operator", "Service/uba-uba-operator-metrics", "ServiceMonitor/uba-uba-operator");

    assertThat(find(objects, "ServiceAccount", "uba-uba-operator").at("/metadata/annotations")
        .get("eks.amazonaws.com/role-arn").asText()).isEqualTo("arn:aws:iam::123456789012:role/uba-operator");

    JsonNode deployment = find(objects, "Deployment", "uba-uba-operator");
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(2);
    assertThat(deployment.at("/spec/strategy").isMissingNode()).as("rolling update is safe with a Lease").isTrue();
    JsonNode container = deployment.at("/spec/template/spec/containers/0");
    assertThat(container.at("/image").asText())
        .isEqualTo("123456789012.dkr.ecr.eu-central-1.amazonaws.com/uba-operator:0.1.0-rc1");
    Map<String, JsonNode> env = env(container);
    assertThat(env.get("UBA_LEADER_ELECTION").get("value").asText()).isEqualTo("true");
    assertThat(env.get("UBA_LEADER_ELECTION_NAMESPACE").get("value").asText()).isEqualTo("uba-system");
    assertThat(env.get("UBA_WATCH_NAMESPACES").get("value").asText()).isEqualTo("team-a,team-b");
    assertThat(env.get("AWS_REGION").get("value").asText()).isEqualTo("eu-central-1");
    assertThat(env.get("AWS_ENDPOINT_URL").get("value").asText()).isEqualTo("http://aws-emulator.test:5000");
    assertThat(env.get("UBA_LOG_LEVEL").get("value").asText()).isEqualTo("DEBUG");
    assertThat(env.get("UBA_RESYNC_INTERVAL").get("value").asText()).isEqualTo("1h");

    for (String ns : List.of("team-a", "team-b")) {
      assertThat(rules(find(objects, "Role", "uba-uba-operator", ns))).hasSize(5)
          .allMatch(r -> !r.contains("*") && !r.contains("leases") && !r.contains("namespaces"))
          .contains(" secrets: create,patch");
      JsonNode binding = find(objects, "RoleBinding", "uba-uba-operator", ns);
      assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("uba-system");
      assertThat(binding.at("/roleRef/kind").asText()).isEqualTo("Role");
    }
    assertThat(rules(find(objects, "Role", "uba-uba-operator-leader-election", "uba-system")))
        .containsExactly("coordination.k8s.io leases: get,create,update,patch");

    JsonNode service = find(objects, "Service", "uba-uba-operator-metrics");
    assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("http-metrics");
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    JsonNode monitor = find(objects, "ServiceMonitor", "uba-uba-operator");
    assertThat(monitor.at("/apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
    assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("prometheus");
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http-metrics");
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
  }

  @Test
  void watchingAllNamespacesSecretRightsComeOnlyFromRolesInTheNamespacesListed() throws IOException {
    List<JsonNode> objects = render(Helm.template("uba-system", "rbac.secretNamespaces={team-a,team-b}"));
    assertThat(kinds(objects)).contains("ClusterRole/uba-uba-operator",
        "Role/uba-uba-operator-secrets@team-a", "RoleBinding/uba-uba-operator-secrets@team-a",
        "Role/uba-uba-operator-secrets@team-b", "RoleBinding/uba-uba-operator-secrets@team-b");
    assertThat(rules(find(objects, "ClusterRole", "uba-uba-operator"))).noneMatch(r -> r.contains("secrets"));
    for (String ns : List.of("team-a", "team-b")) {
      assertThat(rules(find(objects, "Role", "uba-uba-operator-secrets", ns)))
          .as("no get, list or watch: Secrets are written by server-side apply").containsExactly(" secrets: create,patch");
      JsonNode binding = find(objects, "RoleBinding", "uba-uba-operator-secrets", ns);
      assertThat(binding.at("/roleRef/name").asText()).isEqualTo("uba-uba-operator-secrets");
      assertThat(binding.at("/subjects/0/name").asText()).isEqualTo("uba-uba-operator");
      assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo("uba-system");
    }
  }

  @Test
  void theNetworkPolicyIsOffByDefaultAndAdmitsOnlyTheScraperAndTheProbesToTheHttpPort() throws IOException {
    assertThat(kinds(render(Helm.template("uba-system")))).noneMatch(k -> k.startsWith("NetworkPolicy/"));

    JsonNode closed = find(render(Helm.template("uba-system", "networkPolicy.enabled=true")), "NetworkPolicy",
        "uba-uba-operator");
    assertThat(closed.at("/spec/podSelector/matchLabels/app.kubernetes.io~1instance").asText()).isEqualTo("uba");
    assertThat(closed.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\"]");
    assertThat(closed.at("/spec/ingress").isArray() && closed.at("/spec/ingress").isEmpty())
        .as("no scraper named: no ingress at all (an empty selector would admit every pod)").isTrue();

    JsonNode policy = find(render(Helm.template("uba-system", "networkPolicy.enabled=true",
        "networkPolicy.metricsFrom.namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name=monitoring",
        "networkPolicy.metricsFrom.podSelector.matchLabels.app\\.kubernetes\\.io/name=prometheus",
        "networkPolicy.probeFrom={10.0.0.0/16}")), "NetworkPolicy", "uba-uba-operator");
    JsonNode scraper = policy.at("/spec/ingress/0");
    assertThat(scraper.at("/from")).hasSize(1);
    assertThat(scraper.at("/from/0/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText())
        .isEqualTo("monitoring");
    assertThat(scraper.at("/from/0/podSelector/matchLabels/app.kubernetes.io~1name").asText()).isEqualTo("prometheus");
    assertThat(scraper.at("/ports/0/port").asText()).isEqualTo("http");
    JsonNode probes = policy.at("/spec/ingress/1");
    assertThat(probes.at("/from/0/ipBlock/cidr").asText()).isEqualTo("10.0.0.0/16");
    assertThat(probes.at("/ports/0/port").asText()).isEqualTo("http");
    assertThat(policy.at("/spec/ingress")).hasSize(2);
  }

  @Test
  void leaderElectionCanBeAskedForWithOneReplica() throws IOException {
    JsonNode deployment = find(render(Helm.template("ops", "leaderElection.enabled=true")), "Deployment",
        "uba-uba-operator");
    Map<String, JsonNode> env = env(deployment.at("/spec/template/spec/containers/0"));
    assertThat(env.get("UBA_LEADER_ELECTION").get("value").asText()).isEqualTo("true");
    assertThat(env.get("UBA_LEADER_ELECTION_NAMESPACE").get("value").asText()).isEqualTo("ops");
  }

  @Test
  void theSchemaRejectsBadValues() {
    for (String bad : List.of("operator.logLevel=LOUD", "operator.resyncInterval=10 minutes",
        "serviceAccount.roleArn=uba-operator", "replicaCount=-1", "operator.watchNamespaces={Team_A}",
        "aws.region=Frankfurt", "unknownKey=1", "rbac.secretNamespaces={Team_A}", "networkPolicy.open=true")) {
      Helm.Result r = Helm.run("template", "uba", Helm.CHART.toString(), "--set", bad);
      assertThat(r.exit()).as("helm template --set %s must fail:%n%s", bad, r.output()).isNotZero();
      assertThat(r.output()).as(bad).contains("schema");
    }
  }

  static List<JsonNode> render(String manifests) throws IOException {
    List<JsonNode> result = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(manifests)) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && doc.isObject() && doc.has("kind")) {
          result.add(doc);
        }
      }
    }
    return result;
  }

  static List<String> kinds(List<JsonNode> objects) {
    return objects.stream().map(o -> o.get("kind").asText() + "/" + o.at("/metadata/name").asText()
        + (o.get("kind").asText().matches("Role|RoleBinding") ? "@" + o.at("/metadata/namespace").asText() : ""))
        .toList();
  }

  static JsonNode find(List<JsonNode> objects, String kind, String name) {
    return objects.stream().filter(o -> o.get("kind").asText().equals(kind)
        && o.at("/metadata/name").asText().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + kinds(objects)));
  }

  static JsonNode find(List<JsonNode> objects, String kind, String name, String namespace) {
    return objects.stream().filter(o -> o.get("kind").asText().equals(kind)
        && o.at("/metadata/name").asText().equals(name) && o.at("/metadata/namespace").asText().equals(namespace))
        .findFirst().orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + namespace));
  }

  static Map<String, JsonNode> env(JsonNode container) {
    Map<String, JsonNode> result = new HashMap<>();
    container.get("env").forEach(e -> result.put(e.get("name").asText(), e));
    return result;
  }

  /** "group resources: verbs" per rule. */
  static List<String> rules(JsonNode role) {
    return StreamSupport.stream(role.get("rules").spliterator(), false)
        .map(r -> join(r.get("apiGroups")) + " " + join(r.get("resources")) + ": " + join(r.get("verbs"))
            + (r.has("resourceNames") ? " " + join(r.get("resourceNames")) : ""))
        .toList();
  }

  private static String join(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(i -> items.add(i.asText()));
    return String.join(",", items);
  }
}
