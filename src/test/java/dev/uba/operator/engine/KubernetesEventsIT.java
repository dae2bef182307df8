package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.uba.operator.testenv.KubeApi;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Events on an object against the real API server: a repeat raises the count, as Kubernetes does. */
class KubernetesEventsIT {
  private static KubernetesClient client;

  @BeforeAll
  static void connect() {
    client = KubeApi.shared().newClient();
  }

  @AfterAll
  static void close() {
    client.close();
  }

  @Test
  void theSameEventRepeatedIsOneEventWithACount() {
    ConfigMap object = anObject();
    KubernetesEvents events = new KubernetesEvents(client, object, new RecordedEvents());

    events.warning("Degraded", "AccessDenied: not allowed to kinesis:CreateStream");
    events.warning("Degraded", "AccessDenied: not allowed to kinesis:CreateStream");
    events.warning("Degraded", "AccessDenied: not allowed to kinesis:CreateStream");
    events.normal("Created", "KinesisStream a-b");

    List<Event> recorded = eventsOn(object);
    assertThat(recorded).extracting(Event::getReason, Event::getCount)
        .containsExactlyInAnyOrder(tuple("Degraded", 3),
            tuple("Created", 1));
    Event degraded = recorded.stream().filter(e -> e.getReason().equals("Degraded")).findFirst().orElseThrow();
    assertThat(degraded.getLastTimestamp()).isGreaterThanOrEqualTo(degraded.getFirstTimestamp());
    assertThat(degraded.getType()).isEqualTo("Warning");
  }

  @Test
  void anotherMessageIsAnotherEvent() {
    ConfigMap object = anObject();
    KubernetesEvents events = new KubernetesEvents(client, object, new RecordedEvents());

    events.warning("Degraded", "AccessDenied: kinesis:CreateStream");
    events.warning("Degraded", "QuotaExceeded: 50 streams");

    assertThat(eventsOn(object)).extracting(Event::getMessage, Event::getCount).containsExactlyInAnyOrder(
        tuple("AccessDenied: kinesis:CreateStream", 1),
        tuple("QuotaExceeded: 50 streams", 1));
  }

  @Test
  void anEventThatExpiredIsRecordedAnew() {
    ConfigMap object = anObject();
    KubernetesEvents events = new KubernetesEvents(client, object, new RecordedEvents());
    events.normal("Retained", "left in place");
    client.v1().events().inNamespace(object.getMetadata().getNamespace()).delete();

    events.normal("Retained", "left in place");

    assertThat(eventsOn(object)).extracting(Event::getReason, Event::getCount)
        .containsExactly(tuple("Retained", 1));
  }

  private static ConfigMap anObject() {
    String ns = KubeApi.shared().newNamespace("events");
    return client.configMaps().inNamespace(ns)
        .resource(new ConfigMapBuilder().withNewMetadata().withName("subject").endMetadata().build()).create();
  }

  private static List<Event> eventsOn(ConfigMap object) {
    return client.v1().events().inNamespace(object.getMetadata().getNamespace()).list().getItems().stream()
        .filter(e -> object.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
        .sorted(Comparator.comparing(Event::getReason))
        .toList();
  }
}
