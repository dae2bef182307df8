package dev.uba.operator.aws;

import dev.uba.operator.aws.shared.SharedReads;
import dev.uba.operator.aws.budget.AwsRateBudget;
import dev.uba.operator.aws.budget.RateBudgetInterceptor;
import dev.uba.operator.config.OperatorConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK clients, built once per region and service and shared. Endpoints and credentials come from
 * the standard AWS configuration (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_&lt;SERVICE&gt;, the default
 * credential chain, so IRSA and EKS Pod Identity work); tests may pin an endpoint and credentials.
 * Every call, each attempt of it, goes through the operator's {@link AwsRateBudget} for the account
 * of the credentials; the SDK retries 5xx answers and lost connections, not throttling.
 */
public final class AwsClients implements AutoCloseable {
  private final SdkHttpClient http;
  private final AwsCredentialsProvider credentials;
  private final Optional<URI> endpointOverride;
  private final AwsCallMetrics metrics;
  private final AwsRateBudget budget;
  private final Map<String, Object> clients = new ConcurrentHashMap<>();
  private final Map<String, GetCallerIdentityResponse> identities = new ConcurrentHashMap<>();
  private SharedReads shared;

  public AwsClients(AwsCallMetrics metrics, AwsRateBudget budget) {
    this(metrics, budget, DefaultCredentialsProvider.builder().build(), Optional.empty());
  }

  /** With the default share of the quotas, its metrics kept apart (tests). */
  public AwsClients(AwsCallMetrics metrics, AwsCredentialsProvider credentials, Optional<URI> endpointOverride) {
    this(metrics, new AwsRateBudget(OperatorConfig.DEFAULT_AWS_QUOTA_SHARE,
        new SimpleMeterRegistry()), credentials, endpointOverride);
  }

  public AwsClients(AwsCallMetrics metrics, AwsRateBudget budget, AwsCredentialsProvider credentials,
      Optional<URI> endpointOverride) {
    this.metrics = metrics;
    this.budget = budget;

    this.credentials = credentials;
    this.endpointOverride = endpointOverride;
    this.http = ApacheHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** The rate budget every call of these clients takes from. */
  public AwsRateBudget budget() {
    return budget;
  }

  /** The credentials every client signs with (the data plane of the domains signs with them too). */
  public AwsCredentialsProvider credentials() {
    return credentials;
  }

  public KinesisClient kinesis(String region) {
    return client("kinesis", region, () -> configure(KinesisClient.builder(), region).build());
  }

  public OpenSearchClient openSearch(String region) {
    return client("opensearch", region, () -> configure(OpenSearchClient.builder(), region).build());
  }

  public IamClient iam(String region) {
    return client("iam", region, () -> configure(IamClient.builder(), region).build());
  }

  /** CloudWatch; this SDK release speaks its query protocol (later ones default to rpc-v2-cbor). */
  public CloudWatchClient cloudWatch(String region) {
    return client("cloudwatch", region, () -> configure(CloudWatchClient.builder(), region).build());
  }

  public CloudWatchLogsClient cloudWatchLogs(String region) {
    return client("cloudwatchlogs", region, () -> configure(CloudWatchLogsClient.builder(), region).build());
  }

  public SnsClient sns(String region) {
    return client("sns", region, () -> configure(SnsClient.builder(), region).build());
  }

  public EventBridgeClient eventBridge(String region) {
    return client("eventbridge", region, () -> configure(EventBridgeClient.builder(), region).build());
  }

  public FirehoseClient firehose(String region) {
    return client("firehose", region, () -> configure(FirehoseClient.builder(), region).build());
  }

  /** The Resource Groups Tagging API: the tags of many resources in one call. */
  public ResourceGroupsTaggingApiClient tagging(String region) {
    return client("tagging", region, () -> configure(ResourceGroupsTaggingApiClient.builder(), region).build());
  }

  /**
   * The reads every object of a region shares (tags of many resources at once, batched describes),
   * built on first use with the resync interval it is kept fresh for.
   */
  public synchronized SharedReads shared(Duration resyncInterval) {
    if (shared == null) {
      shared = new SharedReads(this, resyncInterval, Clock.systemUTC());
    }
    return shared;
  }

  public PersonalizeClient personalize(String region) {
    return client("personalize", region, () -> configure(PersonalizeClient.builder(), region).build());
  }

  /**
   * S3. Behind an endpoint override (an emulator, an S3-compatible store) buckets are addressed by
   * path, the one style such endpoints all serve; AWS's own endpoints get virtual-hosted requests.
   */
  public S3Client s3(String region) {
    boolean pathStyle = s3PathStyle(endpointOverride, System.getenv(), System.getProperties());
    return client("s3", region, () -> configure(S3Client.builder(), region).forcePathStyle(pathStyle).build());
  }

  /**
   * Whether an endpoint override applies to S3: one given in code, or one of the SDK's standard
   * settings (AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL, the system properties aws.endpointUrlS3 and
   * aws.endpointUrl) unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (aws.ignoreConfiguredEndpointUrls)
   * turns those off, as the SDK itself does.
   */
  static boolean s3PathStyle(Optional<URI> override, Map<String, String> env, Properties properties) {
    if (override.isPresent()) {
      return true;
    }
    String ignore = properties.getProperty("aws.ignoreConfiguredEndpointUrls",
        env.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"));
    if (isTrue(ignore)) {
      return false;
    }
    return isSet(properties.getProperty("aws.endpointUrlS3")) || isSet(properties.getProperty("aws.endpointUrl"))
        || isSet(env.get("AWS_ENDPOINT_URL_S3")) || isSet(env.get("AWS_ENDPOINT_URL"));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }

  private static boolean isTrue(String value) {
    return value != null && value.trim().equalsIgnoreCase("true");
  }

  public StsClient sts(String region) {
    return client("sts", region, () -> configure(StsClient.builder(), region).build());
  }

  /** The account of the credentials, asked of STS once per region and remembered. */
  public String accountId(String region) {
    return identity(region).account();
  }

  /** The ARN behind the credentials (a role session, a user), asked of STS with the account. */
  public String callerArn(String region) {
    return identity(region).arn();
  }

  private GetCallerIdentityResponse identity(String region) {
    return identities.computeIfAbsent(region, r -> sts(r).getCallerIdentity());
  }

  /** The ARN partition of a region (aws, aws-cn, aws-us-gov). */
  public static String partition(String region) {
    if (region.startsWith("cn-")) {
      return "aws-cn";
    }
    if (region.startsWith("us-gov-")) {
      return "aws-us-gov";
    }
    return "aws";
  }

  @SuppressWarnings("unchecked")
  private <T> T client(String service, String region, Supplier<T> factory) {
    return (T) clients.computeIfAbsent(service + "/" + region, k -> factory.get());
  }

  private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region) {
    builder.region(Region.of(region))
        .credentialsProvider(credentials)
        .overrideConfiguration(RateBudgetInterceptor.applyTo(ClientOverrideConfiguration.builder()
                .addExecutionInterceptor(metrics), budget)
            .apiCallTimeout(Duration.ofSeconds(60))
            .apiCallAttemptTimeout(Duration.ofSeconds(20))
            .build());
    endpointOverride.ifPresent(builder::endpointOverride);
    if (builder instanceof SdkSyncClientBuilder<?, ?> sync) {
      sync.httpClient(http);
    }
    return builder;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (shared != null) {
        shared.close();
      }
    }
    clients.values().forEach(c -> ((SdkAutoCloseable) c).close());
    http.close();
  }
}
