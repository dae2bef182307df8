package dev.uba.operator.testenv.aws;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Requests as the SDK puts them on the wire, for the tests of the proxy's parts. */
final class WireRequests {

  private WireRequests() {}

  /** A JSON-protocol call ({@code X-Amz-Target: prefix.operation}). */
  static AwsRequest json(String service, String targetPrefix, String operation, String body) {
    return json("AKID", "us-east-1", service, targetPrefix, operation, body);
  }

  static AwsRequest json(String accessKey, String region, String service, String targetPrefix,
      String operation, String body) {
    Map<String, List<String>> h = signed(accessKey, region, service);
    h.put("X-Amz-Target", List.of(targetPrefix + "." + operation));
    h.put("Content-Type", List.of("application/x-amz-json-1.1"));
    return AwsRequest.parse("POST", "/", null, h, body.getBytes(StandardCharsets.UTF_8));
  }

  /** A query-protocol call ({@code Action=operation} in a form body). */
  static AwsRequest query(String service, String operation) {
    Map<String, List<String>> h = signed("AKID", "us-east-1", service);
    h.put("Content-Type", List.of("application/x-www-form-urlencoded; charset=utf-8"));
    return AwsRequest.parse("POST", "/", null, h,
        ("Action=" + operation + "&Version=2010-05-08").getBytes(StandardCharsets.UTF_8));
  }

  /** A REST call of OpenSearch Service. */
  static AwsRequest rest(String service, String method, String path) {
    return AwsRequest.parse(method, path, null, signed("AKID", "us-east-1", service), new byte[0]);
  }

  private static Map<String, List<String>> signed(String accessKey, String region, String service) {
    Map<String, List<String>> h = new HashMap<>();
    h.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + accessKey + "/20260101/"
        + region + "/" + service + "/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc"));
    return h;
  }
}
