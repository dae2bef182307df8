package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TrackingSecretTest {

  @Test
  void theSecretHoldsTheKnownValuesIsOwnedByTheModelAndCarriesTheUidItMustHave() {
    PersonalizationModel m = ModelValidationTest.model();
    m.getMetadata().setUid("uid-1");
    var data = TrackingSecret.data("tid", "arn:campaign", null);
    assertThat(data).containsOnlyKeys("TRACKING_ID", "CAMPAIGN_ARN");
    assertThat(new String(Base64.getDecoder().decode(data.get("TRACKING_ID")), StandardCharsets.UTF_8)).isEqualTo("tid");
    var secret = TrackingSecret.desired(m, "recs-personalize", data, "secret-uid");
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("analytics");
    assertThat(secret.getMetadata().getUid()).isEqualTo("secret-uid");
    assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getUid()).isEqualTo("uid-1");
      assertThat(o.getKind()).isEqualTo("PersonalizationModel");
      assertThat(o.getApiVersion()).isEqualTo("uba.dev/v1alpha1");
      assertThat(o.getController()).isTrue();
    });
    assertThat(TrackingSecret.ownedBy(secret, m)).isTrue();
  }

  @Test
  void aSecretIsTheModelsOnlyWithAnOwnerReferenceToItsUid() {
    PersonalizationModel m = ModelValidationTest.model();
    m.getMetadata().setUid("uid-1");
    assertThat(TrackingSecret.ownedBy(new SecretBuilder().withNewMetadata().withName("recs-personalize")
        .endMetadata().build(), m)).isFalse();
    assertThat(TrackingSecret.ownedBy(new SecretBuilder().withNewMetadata().withName("recs-personalize")
        .withOwnerReferences(new OwnerReferenceBuilder().withKind("PersonalizationModel").withName("recs")
            .withUid("uid-of-an-earlier-recs").build())
        .endMetadata().build(), m)).as("same name, another object").isFalse();
  }

  @Test
  void onlyARefusalOfTheUidMeansAnotherSecret() {
    assertThat(TrackingSecret.isOtherUid(refused(422, "metadata.uid"))).isTrue();
    assertThat(TrackingSecret.isOtherUid(refused(422, "data"))).isFalse();
    assertThat(TrackingSecret.isOtherUid(refused(409, "metadata.uid"))).isFalse();
    assertThat(TrackingSecret.isOtherUid(new KubernetesClientException("connection refused"))).isFalse();
  }

  @Test
  void aConflictSaysTheSecretIsGoneAlreadyExistsThatOneIsThere() {
    assertThat(TrackingSecret.isGone(refused(409, "Conflict", ""))).isTrue();
    assertThat(TrackingSecret.isGone(refused(409, "AlreadyExists", ""))).isFalse();
    assertThat(TrackingSecret.isAlreadyThere(refused(409, "AlreadyExists", ""))).isTrue();
    assertThat(TrackingSecret.isAlreadyThere(refused(403, "Forbidden", ""))).isFalse();
  }

  private static KubernetesClientException refused(int code, String field) {
    return refused(code, "Invalid", field);
  }

  private static KubernetesClientException refused(int code, String reason, String field) {
    return new KubernetesClientException(new StatusBuilder().withCode(code).withReason(reason)
        .withNewDetails().addNewCause().withField(field).withReason("FieldValueInvalid")
        .withMessage("field is immutable").endCause().endDetails().build());
  }
}
