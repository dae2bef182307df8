package dev.uba.operator.benchmark;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * What AWS holds, read from the emulator directly (not counted, not shaped, no quota), with the
 * operator's credentials so that it is the operator's account.
 */
final class AwsInventory implements AutoCloseable {

  private final KinesisClient kinesis;
  private final IamClient iam;

  AwsInventory(URI emulator) {
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    this.kinesis = KinesisClient.builder().endpointOverride(emulator).region(Region.US_EAST_1)
        .credentialsProvider(credentials).build();
    this.iam = IamClient.builder().endpointOverride(emulator).region(Region.AWS_GLOBAL)
        .credentialsProvider(credentials).build();
  }

  /** Streams whose name starts with {@code prefix}. */
  int streams(String prefix) {
    return (int) kinesis.listStreamsPaginator(b -> b.limit(100)).streamNames().stream()
        .filter(n -> n.startsWith(prefix)).count();
  }

  /** Customer-managed policies whose name starts with {@code prefix}. */
  int policies(String prefix) {
    return (int) iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.LOCAL)).policies().stream()
        .filter(p -> p.policyName().startsWith(prefix)).count();
  }

  @Override
  public void close() {
    kinesis.close();
    iam.close();
  }
}
