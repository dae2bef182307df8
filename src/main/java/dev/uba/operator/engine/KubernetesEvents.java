package dev.uba.operator.engine;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events (core/v1) on one object. The same Event again (type, reason and message)
 * raises the count and last timestamp of the one already recorded ({@link RecordedEvents}), so a
 * condition that persists over many passes reads "x12 over 3m" in {@code kubectl describe} rather
 * than filling the list. An Event that cannot be written is logged, never allowed to fail a
 * reconcile: Events are a courtesy, status is the record.
 */
public final class KubernetesEvents implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEvents.class);
  static final String COMPONENT = "uba-operator";

  private final KubernetesClient client;
  private final HasMetadata object;
  private final RecordedEvents recorded;

  public KubernetesEvents(KubernetesClient client, HasMetadata object, RecordedEvents recorded) {
    this.client = client;
    this.object = object;
    this.recorded = recorded;
  }

  @Override
  public void normal(String reason, String message) {
    record("Normal", reason, message);
  }

  @Override
  public void warning(String reason, String message) {
    record("Warning", reason, message);
  }

  private void record(String type, String reason, String message) {
    var meta = object.getMetadata();
    LOG.info("{}/{} {} {}: {}", meta.getNamespace(), meta.getName(), type, reason, message);
    String now = Instant.now().toString();
    RecordedEvents.Key key = new RecordedEvents.Key(meta.getUid(), type, reason, truncate(message));
    try {
      Optional<RecordedEvents.Recorded> again = recorded.previous(key).map(RecordedEvents.Recorded::again);
      if (again.isPresent() && countAgain(again.get(), now)) {
        recorded.remember(key, again.get());
        return;
      }
      String name = meta.getName() + "." + UUID.randomUUID().toString().substring(0, 8);
      create(name, key, now);
      recorded.remember(key, new RecordedEvents.Recorded(name, 1));
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} on {}/{}: {}", reason, meta.getNamespace(), meta.getName(), e.getMessage());
    }
  }

  /**
   * Raises the count of an Event recorded before (a merge patch: no read needed); false when it is
   * gone (Events expire, an hour by default), so a new one is made.
   */
  private boolean countAgain(RecordedEvents.Recorded event, String now) {
    Event patch = new EventBuilder().withCount(event.count()).withLastTimestamp(now).build();
    try {
      client.v1().events().inNamespace(object.getMetadata().getNamespace()).withName(event.eventName())
          .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private void create(String name, RecordedEvents.Key key, String now) {
    var meta = object.getMetadata();
    client.v1().events().inNamespace(meta.getNamespace()).resource(new EventBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(meta.getNamespace())
        .endMetadata()
        .withInvolvedObject(new ObjectReferenceBuilder()
            .withApiVersion(object.getApiVersion()).withKind(object.getKind())
            .withName(meta.getName()).withNamespace(meta.getNamespace()).withUid(meta.getUid())
            .withResourceVersion(meta.getResourceVersion()).build())
        .withType(key.type()).withReason(key.reason()).withMessage(key.message())
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .build()).create();
  }

  private static String truncate(String message) {
    return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
  }
}
