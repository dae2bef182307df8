package dev.uba.operator.testenv;

import static org.awaitility.Awaitility.await;

import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Applying, reading and waiting on AnomalyAlert objects the way kubectl would (as {@link Pipelines} does). */
public final class AnomalyAlerts {
  public static final Duration TIMEOUT = Pipelines.TIMEOUT;

  private final KubernetesClient client;

  public AnomalyAlerts(KubernetesClient client) {
    this.client = client;
  }

  /** Creates the object from YAML in the namespace, as kubectl apply does for a new object. */
  public AnomalyAlert create(String namespace, String yaml) {
    AnomalyAlert alert = client.resources(AnomalyAlert.class)
        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).item();
    alert.getMetadata().setNamespace(namespace);
    return client.resource(alert).create();
  }

  public AnomalyAlert get(String namespace, String name) {
    return client.resources(AnomalyAlert.class).inNamespace(namespace).withName(name).get();
  }

  public AnomalyAlert edit(String namespace, String name, UnaryOperator<AnomalyAlert> change) {
    return client.resources(AnomalyAlert.class).inNamespace(namespace).withName(name).edit(change);
  }

  public void delete(String namespace, String name) {
    client.resources(AnomalyAlert.class).inNamespace(namespace).withName(name).delete();
  }

  /** Waits until the object's status describes its current generation and satisfies the check. */
  public AnomalyAlert awaitStatus(String namespace, String name, Predicate<AnomalyAlert> check) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> get(namespace, name), a -> a != null && a.getStatus() != null
            && a.getMetadata().getGeneration().equals(a.getStatus().getObservedGeneration()) && check.test(a));
  }

  public AnomalyAlert awaitReady(String namespace, String name) {
    return awaitStatus(namespace, name, a -> isTrue(a, "Ready"));
  }

  public AnomalyAlert awaitCondition(String namespace, String name, String type, String reason) {
    return awaitStatus(namespace, name, a -> isTrue(a, type)
        && reason.equals(condition(a, type).map(Condition::getReason).orElse("")));
  }

  public void awaitGone(String namespace, String name) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> get(namespace, name) == null);
  }

  public static boolean isTrue(AnomalyAlert a, String type) {
    return condition(a, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  public static Optional<Condition> condition(AnomalyAlert a, String type) {
    return a.getStatus() == null ? Optional.empty()
        : a.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Events recorded on the object, oldest first. */
  public List<Event> events(String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())
            && "AnomalyAlert".equals(e.getInvolvedObject().getKind()))
        .toList();
  }
}
