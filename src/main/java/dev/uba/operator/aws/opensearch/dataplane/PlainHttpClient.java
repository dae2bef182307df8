package dev.uba.operator.aws.opensearch.dataplane;

import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Sends the signed requests of a transport over plain http to a local endpoint
 * (UBA_OPENSEARCH_ENDPOINT_URL=http://...). The opensearch-java AWS transport always builds https
 * URLs; the scheme is not part of a SigV4 signature and the host and port stay as signed, so the
 * request keeps a valid signature. Closing it leaves the shared client open.
 */
final class PlainHttpClient implements SdkHttpClient {
  private final SdkHttpClient delegate;
  private final int port;

  PlainHttpClient(SdkHttpClient delegate, int port) {
    this.delegate = delegate;
    this.port = port;
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    SdkHttpRequest plain = request.httpRequest().toBuilder().protocol("http").port(port).build();
    HttpExecuteRequest.Builder resent = HttpExecuteRequest.builder().request(plain);
    request.contentStreamProvider().ifPresent(resent::contentStreamProvider);
    request.metricCollector().ifPresent(resent::metricCollector);
    return delegate.prepareRequest(resent.build());
  }

  @Override
  public String clientName() {
    return delegate.clientName();
  }

  @Override
  public void close() {
    // the delegate belongs to DataPlaneClients
  }
}
