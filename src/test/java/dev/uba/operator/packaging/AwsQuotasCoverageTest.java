package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.aws.budget.AwsQuotas;
import dev.uba.operator.aws.budget.FakeTransport;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The quota table has an entry of its own for every AWS operation the code calls (found as
 * {@link IamPolicyTest} finds them), under the service name the SDK reports on each call.
 */
class AwsQuotasCoverageTest {
  /** SDK package -> the service name the SDK puts on a call (checked below on real clients). */
  static final Map<String, String> SERVICE_NAMES = Map.ofEntries(
      Map.entry("kinesis", "Kinesis"), Map.entry("iam", "Iam"), Map.entry("opensearch", "OpenSearch"),
      Map.entry("sts", "Sts"), Map.entry("cloudwatch", "CloudWatch"), Map.entry("cloudwatchlogs", "CloudWatchLogs"),
      Map.entry("sns", "Sns"), Map.entry("eventbridge", "EventBridge"), Map.entry("personalize", "Personalize"),
      Map.entry("firehose", "Firehose"), Map.entry("s3", "S3"),
      Map.entry("resourcegroupstaggingapi", "ResourceGroupsTaggingApi"));

  @Test
  void everyOperationTheCodeCallsHasAnEntry() throws Exception {
    Map<String, Set<String>> called = IamPolicyTest.sdkOperationsCalledByTheCode();
    assertThat(called).isNotEmpty();
    Set<String> missing = new TreeSet<>();
    called.forEach((pkg, operations) -> {
      assertThat(SERVICE_NAMES).as("the service name of the SDK package %s", pkg).containsKey(pkg);
      operations.stream().filter(op -> AwsQuotas.listed(SERVICE_NAMES.get(pkg), op).isEmpty())
          .forEach(op -> missing.add(SERVICE_NAMES.get(pkg) + " " + op));
    });
    assertThat(missing).as("operations the code calls that the quota table lacks").isEmpty();
    assertThat(AwsQuotas.listed("ResourceGroupsTaggingApi", "GetResources")).isPresent();
  }

  @Test
  void theServiceNamesAreTheOnesTheSdkReports() {
    Set<String> seen = new HashSet<>();
    ExecutionInterceptor capture = new ExecutionInterceptor() {
      @Override
      public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        seen.add(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
      }
    };
    List<Consumer<ExecutionInterceptor>> calls = List.of(
        i -> call(KinesisClient.builder(), i, c -> c.listStreams()),
        i -> call(IamClient.builder(), i, c -> c.listRoles()),
        i -> call(OpenSearchClient.builder(), i, c -> c.listDomainNames(r -> { })),
        i -> call(StsClient.builder(), i, c -> c.getCallerIdentity()),
        i -> call(CloudWatchClient.builder(), i, c -> c.describeAlarms()),
        i -> call(CloudWatchLogsClient.builder(), i, c -> c.describeLogGroups()),
        i -> call(SnsClient.builder(), i, c -> c.listTopics()),
        i -> call(EventBridgeClient.builder(), i, c -> c.listRules(r -> { })),
        i -> call(PersonalizeClient.builder(), i, c -> c.listSchemas(r -> { })),
        i -> call(FirehoseClient.builder(), i, c -> c.listDeliveryStreams()),
        i -> call(S3Client.builder().forcePathStyle(true), i, c -> c.listBuckets()));
    calls.forEach(c -> c.accept(capture));
    // The Tagging API's client ("ResourceGroupsTaggingApi") joins this list with its dependency.
    Set<String> expected = new HashSet<>(SERVICE_NAMES.values());
    expected.remove("ResourceGroupsTaggingApi");
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
  }

  private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> void call(
      B builder, ExecutionInterceptor capture, Consumer<C> call) {
    C client = builder.region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:1"))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .httpClient(new FakeTransport().answer(200, "{}"))
        .overrideConfiguration(ClientOverrideConfiguration.builder().addExecutionInterceptor(capture).build())
        .build();
    try {
      call.accept(client);
    } catch (RuntimeException e) {
      // The scripted answer need not parse: the name was seen before it came.
    }
  }
}
