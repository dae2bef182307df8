package dev.uba.operator.testenv;

import static org.awaitility.Awaitility.await;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Applying, reading and waiting on PersonalizationModel objects the way kubectl would; S3 training data. */
public final class Models {
  public static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final KubernetesClient client;

  public Models(KubernetesClient client) {
    this.client = client;
  }

  public PersonalizationModel create(String namespace, String yaml) {
    PersonalizationModel model = client.resources(PersonalizationModel.class)
        .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).item();
    model.getMetadata().setNamespace(namespace);
    return client.resource(model).create();
  }

  public PersonalizationModel get(String namespace, String name) {
    return client.resources(PersonalizationModel.class).inNamespace(namespace).withName(name).get();
  }

  public PersonalizationModel edit(String namespace, String name, UnaryOperator<PersonalizationModel> change) {
    return client.resources(PersonalizationModel.class).inNamespace(namespace).withName(name).edit(change);
  }

  public void delete(String namespace, String name) {
    client.resources(PersonalizationModel.class).inNamespace(namespace).withName(name).delete();
  }

  /** Waits until the status describes the current generation and satisfies the check. */
  public PersonalizationModel awaitStatus(String namespace, String name, Predicate<PersonalizationModel> check) {
    return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> get(namespace, name), m -> m != null && m.getStatus() != null
            && m.getMetadata().getGeneration().equals(m.getStatus().getObservedGeneration()) && check.test(m));
  }

  public PersonalizationModel awaitReady(String namespace, String name) {
    return awaitStatus(namespace, name, m -> isTrue(m, "Ready"));
  }

  public PersonalizationModel awaitDegraded(String namespace, String name, String reason) {
    return awaitStatus(namespace, name, m -> isTrue(m, "Degraded")
        && reason.equals(condition(m, "Degraded").map(Condition::getReason).orElse("")));
  }

  public void awaitGone(String namespace, String name) {
    await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> get(namespace, name) == null);
  }

  public static boolean isTrue(PersonalizationModel m, String type) {
    return condition(m, type).map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  public static Optional<Condition> condition(PersonalizationModel m, String type) {
    return m.getStatus() == null ? Optional.empty()
        : m.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  public List<Event> events(String namespace, String name) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName())
            && "PersonalizationModel".equals(e.getInvolvedObject().getKind()))
        .toList();
  }

  /** Creates the bucket (if needed) and, when key is given, an object in the emulator's S3. */
  public static void putS3Object(URI s3Endpoint, String bucket, String key, String content) {
    s3(s3Endpoint, "PUT", "/" + bucket, "");
    if (key != null) {
      s3(s3Endpoint, "PUT", "/" + bucket + "/" + key, content);
    }
  }

  private static void s3(URI endpoint, String method, String path, String body) {
    try {
      HttpRequest req = HttpRequest.newBuilder(URI.create(endpoint.toString().replaceAll("/$", "") + path))
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/"
              + "us-east-1/s3/aws4_request, SignedHeaders=host, Signature=0")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
          .build();
      int status = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IllegalStateException("S3 " + method + " " + path + " answered " + status);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
