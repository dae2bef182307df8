package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.testenv.KubeApi;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tracking Secret's server-side apply against the real API server, written by an identity that
 * may only create and patch Secrets in the namespace (as the chart grants): created, updated, recognised as the
 * model's after its uid was lost, and a Secret of that name the model does not own left exactly as it was.
 */
class TrackingSecretIT {
  private KubeApi kube;
  private KubernetesClient admin;
  private KubernetesClient operator;
  private String ns;
  private final PersonalizationModel model = ModelValidationTest.model();

  @BeforeEach
  void start() {
    kube = KubeApi.shared();
    ns = kube.newNamespace("secret");
    admin = kube.newClient();
    model.getMetadata().setNamespace(ns);
    model.getMetadata().setUid(UUID.randomUUID().toString());
    admin.resource(new RoleBuilder().withNewMetadata().withName("secrets-write").withNamespace(ns).endMetadata()
        .withRules(new PolicyRuleBuilder().withApiGroups("").withResources("secrets").withVerbs("create", "patch").build())
        .build()).create();
    admin.resource(new RoleBindingBuilder().withNewMetadata().withName("secrets-write").withNamespace(ns)
        .endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role")
        .withName("secrets-write").endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("operator").withNamespace(ns).endSubject().build())
        .create();
    Config config = Config.fromKubeconfig(kube.kubeconfigYaml());
    config.setImpersonateUsername("system:serviceaccount:" + ns + ":operator");
    config.setImpersonateGroups("system:serviceaccounts", "system:authenticated");
    operator = new KubernetesClientBuilder().withConfig(config).build();
  }

  @AfterEach
  void stop() {
    operator.close();
    admin.close();
  }

  @Test
  void theModelsSecretIsCreatedAndPatchedWithoutAReadAndRecognisedWithoutItsRecordedUid() {
    assertThatThrownBy(() -> operator.secrets().inNamespace(ns).withName("recs-personalize").get())
        .as("the identity cannot read Secrets").isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(403));

    TrackingSecret.Written created = TrackingSecret.apply(operator, model, "recs-personalize",
        TrackingSecret.data("tid-1", null, "arn:tracker"), null);
    assertThat(created.foreign()).isFalse();
    Secret secret = admin.secrets().inNamespace(ns).withName("recs-personalize").get();
    assertThat(secret.getMetadata().getUid()).as("the server's uid, not the one sent").isEqualTo(created.uid());
    assertThat(secret.getData()).containsOnlyKeys("TRACKING_ID", "EVENT_TRACKER_ARN");
    assertThat(TrackingSecret.ownedBy(secret, model)).isTrue();

    TrackingSecret.Written updated = TrackingSecret.apply(operator, model, "recs-personalize",
        TrackingSecret.data("tid-1", "arn:campaign", "arn:tracker"), created.uid());
    assertThat(updated.uid()).isEqualTo(created.uid());
    secret = admin.secrets().inNamespace(ns).withName("recs-personalize").get();
    assertThat(secret.getMetadata().getManagedFields()).anyMatch(f -> TrackingSecret.FIELD_MANAGER.equals(f.getManager())
        && "Apply".equals(f.getOperation()));
    assertThat(secret.getData()).containsOnlyKeys("TRACKING_ID", "CAMPAIGN_ARN", "EVENT_TRACKER_ARN");
    String version = secret.getMetadata().getResourceVersion();

    TrackingSecret.Written again = TrackingSecret.apply(operator, model, "recs-personalize",
        TrackingSecret.data("tid-1", "arn:campaign", "arn:tracker"), updated.uid());
    assertThat(again.uid()).isEqualTo(created.uid());
    assertThat(admin.secrets().inNamespace(ns).withName("recs-personalize").get().getMetadata().getResourceVersion())
        .as("an unchanged Secret is not written").isEqualTo(version);

    // The uid lost (or a Secret an earlier version wrote): still the model's, by its ownerReference.
    TrackingSecret.Written recognised = TrackingSecret.apply(operator, model, "recs-personalize",
        TrackingSecret.data("tid-2", "arn:campaign", "arn:tracker"), null);
    assertThat(recognised.uid()).isEqualTo(created.uid());
    assertThat(admin.secrets().inNamespace(ns).withName("recs-personalize").get().getData().get("TRACKING_ID"))
        .isEqualTo(TrackingSecret.data("tid-2", null, null).get("TRACKING_ID"));

    // Deleted by someone: written again, under a new uid.
    admin.secrets().inNamespace(ns).withName("recs-personalize").delete();
    admin.secrets().inNamespace(ns).withName("recs-personalize").waitUntilCondition(s -> s == null,
        10, TimeUnit.SECONDS);
    TrackingSecret.Written rewritten = TrackingSecret.apply(operator, model, "recs-personalize",
        TrackingSecret.data("tid-2", "arn:campaign", "arn:tracker"), created.uid());
    assertThat(rewritten.foreign()).isFalse();
    assertThat(rewritten.uid()).isNotEqualTo(created.uid())
        .isEqualTo(admin.secrets().inNamespace(ns).withName("recs-personalize").get().getMetadata().getUid());
  }

  @Test
  void aSecretOfThatNameTheModelDoesNotOwnIsNeverChanged() {
    for (Map<String, String> theirs : new Map[] {Map.of("password", "c2VjcmV0"), Map.of("TRACKING_ID", "dGhlaXJz")}) {
      String name = "recs-" + theirs.size() + theirs.keySet().iterator().next().toLowerCase().charAt(0);
      Secret before = admin.resource(new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName(name)
          .withNamespace(ns).build()).withData(theirs).build()).create();

      TrackingSecret.Written written = TrackingSecret.apply(operator, model, name,
          TrackingSecret.data("tid-1", "arn:campaign", "arn:tracker"), null);

      assertThat(written.foreign()).as(name).isTrue();
      Secret after = admin.secrets().inNamespace(ns).withName(name).get();
      assertThat(after.getMetadata().getResourceVersion()).as(name + " untouched")
          .isEqualTo(before.getMetadata().getResourceVersion());
      assertThat(after.getData()).isEqualTo(theirs);
      assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
    }
  }

  @Test
  void aSecretPutInPlaceOfTheModelsIsNotTheModels() {
    TrackingSecret.Written created = TrackingSecret.apply(operator, model, "recs-personalize",
        TrackingSecret.data("tid-1", null, "arn:tracker"), null);
    admin.secrets().inNamespace(ns).withName("recs-personalize").delete();
    admin.secrets().inNamespace(ns).withName("recs-personalize").waitUntilCondition(s -> s == null,
        10, TimeUnit.SECONDS);
    Secret theirs = admin.resource(new SecretBuilder().withNewMetadata().withName("recs-personalize")
        .withNamespace(ns).endMetadata().withData(Map.of("password", "c2VjcmV0")).build()).create();

    TrackingSecret.Written written = TrackingSecret.apply(operator, model, "recs-personalize",
        TrackingSecret.data("tid-1", null, "arn:tracker"), created.uid());

    assertThat(written.foreign()).isTrue();
    assertThat(admin.secrets().inNamespace(ns).withName("recs-personalize").get().getMetadata().getResourceVersion())
        .isEqualTo(theirs.getMetadata().getResourceVersion());
  }
}
