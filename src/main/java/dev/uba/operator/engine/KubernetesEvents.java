package dev.uba.operator.engine;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events (core/v1) on one object. An Event that cannot be written is logged, never
 * allowed to fail a reconcile: Events are a courtesy, status is the record.
 */
public final class KubernetesEvents implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(KubernetesEvents.class);
  static final String COMPONENT = "uba-operator";

  private final KubernetesClient client;
  private final HasMetadata object;

  public KubernetesEvents(KubernetesClient client, HasMetadata object) {
    this.client = client;
    this.object = object;
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
    String now = Instant.now().toString();
    var meta = object.getMetadata();
    LOG.info("{}/{} {} {}: {}", meta.getNamespace(), meta.getName(), type, reason, message);
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(new EventBuilder()
          .withNewMetadata()
          .withName(meta.getName() + "." + UUID.randomUUID().toString().substring(0, 8))
          .withNamespace(meta.getNamespace())
          .endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder()
              .withApiVersion(object.getApiVersion()).withKind(object.getKind())
              .withName(meta.getName()).withNamespace(meta.getNamespace()).withUid(meta.getUid())
              .withResourceVersion(meta.getResourceVersion()).build())
          .withType(type).withReason(reason).withMessage(truncate(message))
          .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
          .withNewSource().withComponent(COMPONENT).endSource()
          .withReportingComponent(COMPONENT)
          .build()).create();
    } catch (KubernetesClientException e) {
      LOG.warn("could not record event {} on {}/{}: {}", reason, meta.getNamespace(), meta.getName(), e.getMessage());
    }
  }

  private static String truncate(String message) {
    return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
  }
}
