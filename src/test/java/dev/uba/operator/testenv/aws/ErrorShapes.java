package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error answers in the wire shape each AWS protocol uses, so that the SDK parses them into the
 * same exception types as real ones.
 *
 * <ul>
 *   <li>JSON protocols ("AWS JSON 1.0/1.1 protocol: errors"): HTTP status, body
 *       {@code {"__type": CODE, "message": ...}}, content type {@code application/x-amz-json-1.x}.
 *   <li>Query protocol ("AWS query protocol: errors"): body
 *       {@code <ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error>
 *       <RequestId/></ErrorResponse>}.
 *   <li>REST-JSON ("AWS restJson1 protocol: errors"): the code in the {@code x-amzn-ErrorType}
 *       header, body {@code {"message": ...}}.
 * </ul>
 *
 * <p>Throttling follows what each service documents: Kinesis control-plane actions answer
 * {@code LimitExceededException} (HTTP 400) and its data-plane actions (PutRecord, PutRecords,
 * GetRecords, GetShardIterator) {@code ProvisionedThroughputExceededException} (HTTP 400); other
 * JSON services (CloudWatch Logs, EventBridge, Firehose) the common error
 * {@code ThrottlingException} (HTTP 400; Firehose's API reference lists only
 * {@code LimitExceededException}, which is its resource-count error, while its rate limits
 * answer "ThrottlingException: Rate exceeded" on the wire); query services (IAM, STS,
 * CloudWatch) the common error {@code Throttling} (HTTP 400, Type Sender), except SNS, whose
 * {@code ThrottledException} has the query code {@code Throttled} and HTTP 429; the Tagging API
 * {@code ThrottledException} (HTTP 400); OpenSearch Service
 * {@code ThrottlingException} (HTTP 429, as its API reference lists); Amazon Personalize
 * {@code LimitExceededException} (HTTP 400, "The limit on the number of requests per second has
 * been exceeded", as its API reference lists for its actions). Server errors use the common
 * errors {@code InternalFailure} (HTTP 500) and {@code ServiceUnavailable} (HTTP 503).
 */
final class ErrorShapes {

  /** XML namespaces of the query-protocol services, as their error documents carry them. */
  private static final Map<String, String> QUERY_NAMESPACES = Map.of(
      "iam", "https://iam.amazonaws.com/doc/2010-05-08/",
      "sts", "https://sts.amazonaws.com/doc/2011-06-15/",
      "sns", "http://sns.amazonaws.com/doc/2010-03-31/",
      "monitoring", "http://monitoring.amazonaws.com/doc/2010-08-01/");

  private static final Set<String> KINESIS_DATA_PLANE =
      Set.of("PutRecord", "PutRecords", "GetRecords", "GetShardIterator");

  private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]+)</Code>");

  private ErrorShapes() {}

  /** An error answer with {@code code} and {@code message} in the protocol of {@code req}. */
  static AwsResponse error(AwsRequest req, int status, String code, String message) {
    String requestId = UUID.randomUUID().toString();
    switch (req.protocol) {
      case JSON: {
        ObjectNode body = AwsRequest.object();
        body.put("__type", code);
        body.put("message", message);
        String ct = req.header("Content-Type");
        if (ct == null || !ct.startsWith("application/x-amz-json")) {
          ct = "application/x-amz-json-1.1";
        }
        return AwsResponse.json(status, ct, body).withHeader("x-amzn-RequestId", requestId);
      }
      case QUERY: {
        String ns = QUERY_NAMESPACES.get(req.service);
        String xml = "<ErrorResponse" + (ns == null ? "" : " xmlns=\"" + ns + "\"") + ">"
            + "<Error><Type>" + (status >= 500 ? "Receiver" : "Sender") + "</Type>"
            + "<Code>" + escape(code) + "</Code>"
            + "<Message>" + escape(message) + "</Message></Error>"
            + "<RequestId>" + requestId + "</RequestId></ErrorResponse>";
        return AwsResponse.of(status, "text/xml", xml.getBytes(StandardCharsets.UTF_8))
            .withHeader("x-amzn-RequestId", requestId);
      }
      default: {
        ObjectNode body = AwsRequest.object();
        body.put("message", message);
        return AwsResponse.json(status, "application/json", body)
            .withHeader("x-amzn-ErrorType", code)
            .withHeader("x-amzn-RequestId", requestId);
      }
    }
  }

  /** The throttling answer the service of {@code req} gives (see the class comment). */
  static AwsResponse throttle(AwsRequest req) {
    if (req.protocol == Protocol.JSON && "kinesis".equals(req.service)) {
      if (KINESIS_DATA_PLANE.contains(req.operation)) {
        return error(req, 400, "ProvisionedThroughputExceededException",
            "Rate exceeded for shard in stream under account.");
      }
      return error(req, 400, "LimitExceededException",
          "Rate exceeded for " + req.operation + ".");
    }
    if (req.protocol == Protocol.QUERY && "sns".equals(req.service)) {
      return error(req, 429, "Throttled", "Rate exceeded");
    }
    if (req.protocol == Protocol.JSON && "tagging".equals(req.service)) {
      return error(req, 400, "ThrottledException", "Rate exceeded");
    }
    if (req.protocol == Protocol.JSON && "personalize".equals(req.service)) {
      return error(req, 400, "LimitExceededException",
          "The limit on the number of requests per second has been exceeded.");
    }
    switch (req.protocol) {
      case JSON:
        return error(req, 400, "ThrottlingException", "Rate exceeded");
      case QUERY:
        return error(req, 400, "Throttling", "Rate exceeded");
      default:
        return error(req, 429, "ThrottlingException", "Rate exceeded");
    }
  }

  /** A server error: 500 {@code InternalFailure}, 503 {@code ServiceUnavailable}. */
  static AwsResponse serverError(AwsRequest req, int status) {
    if (status == 503) {
      return error(req, 503, "ServiceUnavailable",
          "The request has failed due to a temporary failure of the server.");
    }
    return error(req, status, "InternalFailure",
        "The request processing has failed because of an unknown error, exception or failure.");
  }

  /**
   * What the proxy answers instead of the emulator's HTML error page. The emulator answers HTTP
   * 500 (or 404 for an unknown REST path) with an HTML page for actions it does not implement and
   * for inputs it fails on; the SDK would retry that as a server error. This answer is HTTP 501
   * {@code NotImplemented} in the service's protocol (not retried), naming the action.
   */
  static AwsResponse emulatorCannotServe(AwsRequest req, int emulatorStatus) {
    String contentType = req.header("Content-Type");
    String hint = contentType != null && contentType.contains("cbor")
        ? " The request was CBOR, which the emulator cannot read: set the system property"
            + " aws.cborEnabled=false."
        : "";
    return error(req, 501, "NotImplemented",
        "The local AWS emulator cannot serve " + req.service + " " + req.operation
            + ": it answered HTTP " + emulatorStatus + " with an HTML page, which it does"
            + " for actions it does not implement and for inputs it fails on." + hint);
  }

  /** True when the body is an HTML page rather than a JSON or XML API answer. */
  static boolean isHtml(byte[] body) {
    int n = Math.min(body.length, 64);
    String head = new String(body, 0, n, StandardCharsets.UTF_8).stripLeading().toLowerCase();
    return head.startsWith("<!doctype html") || head.startsWith("<html");
  }

  /** The AWS error code of an answer, or null for a success. */
  static String errorCode(AwsResponse r) {
    if (r.ok()) {
      return null;
    }
    String h = r.header("x-amzn-ErrorType");
    if (h != null && !h.isBlank()) {
      return cleanCode(h);
    }
    JsonNode j = r.json();
    if (j != null && j.hasNonNull("__type")) {
      return cleanCode(j.get("__type").asText());
    }
    if (j != null && j.hasNonNull("code")) {
      return cleanCode(j.get("code").asText());
    }
    Matcher m = XML_CODE.matcher(r.text());
    if (m.find()) {
      return m.group(1);
    }
    return "HTTP" + r.status;
  }

  /** {@code "aws.protocoltests#FooError:http://..."} becomes {@code FooError}. */
  private static String cleanCode(String raw) {
    String c = raw;
    int colon = c.indexOf(':');
    if (colon >= 0) {
      c = c.substring(0, colon);
    }
    int hash = c.lastIndexOf('#');
    if (hash >= 0) {
      c = c.substring(hash + 1);
    }
    return c.trim();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
