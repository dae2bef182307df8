package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One AWS API request as it arrived at the proxy, with what can be told about it from the wire:
 * the service (the SigV4 signing name of the credential scope), the region, the protocol and the
 * operation name.
 *
 * <p>Service and region come from {@code Authorization: AWS4-HMAC-SHA256 Credential=AKID/DATE/
 * REGION/SERVICE/aws4_request, ...} (or the {@code X-Amz-Credential} query parameter of a presigned
 * request), as defined by "Signature Version 4: credential scope". OpenSearch Service signs as
 * {@code es}. The operation is the part after the dot of {@code X-Amz-Target} (JSON protocols), the
 * {@code Action} form parameter (query protocol), or the REST route of method and path
 * (OpenSearch). An operation whose name starts with {@code Describe}, {@code List} or {@code Get} is
 * counted as a read, every other one as a write.
 */
final class AwsRequest {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([^/,\\s]+)/(\\d{8})/([^/,\\s]+)/([^/,\\s]+)/aws4_request");

  final String method;
  final String path;
  final String rawQuery;
  final Map<String, List<String>> headers;
  final byte[] body;
  final String service;
  final String region;
  /** The access key of the credential scope ("unknown" when unsigned): the emulator's account. */
  final String accessKeyId;
  final Protocol protocol;
  final String operation;
  final Map<String, String> pathParams;
  private final boolean write;

  private volatile JsonNode json;

  private AwsRequest(String method, String path, String rawQuery, Map<String, List<String>> headers,
      byte[] body, String service, String region, String accessKeyId, Protocol protocol,
      String operation, Map<String, String> pathParams, boolean write) {
    this.method = method;
    this.path = path;
    this.rawQuery = rawQuery;
    this.headers = headers;
    this.body = body;
    this.service = service;
    this.region = region;
    this.accessKeyId = accessKeyId;
    this.protocol = protocol;
    this.operation = operation;
    this.pathParams = pathParams;
    this.write = write;
  }

  /** Parses what the proxy received. Header names are matched case-insensitively. */
  static AwsRequest parse(String method, String path, String rawQuery,
      Map<String, List<String>> rawHeaders, byte[] body) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    rawHeaders.forEach((k, v) -> {
      if (k != null) {
        headers.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v);
      }
    });
    String[] scope = credentialScope(first(headers, "Authorization"), rawQuery);
    String service = scope == null ? "unknown" : scope[1];
    String region = scope == null ? "us-east-1" : scope[0];
    String accessKeyId = scope == null ? "unknown" : scope[2];

    String target = first(headers, "X-Amz-Target");
    Map<String, String> params = Map.of();
    Protocol protocol;
    String operation;
    Boolean write = null;
    if (target != null) {
      protocol = Protocol.JSON;
      int dot = target.lastIndexOf('.');
      operation = dot >= 0 ? target.substring(dot + 1) : target;
    } else {
      String action = formParams(rawQuery).get("Action");
      String contentType = first(headers, "Content-Type");
      if (action == null && contentType != null
          && contentType.startsWith("application/x-www-form-urlencoded")) {
        action = formParams(new String(body, StandardCharsets.UTF_8)).get("Action");
      }
      if (action != null) {
        protocol = Protocol.QUERY;
        operation = action;
      } else {
        protocol = Protocol.REST_JSON;
        Optional<OpenSearchRoutes.Match> match = "es".equals(service)
            ? OpenSearchRoutes.match(method, path) : Optional.empty();
        if (match.isPresent()) {
          operation = match.get().operation();
          params = match.get().pathParams();
        } else {
          // an unknown route: named by method and path, a read if it is a GET or HEAD
          operation = method + " " + path;
          write = !("GET".equals(method) || "HEAD".equals(method));
        }
      }
    }
    return new AwsRequest(method, path, rawQuery, headers, body, service, region, accessKeyId,
        protocol, operation, params, write != null ? write : isWrite(operation));
  }

  /** A request the proxy itself sends to the emulator on behalf of {@code origin}, signed alike. */
  static AwsRequest derived(AwsRequest origin, String method, String path, String rawQuery,
      Map<String, String> extraHeaders, byte[] body, String operation,
      Map<String, String> pathParams) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h : List.of("Authorization", "X-Amz-Date", "X-Amz-Security-Token", "User-Agent")) {
      List<String> v = origin.headers.get(h);
      if (v != null) {
        headers.put(h, List.copyOf(v));
      }
    }
    extraHeaders.forEach((k, v) -> headers.put(k, List.of(v)));
    return new AwsRequest(method, path, rawQuery, headers, body, origin.service, origin.region,
        origin.accessKeyId, origin.protocol, operation, pathParams, isWrite(operation));
  }

  /** The same request with another body (used to send a merged UpdateDomainConfig). */
  AwsRequest withBody(byte[] newBody) {
    return new AwsRequest(method, path, rawQuery, headers, newBody, service, region, accessKeyId,
        protocol, operation, pathParams, write);
  }

  /** True unless the operation name starts with Describe, List or Get. */
  boolean isWrite() {
    return write;
  }

  static boolean isWrite(String operation) {
    return !(operation.startsWith("Describe") || operation.startsWith("List")
        || operation.startsWith("Get"));
  }

  String header(String name) {
    return first(headers, name);
  }

  /** The body parsed as JSON (an empty object for an empty or non-JSON body). */
  JsonNode json() {
    JsonNode j = json;
    if (j == null) {
      try {
        j = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
      } catch (IOException e) {
        j = JSON.createObjectNode();
      }
      if (j == null || j.isMissingNode()) {
        j = JSON.createObjectNode();
      }
      json = j;
    }
    return j;
  }

  /** A text field of the JSON body, or null. */
  String jsonText(String field) {
    JsonNode n = json().get(field);
    return n == null || n.isNull() ? null : n.asText();
  }

  static byte[] toBytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  @Override
  public String toString() {
    return service + "." + operation + " (" + method + " " + path + ")";
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** {region, service, access key} of the SigV4 credential scope, or null. */
  private static String[] credentialScope(String authorization, String rawQuery) {
    String source = authorization;
    if (source == null) {
      String cred = formParams(rawQuery).get("X-Amz-Credential");
      source = cred == null ? null : "Credential=" + cred;
    }
    if (source == null) {
      return null;
    }
    Matcher m = CREDENTIAL.matcher(source);
    return m.find() ? new String[] {m.group(3), m.group(4), m.group(1)} : null;
  }

  /** Decodes {@code a=b&c=d} (a query string or a form body). */
  static Map<String, String> formParams(String encoded) {
    if (encoded == null || encoded.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8),
          URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return out;
  }
}
