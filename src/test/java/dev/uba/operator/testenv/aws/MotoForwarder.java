package dev.uba.operator.testenv.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sends a request on to the emulator unchanged (method, path, query, body and headers, less the
 * hop-by-hop and client-managed ones) and brings its answer back, with two repairs of the
 * emulator's wire output:
 *
 * <ul>
 *   <li>an HTML error page becomes an AWS-style {@code NotImplemented} error
 *       ({@link ErrorShapes#emulatorCannotServe});
 *   <li>a JSON body labelled {@code text/html} (the emulator does that for OpenSearch answers) is
 *       labelled {@code application/json}, as the restJson1 protocol answers are.
 * </ul>
 */
final class MotoForwarder {

  /** Headers the JDK client sets itself or refuses, and hop-by-hop headers. */
  private static final Set<String> NOT_FORWARDED = caseInsensitive(
      "Host", "Content-Length", "Connection", "Expect", "Upgrade", "Transfer-Encoding",
      "Keep-Alive", "TE", "Trailer", "Proxy-Connection", "Date", "Via", "From", "Warning");

  /** Response headers that the proxy's own server computes. */
  private static final Set<String> NOT_RETURNED = caseInsensitive(
      "Content-Length", "Transfer-Encoding", "Connection", "Date", "Server", "Keep-Alive");

  private final URI base;
  private final HttpClient client;

  MotoForwarder(URI base) {
    this.base = base;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Forwards {@code req} to the emulator and returns its (repaired) answer. */
  AwsResponse forward(AwsRequest req) throws IOException, InterruptedException {
    String target = req.path + (req.rawQuery == null || req.rawQuery.isEmpty() ? ""
        : "?" + req.rawQuery);
    HttpRequest.BodyPublisher publisher = req.body.length == 0
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(req.body);
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(target))
        .timeout(Duration.ofSeconds(60))
        .method(req.method, publisher);
    req.headers.forEach((name, values) -> {
      if (!NOT_FORWARDED.contains(name)) {
        values.forEach(v -> b.header(name, v));
      }
    });
    HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    r.headers().map().forEach((k, v) -> {
      if (!NOT_RETURNED.contains(k) && !k.startsWith(":")) {
        headers.put(k, v);
      }
    });
    AwsResponse answer = new AwsResponse(r.statusCode(), headers, r.body());
    if (answer.status >= 400 && ErrorShapes.isHtml(answer.body)) {
      return ErrorShapes.emulatorCannotServe(req, answer.status);
    }
    String ct = answer.header("Content-Type");
    if (ct != null && ct.startsWith("text/html") && looksLikeJson(answer.body)) {
      return answer.withHeader("Content-Type", "application/json");
    }
    return answer;
  }

  /** GET {@code path} on the emulator (for its own API, e.g. {@code /moto-api/}). */
  int get(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
        .GET().build();
    return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** POST {@code path} on the emulator with an empty body. */
  int post(String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    return client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static boolean looksLikeJson(byte[] body) {
    for (byte c : body) {
      if (!Character.isWhitespace(c)) {
        return c == '{' || c == '[';
      }
    }
    return false;
  }

  private static Set<String> caseInsensitive(String... names) {
    Set<String> s = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    s.addAll(List.of(names));
    return s;
  }
}
