package dev.uba.operator.testenv;

import static org.awaitility.Awaitility.await;

import dev.uba.operator.api.v1alpha1.UbaPipeline;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Applying, reading and waiting on UbaPipeline objects the way kubectl would. */
public final class Pipelines {
  public static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final KubernetesClient client;

  public Pipelines(KubernetesClient client) {
    this.client = client;
  }

  /** Creates the object from YAML in the namespace, as kubectl apply does for a new object. */
  public UbaPipeline create(String namespace, String yaml) {
    UbaPipeline pipeline = client.resources(UbaPipeline.class)
        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).item();
    pipeline.getMetadata().setNamespace(namespace);
    return client.resource(pipeline).create();
  }

  public UbaPipeline get(String namespace, String name) {
    return client.resources(UbaPipeline.class).inNamespace(namespace).withName(name).get();
  }

  public UbaPipeline edit(String namespace, String name, java.util.function.UnaryOperator<UbaPipeline> change) {
    return client.resources(UbaPipeline.class).inNamespace(namespace).withName(name).edit(change);
  }

  public void delete(String namespace, String name) {
    client.resources(UbaPipeline.class).inNamespace(namespace).withName(name).delete();
  }

  /** Waits until the object's status describes its current generation and satisfies the check. */
  public UbaPipeline awaitStatus(String namespace, String name, Predicate<UbaPipeline> check) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
        .until(() -> get(namespace, name), p -> p != null && p.getStatus() != null
            && p.getMetadata().getGeneration().equals(p.getStatus().getObservedGeneration()) && check.test(p));
  }

  public UbaPipeline awaitReady(String namespace, String name) {
    return awaitStatus(namespace, name, p -> isTrue(p, "Ready"));
  }

  public UbaPipeline awaitDegraded(String namespace, String name, String reason) {
    return awaitStatus(namespace, name, p -> isTrue(p, "Degraded")
        && reason.equals(condition(p, "Degraded").map(Condition::getReason).orElse("")));
  }

  public void awaitGone(String namespace, String name) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).until(() -> get(namespace, name) == null);
  }

  public static boolean isTrue(UbaPipeline p, String type) {
    return condition(p, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  public static Optional<Condition> condition(UbaPipeline p, String type) {
    return p.getStatus() == null ? Optional.empty()
        : p.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Events recorded on the object, oldest first. */
  public List<Event> events(String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())
            && "UbaPipeline".equals(e.getInvolvedObject().getKind()))
        .toList();
  }
}
