package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Secret &lt;name&gt;-personalize with TRACKING_ID, CAMPAIGN_ARN and EVENT_TRACKER_ARN for the
 * applications, owned by the model (ownerReference, so the cluster's garbage collector removes it
 * with the object). Written only when its content changes; the tracking ID appears nowhere else.
 */
public final class TrackingSecret {
  public static final String TRACKING_ID = "TRACKING_ID";
  public static final String CAMPAIGN_ARN = "CAMPAIGN_ARN";
  public static final String EVENT_TRACKER_ARN = "EVENT_TRACKER_ARN";

  private TrackingSecret() {}

  /** Writes the Secret: to the cluster ({@link #apply}) in production, elsewhere in tests. */
  @FunctionalInterface
  interface Writer {
    void write(Context<PersonalizationModel> context, PersonalizationModel model, String secretName,
        Map<String, String> data);

    /** To the cluster of the reconcile's context. */
    Writer CLUSTER = (context, model, secretName, data) -> apply(context.getClient(), model, secretName, data);
  }

  /** The Secret's data (base64, as stored) for the known values (pure). */
  public static Map<String, String> data(String trackingId, String campaignArn, String eventTrackerArn) {
    Map<String, String> data = new LinkedHashMap<>();
    put(data, TRACKING_ID, trackingId);
    put(data, CAMPAIGN_ARN, campaignArn);
    put(data, EVENT_TRACKER_ARN, eventTrackerArn);
    return data;
  }

  /** The Secret as it should be (pure). */
  public static Secret desired(PersonalizationModel model, String secretName, Map<String, String> data) {
    return new SecretBuilder()
        .withNewMetadata().withName(secretName).withNamespace(model.getMetadata().getNamespace())
        .addToLabels("app.kubernetes.io/managed-by", "uba-operator")
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(model.getApiVersion()).withKind(model.getKind())
            .withName(model.getMetadata().getName()).withUid(model.getMetadata().getUid()).withController(true)
            .build())
        .endMetadata()
        .withType("Opaque").withData(data).build();
  }

  /** Creates or updates the Secret; true when something was written. */
  public static boolean apply(KubernetesClient client, PersonalizationModel model, String secretName,
      Map<String, String> data) {
    var handle = client.secrets().inNamespace(model.getMetadata().getNamespace()).withName(secretName);
    Secret existing = handle.get();
    Secret desired = desired(model, secretName, data);
    if (existing == null) {
      client.resource(desired).create();
      return true;
    }
    boolean owned = existing.getMetadata().getOwnerReferences() != null && existing.getMetadata().getOwnerReferences()
        .stream().anyMatch(o -> Objects.equals(o.getUid(), model.getMetadata().getUid()));
    if (Objects.equals(existing.getData(), data) && owned) {
      return false;
    }
    handle.edit(s -> {
      s.setData(data);
      s.setStringData(null);
      s.getMetadata().setOwnerReferences(desired.getMetadata().getOwnerReferences());
      return s;
    });
    return true;
  }

  private static void put(Map<String, String> data, String key, String value) {
    if (value != null && !value.isEmpty()) {
      data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
