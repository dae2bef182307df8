package dev.uba.operator.testenv.opensearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Plain HTTP on loopback (no signature): the proxy to the node, and the tests' own requests. */
public final class NodeHttp {
  /** Headers the JDK client sets itself. */
  private static final Set<String> RESTRICTED = Set.of("host", "connection", "content-length", "expect", "upgrade",
      "transfer-encoding", "keep-alive");

  /** An answer of the node, or of the emulation in front of it. */
  public record Answer(int status, Map<String, List<String>> headers, byte[] body) {
    static Answer json(int status, String json) {
      return new Answer(status, Map.of("Content-Type", List.of("application/json; charset=UTF-8")),
          json.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  private final URI node;
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2))
      .build();

  NodeHttp(URI node) {
    this.node = node;
  }

  Answer send(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body)
      throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null || body.length == 0
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach((name, values) -> {
      if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    try {
      HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.headers().map(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  Answer send(String method, String pathAndQuery, String json) throws IOException {
    return send(method, pathAndQuery, json == null ? Map.of() : Map.of("Content-Type", List.of("application/json")),
        json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }
}
