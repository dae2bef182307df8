package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Secret &lt;name&gt;-personalize with TRACKING_ID, CAMPAIGN_ARN and EVENT_TRACKER_ARN for the
 * applications, owned by the model (ownerReference, so the cluster's garbage collector removes it
 * with the object); the tracking ID appears nowhere else.
 *
 * <p>It is written without reading Secrets (the operator may only create and patch them; no get,
 * list or watch), and never over a Secret the model does not own. The first write is a create, which
 * the API server refuses when a Secret of that name exists. Later writes are server-side apply
 * patches under the field manager {@value #FIELD_MANAGER} that carry {@code metadata.uid}, the uid
 * of the Secret the model wrote (status.trackingSecretUid): the API server applies them only to that
 * very Secret, and refuses them when the Secret is gone (it is then created again) or was replaced.
 * Only when a write is refused because a Secret exists that the model did not write (there before
 * its first write, written by an earlier version of the operator, or put in place of ours) does one
 * dry-run apply that changes nothing show whether it names the model as owner: a Secret without an
 * ownerReference with the model's UID is foreign and left untouched.
 */
public final class TrackingSecret {
  public static final String TRACKING_ID = "TRACKING_ID";
  public static final String CAMPAIGN_ARN = "CAMPAIGN_ARN";
  public static final String EVENT_TRACKER_ARN = "EVENT_TRACKER_ARN";
  /** The operator's field manager for the Secrets it applies. */
  public static final String FIELD_MANAGER = "uba-operator";
  /** A field manager that owns nothing: its empty dry-run apply only shows the Secret as it is. */
  static final String PROBE_MANAGER = "uba-operator-ownership-check";

  private TrackingSecret() {}

  /** What writing the Secret came to: written (its uid), or refused because another owns it. */
  public record Written(String uid) {
    static final Written FOREIGN = new Written(null);

    public boolean foreign() {
      return uid == null;
    }
  }

  /** Writes the Secret: to the cluster ({@link #apply}) in production, elsewhere in tests. */
  @FunctionalInterface
  interface Writer {
    Written write(Context<PersonalizationModel> context, PersonalizationModel model, String secretName,
        Map<String, String> data, String recordedUid);

    /** To the cluster of the reconcile's context. */
    Writer CLUSTER = (context, model, secretName, data, recordedUid) ->
        apply(context.getClient(), model, secretName, data, recordedUid);
  }

  /** The Secret's data (base64, as stored) for the known values (pure). */
  public static Map<String, String> data(String trackingId, String campaignArn, String eventTrackerArn) {
    Map<String, String> data = new LinkedHashMap<>();
    put(data, TRACKING_ID, trackingId);
    put(data, CAMPAIGN_ARN, campaignArn);
    put(data, EVENT_TRACKER_ARN, eventTrackerArn);
    return data;
  }

  /** The Secret as it should be, expected to have {@code uid} (pure). */
  public static Secret desired(PersonalizationModel model, String secretName, Map<String, String> data, String uid) {
    return new SecretBuilder()
        .withNewMetadata().withName(secretName).withNamespace(model.getMetadata().getNamespace()).withUid(uid)
        .addToLabels("app.kubernetes.io/managed-by", "uba-operator")
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(model.getApiVersion()).withKind(model.getKind())
            .withName(model.getMetadata().getName()).withUid(model.getMetadata().getUid()).withController(true)
            .build())
        .endMetadata()
        .withType("Opaque").withData(data).build();
  }

  /** True when the Secret names the model (by UID) among its owners (pure). */
  public static boolean ownedBy(Secret secret, PersonalizationModel model) {
    List<io.fabric8.kubernetes.api.model.OwnerReference> owners = secret.getMetadata().getOwnerReferences();
    return owners != null && owners.stream().anyMatch(o -> Objects.equals(o.getUid(), model.getMetadata().getUid()));
  }

  /** True when the API server refused a patch because the Secret's uid is not the one it carried (pure). */
  public static boolean isOtherUid(KubernetesClientException e) {
    if (e.getCode() != 422 || e.getStatus() == null || e.getStatus().getDetails() == null) {
      return false;
    }
    List<StatusCause> causes = e.getStatus().getDetails().getCauses();
    return causes != null && causes.stream().anyMatch(c -> "metadata.uid".equals(c.getField()));
  }

  /** True when a patch carrying a uid was refused because no Secret of that name exists any more (pure). */
  public static boolean isGone(KubernetesClientException e) {
    return e.getCode() == 409 && e.getStatus() != null && "Conflict".equals(e.getStatus().getReason());
  }

  /** True when a create was refused because a Secret of that name exists (pure). */
  public static boolean isAlreadyThere(KubernetesClientException e) {
    return e.getCode() == 409 && e.getStatus() != null && "AlreadyExists".equals(e.getStatus().getReason());
  }

  /**
   * Creates or updates the Secret; {@link Written#FOREIGN} (nothing written) when a Secret of that
   * name exists that the model does not own.
   */
  public static Written apply(KubernetesClient client, PersonalizationModel model, String secretName,
      Map<String, String> data, String recordedUid) {
    if (recordedUid != null) {
      try {
        return new Written(patch(client, desired(model, secretName, data, recordedUid)));
      } catch (KubernetesClientException e) {
        if (isOtherUid(e)) {
          return ifOwned(client, model, secretName, data);
        }
        if (!isGone(e)) {
          throw e;
        }
      }
    }
    try {
      return new Written(client.resource(desired(model, secretName, data, null)).create().getMetadata().getUid());
    } catch (KubernetesClientException e) {
      if (!isAlreadyThere(e)) {
        throw e;
      }
      return ifOwned(client, model, secretName, data);
    }
  }

  /** A Secret exists that the model did not write (as far as it knows): patched only if it names the model as owner. */
  private static Written ifOwned(KubernetesClient client, PersonalizationModel model, String secretName,
      Map<String, String> data) {
    Secret existing = client.resource(new SecretBuilder().withNewMetadata().withName(secretName)
            .withNamespace(model.getMetadata().getNamespace()).endMetadata().build())
        .dryRun().fieldManager(PROBE_MANAGER).serverSideApply();
    if (!ownedBy(existing, model)) {
      return Written.FOREIGN;
    }
    return new Written(patch(client, desired(model, secretName, data, existing.getMetadata().getUid())));
  }

  /** The apply of the Secret with that uid; the operator's own fields win over another manager's edits of them. */
  private static String patch(KubernetesClient client, Secret desired) {
    return client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply()
        .getMetadata().getUid();
  }

  private static void put(Map<String, String> data, String key, String value) {
    if (value != null && !value.isEmpty()) {
      data.put(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }
  }
}
