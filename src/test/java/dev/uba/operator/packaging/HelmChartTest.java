package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.uba.operator.testenv.Helm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
        "Deployment/uba-uba-operator", "ClusterRole/uba-uba-operator-view", "ClusterRole/uba-uba-operator-edit",
        "Service/uba-uba-operator-test", "Pod/uba-uba-operator-test-readyz");

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
        "UBA_POLL_INTERVAL", "UBA_PERSONALIZE_MAX_TPS", "UBA_AWS_QUOTA_SHARE", "UBA_LOG_LEVEL", "UBA_LOG_FORMAT");
    assertThat(env.get("UBA_LOG_FORMAT").get("value").asText()).isEqualTo("plain");
    assertThat(env.get("POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
    assertThat(env.get("UBA_RESYNC_INTERVAL").get("value").asText()).isEqualTo("10m");
    assertThat(env.get("UBA_POLL_INTERVAL").get("value").asText()).isEqualTo("15s");
    assertThat(env.get("UBA_PERSONALIZE_MAX_TPS").get("value").asText()).isEqualTo("10");
    assertThat(env.get("UBA_AWS_QUOTA_SHARE").get("value").asText()).isEqualTo("0.5");
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
        "Deployment/uba-uba-operator", "Service/uba-uba-operator-metrics", "ServiceMonitor/uba-uba-operator",
        "PodDisruptionBudget/uba-uba-operator", "ClusterRole/uba-uba-operator-view",
        "ClusterRole/uba-uba-operator-edit", "Service/uba-uba-operator-test", "Pod/uba-uba-operator-test-readyz");

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
  void asASubchartTheValuesSchemaAcceptsTheParentsGlobals() throws IOException {
    // Helm hands every subchart the parent's "global" values; a schema that refuses them breaks the parent.
    Path parent = Files.createDirectories(Path.of("target/helm-parent-chart"));
    Files.writeString(parent.resolve("Chart.yaml"), """
        apiVersion: v2
        name: platform
        version: 1.0.0
        dependencies:
          - name: uba-operator
            version: 0.1.0
        """);
    Files.writeString(parent.resolve("values.yaml"), """
        global:
          imageRegistry: registry.example.com
          labels: {team: platform}
        uba-operator:
          aws: {region: eu-central-1}
        """);
    Path copy = parent.resolve("charts/uba-operator");
    copyTree(Helm.CHART, copy);

    Helm.Result r = Helm.run("template", "platform", parent.toString(), "--namespace", "uba-system");
    assertThat(r.exit()).as(r.output()).isZero();
    Map<String, JsonNode> env = env(find(render(r.output()), "Deployment", "platform-uba-operator")
        .at("/spec/template/spec/containers/0"));
    assertThat(env.get("AWS_REGION").get("value").asText()).isEqualTo("eu-central-1");
  }

  @Test
  void moreThanOneReplicaGetsADisruptionBudgetThatKeepsOneRunning() throws IOException {
    assertThat(kinds(render(Helm.template("uba-system")))).as("one replica: nothing to keep")
        .doesNotContain("PodDisruptionBudget/uba-uba-operator");

    List<JsonNode> objects = render(Helm.template("uba-system", "replicaCount=3"));
    JsonNode budget = find(objects, "PodDisruptionBudget", "uba-uba-operator");
    assertThat(budget.at("/apiVersion").asText()).isEqualTo("policy/v1");
    assertThat(budget.at("/spec/minAvailable").asInt()).isEqualTo(1);
    assertThat(budget.at("/spec/selector/matchLabels"))
        .isEqualTo(find(objects, "Deployment", "uba-uba-operator").at("/spec/selector/matchLabels"));

    JsonNode percent = find(render(Helm.template("uba-system", "replicaCount=3",
        "podDisruptionBudget.maxUnavailable=50%")), "PodDisruptionBudget", "uba-uba-operator");
    assertThat(percent.at("/spec/maxUnavailable").asText()).isEqualTo("50%");
    assertThat(percent.at("/spec/minAvailable").isMissingNode()).as("one of the two").isTrue();

    assertThat(kinds(render(Helm.template("uba-system", "replicaCount=3", "podDisruptionBudget.enabled=false"))))
        .doesNotContain("PodDisruptionBudget/uba-uba-operator");

    // Kubernetes 1.20 serves PodDisruptionBudget only as policy/v1beta1 (policy/v1 since 1.21).
    Helm.Result old = Helm.run("template", "uba", Helm.CHART.toString(), "--kube-version", "1.20.15",
        "--set", "replicaCount=2");
    assertThat(old.exit()).as(old.output()).isZero();
    assertThat(find(render(old.output()), "PodDisruptionBudget", "uba-uba-operator").at("/apiVersion").asText())
        .isEqualTo("policy/v1beta1");
  }

  @Test
  void digestVolumesEnvFromAndTopologySpreadReachThePod() throws IOException {
    String digest = "sha256:" + "0123456789abcdef".repeat(4);
    JsonNode pod = find(render(Helm.template("uba-system",
        "image.repository=registry.example.com/uba-operator", "image.tag=0.1.0", "image.digest=" + digest,
        "operator.extraEnvFrom[0].configMapRef.name=uba-env",
        "operator.extraEnvFrom[1].secretRef.name=uba-secret-env",
        "extraVolumes[0].name=ca", "extraVolumes[0].configMap.name=corporate-ca",
        "extraVolumeMounts[0].name=ca", "extraVolumeMounts[0].mountPath=/etc/ssl/corporate",
        "extraVolumeMounts[0].readOnly=true",
        "topologySpreadConstraints[0].maxSkew=1",
        "topologySpreadConstraints[0].topologyKey=topology.kubernetes.io/zone",
        "topologySpreadConstraints[0].whenUnsatisfiable=ScheduleAnyway",
        "topologySpreadConstraints[1].maxSkew=1",
        "topologySpreadConstraints[1].topologyKey=kubernetes.io/hostname",
        "topologySpreadConstraints[1].whenUnsatisfiable=DoNotSchedule",
        "topologySpreadConstraints[1].labelSelector.matchLabels.tier=operators")),
        "Deployment", "uba-uba-operator").at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");

    assertThat(container.at("/image").asText()).as("the digest wins over the tag")
        .isEqualTo("registry.example.com/uba-operator@" + digest);
    assertThat(container.at("/envFrom/0/configMapRef/name").asText()).isEqualTo("uba-env");
    assertThat(container.at("/envFrom/1/secretRef/name").asText()).isEqualTo("uba-secret-env");
    assertThat(StreamSupport.stream(pod.at("/volumes").spliterator(), false).map(v -> v.get("name").asText()))
        .containsExactly("tmp", "ca");
    assertThat(pod.at("/volumes/1/configMap/name").asText()).isEqualTo("corporate-ca");
    assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/tmp");
    assertThat(container.at("/volumeMounts/1/mountPath").asText()).isEqualTo("/etc/ssl/corporate");
    assertThat(container.at("/volumeMounts/1/readOnly").asBoolean()).isTrue();

    JsonNode spread = pod.at("/topologySpreadConstraints");
    assertThat(spread.size()).isEqualTo(2);
    assertThat(spread.at("/0/topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
    assertThat(spread.at("/0/labelSelector/matchLabels"))
        .as("without a labelSelector, the operator's own pods are spread")
        .isEqualTo(find(render(Helm.template("uba-system")), "Deployment", "uba-uba-operator")
            .at("/spec/selector/matchLabels"));
    assertThat(spread.at("/1/labelSelector/matchLabels/tier").asText()).as("a labelSelector given is kept")
        .isEqualTo("operators");
    assertThat(spread.at("/1/labelSelector/matchLabels").size()).isEqualTo(1);
  }

  @Test
  void namespaceUsersMayReadOrEditTheThreeKindsThroughTheAggregatedRoles() throws IOException {
    List<JsonNode> objects = render(Helm.template("uba-system"));
    JsonNode view = find(objects, "ClusterRole", "uba-uba-operator-view");
    assertThat(view.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-view").asText()).isEqualTo("true");
    assertThat(view.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-edit").asText()).isEqualTo("true");
    assertThat(view.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-admin").asText()).isEqualTo("true");
    assertThat(rules(view)).containsExactly("uba.dev ubapipelines,anomalyalerts,personalizationmodels: get,list,watch");

    JsonNode edit = find(objects, "ClusterRole", "uba-uba-operator-edit");
    assertThat(edit.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-view").isMissingNode())
        .as("viewers may not change anything").isTrue();
    assertThat(edit.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-edit").asText()).isEqualTo("true");
    assertThat(edit.at("/metadata/labels/rbac.authorization.k8s.io~1aggregate-to-admin").asText()).isEqualTo("true");
    assertThat(rules(edit)).as("no status: that is the operator's")
        .containsExactly("uba.dev ubapipelines,anomalyalerts,personalizationmodels: create,update,patch,delete,deletecollection");

    assertThat(kinds(render(Helm.template("uba-system", "userRoles.aggregate=false"))))
        .doesNotContain("ClusterRole/uba-uba-operator-view", "ClusterRole/uba-uba-operator-edit");
  }

  @Test
  void helmTestAsksTheOperatorsReadyzThroughAServiceToItsPods() throws IOException {
    List<JsonNode> objects = render(Helm.template("uba-system", "operator.httpPort=9090"));
    JsonNode service = find(objects, "Service", "uba-uba-operator-test");
    JsonNode pod = find(objects, "Pod", "uba-uba-operator-test-readyz");
    for (JsonNode hook : List.of(service, pod)) {
      assertThat(hook.at("/metadata/annotations/helm.sh~1hook").asText()).as("only helm test creates it")
          .isEqualTo("test");
      assertThat(hook.at("/metadata/annotations/helm.sh~1hook-delete-policy").asText()).contains("hook-succeeded");
    }
    assertThat(service.at("/metadata/annotations/helm.sh~1hook-weight").asInt())
        .as("the Service before the pod").isLessThan(pod.at("/metadata/annotations/helm.sh~1hook-weight").asInt());
    assertThat(service.at("/spec/selector")).isEqualTo(find(objects, "Deployment", "uba-uba-operator")
        .at("/spec/selector/matchLabels"));
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(9090);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");

    assertThat(pod.at("/spec/restartPolicy").asText()).isEqualTo("Never");
    assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    JsonNode container = pod.at("/spec/containers/0");
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/command").toString())
        .contains("http://uba-uba-operator-test.uba-system.svc:9090/readyz").contains("exit 1");
  }

  @Test
  void theNotesApplyTheCrdsServerSideAsTheReadmeDoes() throws IOException {
    Helm.Result r = Helm.run("install", "uba", Helm.CHART.toString(), "--namespace", "uba-system",
        "--dry-run=client");
    assertThat(r.exit()).as(r.output()).isZero();
    String notes = r.output().substring(r.output().indexOf("NOTES:"));
    assertThat(notes).contains("kubectl apply --server-side -f crds/", "helm test uba -n uba-system",
        "kubectl get uba -A");
    assertThat(Files.readString(Path.of("README.md"))).contains("kubectl apply --server-side -f crds/");
  }

  @Test
  void thePermissionsBoundaryAndTheAllowListsReachTheOperator() throws IOException {
    Map<String, JsonNode> defaults = env(find(render(Helm.template("ops")), "Deployment", "uba-uba-operator")
        .at("/spec/template/spec/containers/0"));
    assertThat(defaults).doesNotContainKeys("UBA_IAM_PERMISSIONS_BOUNDARY", "UBA_ALLOWED_ROLE_ARNS",
        "UBA_ALLOWED_ACCOUNTS");
    // Account ids are strings (a leading 0 is part of them): --set-string, or quoted in a values file.
    Helm.Result r = Helm.run("template", "uba", Helm.CHART.toString(), "--namespace", "ops",
        "--set", "iam.permissionsBoundaryArn=arn:aws:iam::123456789012:policy/uba-operator-boundary",
        "--set", "iam.allowedRoleArns={arn:aws:iam::123456789012:role/uba/*,arn:aws:iam::123456789012:role/data-*}",
        "--set-string", "iam.allowedAccounts={012345678901}");
    assertThat(r.exit()).as(r.output()).isZero();
    JsonNode deployment = find(render(r.output()), "Deployment", "uba-uba-operator");
    Map<String, JsonNode> env = env(deployment.at("/spec/template/spec/containers/0"));
    assertThat(env.get("UBA_IAM_PERMISSIONS_BOUNDARY").get("value").asText())
        .isEqualTo("arn:aws:iam::123456789012:policy/uba-operator-boundary");
    assertThat(env.get("UBA_ALLOWED_ROLE_ARNS").get("value").asText())
        .isEqualTo("arn:aws:iam::123456789012:role/uba/*,arn:aws:iam::123456789012:role/data-*");
    assertThat(env.get("UBA_ALLOWED_ACCOUNTS").get("value").asText()).isEqualTo("012345678901");
  }

  @Test
  void theSchemaRejectsBadIamValues() {
    for (String bad : List.of("iam.permissionsBoundaryArn=uba-operator-boundary",
        "iam.permissionsBoundaryArn=arn:aws:iam::123456789012:role/x", "iam.allowedAccounts={12345}",
        "iam.allowedRoleArns={*}", "iam.unknown=1")) {
      Helm.Result r = Helm.run("template", "uba", Helm.CHART.toString(), "--set", bad);
      assertThat(r.exit()).as("helm template --set %s must fail:%n%s", bad, r.output()).isNotZero();
      assertThat(r.output()).as(bad).contains("schema");
    }
  }

  @Test
  void theSchemaRejectsBadValues() {
    for (String bad : List.of("operator.logLevel=LOUD", "operator.resyncInterval=10 minutes",
        "serviceAccount.roleArn=uba-operator", "replicaCount=-1", "operator.watchNamespaces={Team_A}",
        "aws.region=Frankfurt", "unknownKey=1", "image.digest=0.1.0", "image.digest=sha256:abc",
        "podDisruptionBudget.minAvailable=one", "userRoles.aggregate=yes",
        "rbac.secretNamespaces={Team_A}", "networkPolicy.open=true",
        "operator.awsQuotaShare=0", "operator.awsQuotaShare=1.5")) {
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

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static String join(JsonNode array) {
    List<String> items = new ArrayList<>();
    array.forEach(i -> items.add(i.asText()));
    return String.join(",", items);
  }
}
