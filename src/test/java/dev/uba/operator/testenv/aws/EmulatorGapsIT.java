package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.OpenSearchException;

/** Actions the emulator lacks answer a clear, non-retried AWS-style error instead of an HTML page. */
class EmulatorGapsIT {

  static {
    System.setProperty("aws.cborEnabled", "false");
  }

  private static LocalAws aws;
  private static KinesisClient kinesis;
  private static OpenSearchClient openSearch;
  private static IamClient iam;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    kinesis = TestClients.kinesis(aws.endpoint(), true);
    openSearch = TestClients.openSearch(aws.endpoint(), true);
    iam = TestClients.iam(aws.endpoint(), true);
  }

  @AfterAll
  static void closeClients() {
    kinesis.close();
    openSearch.close();
    iam.close();
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
    aws.lifecycle().instant();
  }

  @Test
  void kinesisActionTheEmulatorLacksIsNotImplementedAndNotRetried() {
    kinesis.createStream(b -> b.streamName("s").shardCount(1));
    String arn = kinesis.describeStreamSummary(b -> b.streamName("s")).streamDescriptionSummary()
        .streamARN();

    assertThatThrownBy(() -> kinesis.tagResource(b -> b.resourceARN(arn).tags(Map.of("a", "b"))))
        .isInstanceOfSatisfying(KinesisException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(501);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
          assertThat(e.getMessage()).contains("TagResource");
        });
    assertThat(aws.calls().count("kinesis", "TagResource")).isEqualTo(1);
  }

  @Test
  void openSearchActionTheEmulatorLacksIsNotImplemented() {
    assertThatThrownBy(() -> openSearch.listVersions(b -> { }))
        .isInstanceOfSatisfying(OpenSearchException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(501);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
          assertThat(e.getMessage()).contains("ListVersions");
        });
    assertThat(aws.calls().count("es", "ListVersions")).isEqualTo(1);
  }

  @Test
  void queryActionTheEmulatorLacksIsNotImplementedInXml() {
    assertThatThrownBy(() -> iam.setSecurityTokenServicePreferences(b -> b
        .globalEndpointTokenVersion("v2Token")))
        .isInstanceOfSatisfying(IamException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(501);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
          assertThat(e.getMessage()).contains("SetSecurityTokenServicePreferences");
        });
  }

  @Test
  void openSearchAnswersAreLabelledJson() throws Exception {
    openSearch.createDomain(b -> b.domainName("typed"));
    HttpResponse<String> direct = get(aws.motoEndpoint(), "/2021-01-01/domain");
    HttpResponse<String> proxied = get(aws.endpoint(), "/2021-01-01/domain");

    assertThat(direct.headers().firstValue("Content-Type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("text/html"));
    assertThat(proxied.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(proxied.body()).contains("typed");
  }

  private static HttpResponse<String> get(URI base, String path) throws Exception {
    HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260101/"
            + "us-east-1/es/aws4_request, SignedHeaders=host, Signature=0")
        .GET().build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }
}
