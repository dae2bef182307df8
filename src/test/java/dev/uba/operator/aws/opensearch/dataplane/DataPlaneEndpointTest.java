package dev.uba.operator.aws.opensearch.dataplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DataPlaneEndpointTest {
  private static final String DOMAIN = "search-analytics-abc123.us-east-1.es.amazonaws.com";

  @Test
  void theDomainsOwnEndpointOverHttps() {
    assertThat(DataPlaneEndpoint.of(DOMAIN, null)).isEqualTo(new DataPlaneEndpoint(true, DOMAIN));
    assertThat(DataPlaneEndpoint.of("https://" + DOMAIN + "/", null).url()).isEqualTo("https://" + DOMAIN);
  }

  @Test
  void theConfiguredUrlReplacesIt() {
    assertThat(DataPlaneEndpoint.of(DOMAIN, URI.create("http://127.0.0.1:9200")))
        .isEqualTo(new DataPlaneEndpoint(false, "127.0.0.1:9200"));
    assertThat(DataPlaneEndpoint.of(null, URI.create("https://search.local")).url()).isEqualTo("https://search.local");
  }

  @Test
  void aDomainWithoutEndpointHasNoDataPlaneYet() {
    assertThatThrownBy(() -> DataPlaneEndpoint.of(" ", null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no endpoint");
  }
}
