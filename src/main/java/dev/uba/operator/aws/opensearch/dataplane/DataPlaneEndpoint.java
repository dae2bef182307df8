package dev.uba.operator.aws.opensearch.dataplane;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a domain's data plane answers: the domain's own endpoint over HTTPS
 * ({@code status.search.endpoint}), or, when the operator is configured with
 * UBA_OPENSEARCH_ENDPOINT_URL, that base URL instead (local environments and tests). Requests are
 * signed either way.
 *
 * @param secure https (true) or plain http
 * @param host the host name, with ":port" when one is given; what the request is signed for
 */
public record DataPlaneEndpoint(boolean secure, String host) {

  public DataPlaneEndpoint {
    Objects.requireNonNull(host, "host");
  }

  /**
   * The endpoint for a domain.
   *
   * @param domainEndpoint the domain's endpoint as DescribeDomain reports it (a host name, or a URL)
   * @param override the configured base URL, or null
   * @throws IllegalArgumentException when there is neither (the domain has no endpoint yet)
   */
  public static DataPlaneEndpoint of(String domainEndpoint, URI override) {
    if (override != null) {
      String scheme = override.getScheme() == null ? "" : override.getScheme().toLowerCase(Locale.ROOT);
      return new DataPlaneEndpoint(!scheme.equals("http"), override.getRawAuthority());
    }
    if (domainEndpoint == null || domainEndpoint.isBlank()) {
      throw new IllegalArgumentException("the domain has no endpoint yet");
    }
    String host = domainEndpoint.trim();
    if (host.startsWith("https://")) {
      host = host.substring("https://".length());
    }
    if (host.endsWith("/")) {
      host = host.substring(0, host.length() - 1);
    }
    return new DataPlaneEndpoint(true, host);
  }

  /** The base URL, for messages: https://host or http://host:port. */
  public String url() {
    return (secure ? "https://" : "http://") + host;
  }

  @Override
  public String toString() {
    return url();
  }
}
