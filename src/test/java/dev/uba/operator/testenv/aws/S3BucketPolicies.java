package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bucket policies kept by the proxy instead of the emulator: {@code PutBucketPolicy},
 * {@code GetBucketPolicy} and {@code DeleteBucketPolicy} are answered here, and the emulator's
 * bucket never holds a policy.
 *
 * <p>Why: the emulator applies bucket policies to object requests but cannot evaluate the condition
 * key {@code aws:SecureTransport} (its requests are plain HTTP on loopback). A policy that denies
 * every request made without TLS ({@code "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
 * the archive's policy and AWS's own example in "Security best practices for Amazon S3") makes it
 * refuse every {@code PutObject}, {@code GetObject} and {@code DeleteObject} with 403, where AWS
 * would allow them over HTTPS. The local Firehose's writes into an archive and the emptying of a
 * bucket on deletion would then fail for a reason AWS does not have. Policies are therefore stored
 * and answered here, and are not enforced on object requests (none of the tests relies on a policy
 * being enforced by the proxy; a test that needs a refusal puts a policy into the emulator itself).
 *
 * <p>Wire shapes, as the Amazon S3 API reference gives them (path-style addressing, as the clients
 * behind an endpoint override use): {@code PUT /<bucket>?policy} with the policy document as body,
 * answered 204 No Content; {@code GET /<bucket>?policy} answered 200 with the document as body;
 * {@code DELETE /<bucket>?policy} answered 204 (also when there is no policy). Errors are S3's XML
 * {@code <Error><Code/><Message/><BucketName/><RequestId/><HostId/></Error>}: 404
 * {@code NoSuchBucket} for a bucket the emulator does not have, 404 {@code NoSuchBucketPolicy}
 * ("The bucket policy does not exist") on a GET without a policy, 400 {@code MalformedPolicy} for a
 * document that is not a JSON object with a {@code Statement}. A successful {@code DeleteBucket}
 * (204 from the emulator) forgets the bucket's policy.
 */
final class S3BucketPolicies {

  /** {@code /<bucket>} or {@code /<bucket>/}: a bucket-level request in path style. */
  private static final Pattern BUCKET_PATH = Pattern.compile("^/([^/]+)/?$");

  private final MotoForwarder moto;
  private final Map<String, String> policies = new ConcurrentHashMap<>();

  S3BucketPolicies(MotoForwarder moto) {
    this.moto = moto;
  }

  /** The bucket of a bucket-level request, or empty. */
  static Optional<String> bucketOf(AwsRequest req) {
    Matcher m = BUCKET_PATH.matcher(req.path);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** True for {@code PUT|GET|DELETE /<bucket>?policy}. */
  static boolean isPolicyRequest(AwsRequest req) {
    return "s3".equals(req.service) && bucketOf(req).isPresent()
        && AwsRequest.formParams(req.rawQuery).containsKey("policy")
        && ("PUT".equals(req.method) || "GET".equals(req.method) || "DELETE".equals(req.method));
  }

  /** Serves an S3 request: the policy requests here, everything else by the emulator. */
  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    if (!isPolicyRequest(req)) {
      AwsResponse answer = moto.forward(req);
      if ("DELETE".equals(req.method) && answer.ok() && bucketOf(req).isPresent()
          && AwsRequest.formParams(req.rawQuery).isEmpty()) {
        policies.remove(bucketOf(req).get());
      }
      return answer;
    }
    String bucket = bucketOf(req).get();
    AwsResponse head = moto.forward(AwsRequest.derived(req, "HEAD", "/" + bucket, null,
        accountHeader(req), new byte[0], "HeadBucket", Map.of()));
    if (head.status == 404) {
      return error(404, "NoSuchBucket", "The specified bucket does not exist", bucket);
    }
    if (!head.ok()) {
      return head; // e.g. 403 for a bucket of another account
    }
    switch (req.method) {
      case "PUT": {
        String document = new String(req.body, StandardCharsets.UTF_8);
        if (!wellFormed(document)) {
          return error(400, "MalformedPolicy", "Policies must be valid JSON and the first byte must be '{'",
              bucket);
        }
        policies.put(bucket, document);
        return AwsResponse.of(204, "application/xml", new byte[0]);
      }
      case "GET": {
        String document = policies.get(bucket);
        if (document == null) {
          return error(404, "NoSuchBucketPolicy", "The bucket policy does not exist", bucket);
        }
        return AwsResponse.of(200, "application/json", document.getBytes(StandardCharsets.UTF_8));
      }
      default:
        policies.remove(bucket);
        return AwsResponse.of(204, "application/xml", new byte[0]);
    }
  }

  /** Forgets every policy. */
  void clear() {
    policies.clear();
  }

  /** The emulator takes a request's account from this header; the existence check keeps it. */
  private static Map<String, String> accountHeader(AwsRequest req) {
    Map<String, String> h = new LinkedHashMap<>();
    String account = req.header("x-moto-account-id");
    if (account != null) {
      h.put("x-moto-account-id", account);
    }
    return h;
  }

  private static boolean wellFormed(String document) {
    if (!document.stripLeading().startsWith("{")) {
      return false;
    }
    try {
      JsonNode node = AwsRequest.JSON.readTree(document);
      return node != null && node.isObject() && node.has("Statement");
    } catch (IOException e) {
      return false;
    }
  }

  private static AwsResponse error(int status, String code, String message, String bucket) {
    String requestId = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
        + message + "</Message><BucketName>" + bucket + "</BucketName><RequestId>" + requestId
        + "</RequestId><HostId>" + requestId + "</HostId></Error>";
    return AwsResponse.of(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8))
        .withHeader("x-amz-request-id", requestId);
  }
}
