package dev.uba.operator.aws.opensearch.dataplane;

import dev.uba.operator.config.OperatorConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.aws.AwsSdk2Transport;
import org.opensearch.client.transport.aws.AwsSdk2TransportOptions;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * The data-plane clients of the domains, one per endpoint and region, built once and shared: the
 * opensearch-java client on its {@link AwsSdk2Transport}, which signs every request with SigV4 for
 * service {@code es} in the domain's region, with the default credential chain (IRSA and EKS Pod
 * Identity work), and sends it on the SDK's synchronous Apache client. The endpoint is the domain's
 * ({@code https://<status.search.endpoint>}) unless UBA_OPENSEARCH_ENDPOINT_URL replaces it.
 */
public final class DataPlaneClients implements AutoCloseable {
  /** The signing name of Amazon OpenSearch Service domains (not "aoss", which is Serverless). */
  public static final String SIGNING_SERVICE = "es";

  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final URI endpointOverride;
  private final Map<String, DataPlane> planes = new ConcurrentHashMap<>();

  /** With the default credential chain and the configuration's UBA_OPENSEARCH_ENDPOINT_URL. */
  public DataPlaneClients(OperatorConfig config) {
    this(DefaultCredentialsProvider.builder().build(), config.openSearchEndpointUrl());
  }

  /**
   * @param credentials what requests are signed with
   * @param endpointOverride base URL that replaces every domain's endpoint, or null
   */
  public DataPlaneClients(AwsCredentialsProvider credentials, URI endpointOverride) {
    this.credentials = credentials;
    this.endpointOverride = endpointOverride;
    this.http = ApacheHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(20))
        // below the 60 s idle timeout of common load balancers, so a resync rarely meets a closed connection
        .connectionMaxIdleTime(Duration.ofSeconds(30))
        .build();
  }

  /**
   * The data plane of one domain.
   *
   * @param domainEndpoint the domain's endpoint ({@code status.search.endpoint}); may be null when
   *     UBA_OPENSEARCH_ENDPOINT_URL is set
   * @param region the domain's region, which requests are signed for
   * @throws IllegalArgumentException when the domain has no endpoint yet and none is configured
   */
  public DataPlane forDomain(String domainEndpoint, String region) {
    DataPlaneEndpoint endpoint = DataPlaneEndpoint.of(domainEndpoint, endpointOverride);
    return planes.computeIfAbsent(endpoint.url() + " " + region,
        k -> new OpenSearchDataPlane(client(endpoint, region), endpoint));
  }

  /** The opensearch-java client of an endpoint, signing for {@code es} in the region. */
  public OpenSearchClient client(DataPlaneEndpoint endpoint, String region) {
    SdkHttpClient sender = endpoint.secure() ? http : new PlainHttpClient(http, plainPort(endpoint));
    AwsSdk2TransportOptions options = AwsSdk2TransportOptions.builder()
        .setCredentials(credentials)
        .setMapper(new JacksonJsonpMapper())
        .build();
    return new OpenSearchClient(new AwsSdk2Transport(sender, endpoint.host(), SIGNING_SERVICE, Region.of(region),
        options));
  }

  private static int plainPort(DataPlaneEndpoint endpoint) {
    int port = URI.create("http://" + endpoint.host()).getPort();
    return port < 0 ? 80 : port;
  }

  @Override
  public void close() {
    planes.clear();
    http.close();
  }
}
