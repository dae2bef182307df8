package dev.uba.operator.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.ArchiveSpec;
import dev.uba.operator.api.v1alpha1.DeliverySpec;
import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The cross-field rules of spec.archive, spec.delivery and the index template (no AWS call). */
class DeliveryValidationTest {
  private static final String REGION = "us-east-1";

  private static UbaPipeline pipeline(UbaPipelineSpec spec, UbaPipelineStatus status) {
    UbaPipeline p = new UbaPipeline();
    p.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("clickstream").withGeneration(1L).build());
    p.setSpec(spec);
    p.setStatus(status);
    return p;
  }

  private static Optional<Outcome> validate(UbaPipelineSpec spec, UbaPipelineStatus status) {
    UbaPipeline p = pipeline(spec, status);
    return PipelineValidation.validate(p, REGION, PipelineNames.of(p));
  }

  private static UbaPipelineSpec withDelivery() {
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setSearch(new SearchSpec());
    spec.setArchive(new ArchiveSpec());
    spec.setDelivery(new DeliverySpec());
    return spec;
  }

  @Test
  void aDeliveryWithItsArchiveIsAccepted() {
    assertThat(validate(withDelivery(), null)).isEmpty();
  }

  @Test
  void aDeliveryNeedsAnArchive() {
    UbaPipelineSpec spec = withDelivery();
    spec.setArchive(null);
    assertThat(validate(spec, null)).get().satisfies(o -> {
      assertThat(o.reason()).isEqualTo(Reasons.INVALID_SPEC);
      assertThat(o.message()).startsWith("spec.archive:").contains("spec.delivery");
    });
  }

  @Test
  void glacierMustComeBeforeExpiry() {
    UbaPipelineSpec spec = withDelivery();
    spec.getArchive().setExpireAfterDays(30);
    spec.getArchive().setGlacierAfterDays(30);
    assertThat(validate(spec, null)).get().extracting(Outcome::message).asString()
        .contains("spec.archive.glacierAfterDays", "30");
    // with expiry off (0), any transition is fine
    spec.getArchive().setExpireAfterDays(0);
    assertThat(validate(spec, null)).isEmpty();
  }

  @Test
  void noReplicasWithZoneAwarenessIsRefused() {
    UbaPipelineSpec spec = withDelivery();
    SearchSpec.ZoneAwareness zones = new SearchSpec.ZoneAwareness();
    spec.getSearch().setZoneAwareness(zones);
    spec.getSearch().setInstanceCount(2);
    spec.getSearch().getIndexTemplate().setReplicas(0);
    assertThat(validate(spec, null)).get().extracting(Outcome::message).asString()
        .startsWith("spec.search.indexTemplate.replicas");
    spec.getSearch().getIndexTemplate().setReplicas(1);
    assertThat(validate(spec, null)).isEmpty();
  }

  @Test
  void theBucketAndDeliveryNamesCannotChangeOnceCreated() {
    UbaPipelineStatus status = new UbaPipelineStatus();
    status.setArchive(new UbaPipelineStatus.ArchiveStatus("analytics-clickstream-0a1b2c3d", "arn:aws:s3:::x"));
    UbaPipelineStatus.DeliveryStatus delivery = new UbaPipelineStatus.DeliveryStatus();
    delivery.setName("analytics-clickstream");
    status.setDelivery(delivery);
    UbaPipelineSpec spec = withDelivery();
    spec.getArchive().setBucketName("another-bucket");
    spec.getDelivery().setName("another");

    Outcome refused = validate(spec, status).orElseThrow();
    assertThat(refused.reason()).isEqualTo(Reasons.IMMUTABLE_FIELD);
    assertThat(refused.message()).contains("spec.archive.bucketName", "spec.delivery.name");
  }
}
