package dev.uba.operator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AwsClientsTest {
  private static final Optional<URI> NONE = Optional.empty();

  private static Properties properties(String... keysAndValues) {
    Properties p = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      p.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return p;
  }

  @Test
  void s3IsAddressedByPathExactlyWhenAnEndpointOverrideApplies() {
    assertThat(AwsClients.s3PathStyle(NONE, Map.of(), properties())).isFalse();
    assertThat(AwsClients.s3PathStyle(Optional.of(URI.create("http://127.0.0.1:4566")), Map.of(), properties()))
        .isTrue();
    assertThat(AwsClients.s3PathStyle(NONE, Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), properties()))
        .isTrue();
    assertThat(AwsClients.s3PathStyle(NONE, Map.of("AWS_ENDPOINT_URL_S3", "http://minio:9000"), properties()))
        .isTrue();
    assertThat(AwsClients.s3PathStyle(NONE, Map.of(), properties("aws.endpointUrlS3", "http://s3.local"))).isTrue();
    assertThat(AwsClients.s3PathStyle(NONE, Map.of(), properties("aws.endpointUrl", "http://aws.local"))).isTrue();
    // another service's override is not S3's
    assertThat(AwsClients.s3PathStyle(NONE, Map.of("AWS_ENDPOINT_URL_KINESIS", "http://k"), properties())).isFalse();
  }

  @Test
  void configuredEndpointsTheSdkIsToldToIgnoreDoNotCount() {
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
        "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    assertThat(AwsClients.s3PathStyle(NONE, env, properties())).isFalse();
    assertThat(AwsClients.s3PathStyle(NONE, Map.of("AWS_ENDPOINT_URL", "http://x"),
        properties("aws.ignoreConfiguredEndpointUrls", "true"))).isFalse();
    // an override given in code is not a configured one
    assertThat(AwsClients.s3PathStyle(Optional.of(URI.create("http://x")), env, properties())).isTrue();
  }
}
