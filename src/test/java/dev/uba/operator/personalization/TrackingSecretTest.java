package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TrackingSecretTest {

  @Test
  void theSecretHoldsTheKnownValuesAndIsOwnedByTheModel() {
    PersonalizationModel m = ModelValidationTest.model();
    m.getMetadata().setUid("uid-1");
    var data = TrackingSecret.data("tid", "arn:campaign", null);
    assertThat(data).containsOnlyKeys("TRACKING_ID", "CAMPAIGN_ARN");
    assertThat(new String(Base64.getDecoder().decode(data.get("TRACKING_ID")), StandardCharsets.UTF_8)).isEqualTo("tid");
    var secret = TrackingSecret.desired(m, "recs-personalize", data);
    assertThat(secret.getMetadata().getNamespace()).isEqualTo("analytics");
    assertThat(secret.getMetadata().getOwnerReferences()).singleElement().satisfies(o -> {
      assertThat(o.getUid()).isEqualTo("uid-1");
      assertThat(o.getKind()).isEqualTo("PersonalizationModel");
      assertThat(o.getApiVersion()).isEqualTo("uba.dev/v1alpha1");
      assertThat(o.getController()).isTrue();
    });
  }
}
