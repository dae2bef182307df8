package dev.uba.operator.testenv.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;

/** Real AWS SDK v2 clients pointed at a local endpoint, as the operator builds them. */
final class TestClients {

  static {
    // the emulator cannot read CBOR; Failsafe sets this too, this covers IDE runs
    System.setProperty("aws.cborEnabled", "false");
  }

  private TestClients() {}

  static KinesisClient kinesis(URI endpoint, boolean retries) {
    return configure(KinesisClient.builder().httpClientBuilder(apache()), endpoint, retries).build();
  }

  static OpenSearchClient openSearch(URI endpoint, boolean retries) {
    return configure(OpenSearchClient.builder().httpClientBuilder(apache()), endpoint, retries).build();
  }

  static IamClient iam(URI endpoint, boolean retries) {
    return configure(IamClient.builder().httpClientBuilder(apache()), endpoint, retries).build();
  }

  static PersonalizeClient personalize(URI endpoint, boolean retries) {
    return configure(PersonalizeClient.builder().httpClientBuilder(apache()), endpoint, retries)
        .build();
  }

  static SnsClient sns(URI endpoint, boolean retries) {
    return configure(SnsClient.builder().httpClientBuilder(apache()), endpoint, retries).build();
  }

  static FirehoseClient firehose(URI endpoint, boolean retries) {
    return configure(FirehoseClient.builder().httpClientBuilder(apache()), endpoint, retries)
        .build();
  }

  static CloudWatchClient cloudWatch(URI endpoint, boolean retries) {
    return configure(CloudWatchClient.builder().httpClientBuilder(apache()), endpoint, retries)
        .build();
  }

  static CloudWatchLogsClient logs(URI endpoint, boolean retries) {
    return configure(CloudWatchLogsClient.builder().httpClientBuilder(apache()), endpoint, retries)
        .build();
  }

  /** Path-style addressing (the emulator serves buckets under its own host and port). */
  static S3Client s3(URI endpoint, boolean retries) {
    return configure(S3Client.builder().httpClientBuilder(apache()), endpoint, retries)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .build();
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, URI endpoint,
      boolean retries) {
    ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder()
        .apiCallTimeout(Duration.ofSeconds(30));
    if (!retries) {
      override.retryStrategy(AwsRetryStrategy.doNotRetry());
    }
    builder.endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "local-secret")))
        .overrideConfiguration(override.build());
    return builder;
  }

  private static ApacheHttpClient.Builder apache() {
    return ApacheHttpClient.builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .socketTimeout(Duration.ofSeconds(30));
  }
}
