package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP answer on its way back to the caller: status, headers and body. */
final class AwsResponse {

  final int status;
  final Map<String, List<String>> headers;
  final byte[] body;

  AwsResponse(int status, Map<String, List<String>> headers, byte[] body) {
    this.status = status;
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    this.headers = h;
    this.body = body == null ? new byte[0] : body;
  }

  static AwsResponse of(int status, String contentType, byte[] body) {
    Map<String, List<String>> h = new LinkedHashMap<>();
    h.put("Content-Type", List.of(contentType));
    h.put("x-amzn-RequestId", List.of(java.util.UUID.randomUUID().toString()));
    return new AwsResponse(status, h, body);
  }

  static AwsResponse json(int status, String contentType, JsonNode body) {
    return of(status, contentType, AwsRequest.toBytes(body));
  }

  boolean ok() {
    return status >= 200 && status < 300;
  }

  String header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body as JSON, or null when it is not JSON. */
  JsonNode json() {
    if (body.length == 0) {
      return null;
    }
    try {
      return AwsRequest.JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** The same answer with a new JSON body (headers kept, Content-Type made JSON if it was not). */
  AwsResponse withJson(JsonNode newBody) {
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    String ct = header("Content-Type");
    if (ct == null || !ct.contains("json")) {
      h.put("Content-Type", List.of("application/json"));
    }
    return new AwsResponse(status, h, AwsRequest.toBytes(newBody));
  }

  AwsResponse withHeader(String name, String value) {
    Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    h.putAll(headers);
    h.put(name, List.of(value));
    return new AwsResponse(status, h, body);
  }
}
