package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.testenv.Helm;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.Models;
import dev.uba.operator.testenv.OperatorProcess;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The chart against the real API server: its rendered manifests (with the CRDs) accepted by a
 * server-side dry run without a field dropped, and {@code helm install} creating the Deployment,
 * ServiceAccount and RBAC, which are then enough for the operator (run as that ServiceAccount by
 * impersonation) to elect itself leader, become ready and bring a PersonalizationModel with its
 * tracking Secret to Ready against the local AWS. No pod runs: there is no controller manager.
 */
class HelmChartIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void renderedManifestsAreAcceptedByTheApiServer() throws Exception {
    KubeApi kube = KubeApi.shared();
    String ns = kube.newNamespace("chart");
    String teamA = kube.newNamespace("team-a");
    String teamB = kube.newNamespace("team-b");
    try (KubernetesClient client = kube.newClient()) {
      installServiceMonitorCrd(client);
      // The helm test pod needs the namespace's "default" ServiceAccount, which only the controller
      // manager (absent here) creates.
      client.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata()
          .withName("default").endMetadata().build()).create();
      String version = client.getKubernetesVersion().getGitVersion();
      dryRunApply(client, templateWithCrds(ns, version));
      dryRunApply(client, templateWithCrds(ns, version, "replicaCount=2",
          "operator.watchNamespaces={" + teamA + "," + teamB + "}",
          "serviceAccount.roleArn=arn:aws:iam::123456789012:role/uba-operator",
          "metrics.serviceMonitor.enabled=true", "aws.region=eu-central-1",
          "aws.endpointUrl=http://127.0.0.1:5000", "operator.logLevel=DEBUG",
          "image.digest=sha256:" + "0123456789abcdef".repeat(4),
          "operator.extraEnvFrom[0].configMapRef.name=uba-env",
          "extraVolumes[0].name=ca", "extraVolumes[0].configMap.name=corporate-ca",
          "extraVolumeMounts[0].name=ca", "extraVolumeMounts[0].mountPath=/etc/ssl/corporate",
          "topologySpreadConstraints[0].maxSkew=1",
          "topologySpreadConstraints[0].topologyKey=topology.kubernetes.io/zone",
          "topologySpreadConstraints[0].whenUnsatisfiable=ScheduleAnyway"));
      dryRunApply(client, templateWithCrds(ns, version, "rbac.secretNamespaces={" + teamA + "}",
          "networkPolicy.enabled=true",
          "networkPolicy.metricsFrom.namespaceSelector.matchLabels.kubernetes\\.io/metadata\\.name=monitoring",
          "networkPolicy.metricsFrom.podSelector.matchLabels.app=prometheus",
          "networkPolicy.probeFrom={10.0.0.0/16}"));
    }
  }

  @Test
  void helmInstallCreatesTheOperatorAndItsRbacIsEnoughToRunIt() throws Exception {
    KubeApi kube = KubeApi.shared();
    String ns = kube.newNamespace("uba-system");
    String watched = kube.newNamespace("watched");
    String other = kube.newNamespace("other");
    String release = "it-" + ns.substring(ns.length() - 6);
    Path kubeconfig = Files.createDirectories(Path.of("target/helm-it").toAbsolutePath()).resolve(ns + ".kubeconfig");
    Files.writeString(kubeconfig, kube.kubeconfigYaml());

    Helm.Result install = Helm.run("install", release, Helm.CHART.toString(), "--namespace", ns,
        "--kubeconfig", kubeconfig.toString(),
        // The CRDs are on the API server already (applied from crds/, as the README's upgrade path does).
        "--skip-crds",
        "--set", "replicaCount=2",
        "--set", "operator.watchNamespaces={" + watched + "}",
        "--set", "serviceAccount.roleArn=arn:aws:iam::123456789012:role/uba-operator");
    assertThat(install.exit()).as(install.output()).isZero();
    String fullname = release + "-uba-operator";

    try (KubernetesClient client = kube.newClient()) {
      Deployment deployment = client.apps().deployments().inNamespace(ns).withName(fullname).get();
      assertThat(deployment).as("Deployment %s/%s", ns, fullname).isNotNull();
      assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
      assertThat(client.serviceAccounts().inNamespace(ns).withName(fullname).get().getMetadata().getAnnotations())
          .containsEntry("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/uba-operator");
      assertThat(client.rbac().roles().inNamespace(watched).withName(fullname).get()).isNotNull();
      assertThat(client.rbac().roleBindings().inNamespace(watched).withName(fullname).get()).isNotNull();
      assertThat(client.rbac().roles().inNamespace(ns).withName(fullname + "-leader-election").get()).isNotNull();
      assertThat(client.rbac().clusterRoles().withName(fullname).get()).as("no cluster-wide role").isNull();
      assertThat(client.apiextensions().v1().customResourceDefinitions().withName("ubapipelines.uba.dev").get())
          .isNotNull();
      // Two replicas: a PodDisruptionBudget, in the API this server serves (policy/v1beta1 on 1.20).
      assertThat(client.genericKubernetesResources("policy/v1beta1", "PodDisruptionBudget").inNamespace(ns)
          .withName(fullname).get()).as("PodDisruptionBudget %s/%s", ns, fullname).isNotNull();
      for (String role : List.of(fullname + "-view", fullname + "-edit")) {
        assertThat(client.rbac().clusterRoles().withName(role).get().getMetadata().getLabels())
            .as("ClusterRole %s", role).containsEntry("rbac.authorization.k8s.io/aggregate-to-edit", "true");
      }
      assertThat(client.pods().inNamespace(ns).withName(fullname + "-test-readyz").get())
          .as("the helm test pod exists only during helm test").isNull();

      String user = "system:serviceaccount:" + ns + ":" + fullname;
      assertThat(allowed(client, user, watched, "uba.dev", "ubapipelines", "status", "patch")).isTrue();
      assertThat(allowed(client, user, watched, "uba.dev", "ubapipelines", "finalizers", "update")).isTrue();
      assertThat(allowed(client, user, watched, "", "secrets", "", "create")).isTrue();
      assertThat(allowed(client, user, watched, "", "secrets", "", "patch")).isTrue();
      assertThat(allowed(client, user, watched, "", "secrets", "", "get")).as("no reading of Secrets").isFalse();
      assertThat(allowed(client, user, watched, "", "secrets", "", "list")).as("no listing of Secrets").isFalse();
      assertThat(allowed(client, user, watched, "", "secrets", "", "update")).isFalse();
      assertThat(allowed(client, user, watched, "", "events", "", "create")).isTrue();
      assertThat(allowed(client, user, watched, "uba.dev", "ubapipelines", "", "delete")).isFalse();
      assertThat(allowed(client, user, other, "uba.dev", "ubapipelines", "", "list")).isFalse();
      assertThat(allowed(client, user, other, "", "secrets", "", "get")).isFalse();
      assertThat(allowed(client, user, ns, "coordination.k8s.io", "leases", "", "update")).isTrue();
      assertThat(allowed(client, user, other, "coordination.k8s.io", "leases", "", "update")).isFalse();
      assertThat(allowed(client, user, "", "", "namespaces", "", "list")).isFalse();

      // The operator as that ServiceAccount, configured as the Deployment configures it, against the local AWS.
      LocalAws aws = LocalAws.shared();
      aws.personalize().defaults();
      try (OperatorProcess operator = OperatorProcess.start(kube, "as-" + fullname, DockerfileTest.entrypoint(),
          Map.of("KUBERNETES_IMPERSONATE_USERNAME", user,
              "POD_NAMESPACE", ns,
              "UBA_LEADER_ELECTION", "true",
              "UBA_LEADER_ELECTION_NAMESPACE", ns,
              "UBA_WATCH_NAMESPACES", watched,
              "HOSTNAME", fullname + "-0",
              "AWS_ENDPOINT_URL", aws.endpoint().toString(),
              "UBA_POLL_INTERVAL", "1s",
              "JAVA_TOOL_OPTIONS", "-Daws.cborEnabled=false"))) {
        operator.awaitReady(Duration.ofSeconds(90));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Lease lease = null;
        while (Instant.now().isBefore(deadline)) {
          lease = client.leases().inNamespace(ns).withName(OperatorConfig.LEASE_NAME).get();
          if (lease != null && (fullname + "-0").equals(lease.getSpec().getHolderIdentity())) {
            break;
          }
          TimeUnit.MILLISECONDS.sleep(250);
        }
        assertThat(lease).as("Lease taken by the operator running as %s:%n%s", user, operator.log()).isNotNull();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(fullname + "-0");

        // A PersonalizationModel, whose tracking Secret the chart's rules let it create and patch
        // without reading Secrets, becomes Ready with that Secret.
        String bucket = watched + "-data";
        Models.putS3Object(aws.motoEndpoint(), bucket, "interactions/part-0.csv",
            "USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE\nu1,i1,1,click\n");
        Models models = new Models(client);
        models.create(watched, """
            apiVersion: uba.dev/v1alpha1
            kind: PersonalizationModel
            metadata: {name: recs}
            spec:
              trainingData: {s3Uri: "s3://%s/interactions/"}
            """.formatted(bucket));
        PersonalizationModel ready = models.awaitReady(watched, "recs");
        Secret secret = client.secrets().inNamespace(watched).withName("recs-personalize").get();
        assertThat(secret.getMetadata().getUid()).isEqualTo(ready.getStatus().getTrackingSecretUid());
        assertThat(secret.getData()).containsKeys("TRACKING_ID", "CAMPAIGN_ARN", "EVENT_TRACKER_ARN");
        assertThat(secret.getMetadata().getManagedFields()).anyMatch(f -> "uba-operator".equals(f.getManager()));
        models.delete(watched, "recs");
        models.awaitGone(watched, "recs");
        assertThat(operator.log()).doesNotContain("Forbidden").doesNotContain("forbidden");
      }
    } finally {
      Helm.Result uninstall = Helm.run("uninstall", release, "--namespace", ns, "--kubeconfig", kubeconfig.toString());
      assertThat(uninstall.exit()).as(uninstall.output()).isZero();
    }
  }

  /** helm template for the API server's Kubernetes version (the PodDisruptionBudget's API depends on it). */
  private static String templateWithCrds(String ns, String kubeVersion, String... sets) {
    List<String> args = new ArrayList<>(List.of("template", "uba", Helm.CHART.toString(), "--namespace", ns,
        "--include-crds", "--kube-version", kubeVersion));
    for (String set : sets) {
      args.add("--set");
      args.add(set);
    }
    Helm.Result r = Helm.run(args.toArray(String[]::new));
    assertThat(r.exit()).as(r.output()).isZero();
    return r.output();
  }

  /** Server-side apply with dryRun=All of every object; the answer must keep every field sent. */
  private static void dryRunApply(KubernetesClient client, String manifests) throws Exception {
    List<JsonNode> sent = HelmChartTest.render(manifests);
    List<HasMetadata> items = client.load(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8))).items();
    assertThat(items).hasSameSizeAs(sent);
    for (int i = 0; i < items.size(); i++) {
      HasMetadata item = items.get(i);
      String what = item.getKind() + "/" + item.getMetadata().getName();
      HasMetadata answer = client.resource(item).dryRun().fieldManager("uba-chart-test").forceConflicts()
          .serverSideApply();
      assertThat(answer).as(what).isNotNull();
      if (!(item instanceof CustomResourceDefinition)) {
        assertThat(client.resource(item).get()).as("%s must not exist after a dry run", what).isNull();
      }
      assertNothingDropped(what, sent.get(i), JSON.valueToTree(answer), "");
    }
  }

  /** Kubernetes 1.20 drops unknown fields silently: every field sent must be in the answer. */
  static void assertNothingDropped(String what, JsonNode sent, JsonNode answer, String path) {
    if (sent.isObject()) {
      assertThat(answer != null && answer.isObject()).as("%s: %s is an object in the answer", what, path).isTrue();
      for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (isZero(field.getValue()) && !answer.has(field.getKey())) {
          continue; // omitempty: Go leaves out zero values
        }
        assertThat(answer.has(field.getKey())).as("%s: the API server dropped %s/%s", what, path, field.getKey())
            .isTrue();
        assertNothingDropped(what, field.getValue(), answer.get(field.getKey()), path + "/" + field.getKey());
      }
    } else if (sent.isArray()) {
      assertThat(answer != null && answer.isArray() && answer.size() == sent.size())
          .as("%s: %s keeps its %d items", what, path, sent.size()).isTrue();
      for (int i = 0; i < sent.size(); i++) {
        assertNothingDropped(what, sent.get(i), answer.get(i), path + "/" + i);
      }
    }
  }

  private static boolean isZero(JsonNode value) {
    return value.isNull() || (value.isNumber() && value.asDouble() == 0) || (value.isBoolean() && !value.asBoolean())
        || (value.isTextual() && value.asText().isEmpty()) || (value.isContainerNode() && value.isEmpty());
  }

  private static boolean allowed(KubernetesClient client, String user, String ns, String group, String resource,
      String subresource, String verb) {
    SubjectAccessReview review = client.resource(new SubjectAccessReviewBuilder().withNewSpec().withUser(user)
        .withGroups("system:serviceaccounts", "system:authenticated")
        .withNewResourceAttributes().withNamespace(ns).withGroup(group).withResource(resource)
        .withSubresource(subresource).withVerb(verb).endResourceAttributes().endSpec().build()).create();
    return Boolean.TRUE.equals(review.getStatus().getAllowed());
  }

  /** The API server has no Prometheus Operator: a minimal ServiceMonitor CRD lets the dry run check it. */
  private static void installServiceMonitorCrd(KubernetesClient client) {
    CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName("servicemonitors.monitoring.coreos.com").endMetadata()
        .withNewSpec().withGroup("monitoring.coreos.com").withScope("Namespaced")
        .withNewNames().withKind("ServiceMonitor").withPlural("servicemonitors").withSingular("servicemonitor")
        .withListKind("ServiceMonitorList").endNames()
        .addNewVersion().withName("v1").withServed(true).withStorage(true)
        .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema().endSchema().endVersion()
        .endSpec().build();
    client.resource(crd).serverSideApply();
    client.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName())
        .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions().stream()
            .anyMatch(cond -> "Established".equals(cond.getType()) && "True".equals(cond.getStatus())),
            30, TimeUnit.SECONDS);
  }
}
