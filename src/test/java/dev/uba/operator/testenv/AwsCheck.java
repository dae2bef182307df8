package dev.uba.operator.testenv;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;

/**
 * A separate AWS client, as an acceptance test or a user would have, pointed at the AWS emulator
 * itself (not through the operator's call counting).
 */
public final class AwsCheck implements AutoCloseable {
  public final KinesisClient kinesis;
  public final OpenSearchClient openSearch;
  public final IamClient iam;

  public AwsCheck(URI endpoint) {
    var http = ApacheHttpClient.builder().build();
    kinesis = KinesisClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    openSearch = OpenSearchClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    iam = IamClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
  }

  public boolean streamExists(String name) {
    try {
      kinesis.describeStreamSummary(r -> r.streamName(name));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  public Map<String, String> streamTags(String name) {
    Map<String, String> tags = new LinkedHashMap<>();
    kinesis.listTagsForStream(r -> r.streamName(name)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  public boolean domainExists(String name) {
    try {
      openSearch.describeDomain(r -> r.domainName(name));
      return true;
    } catch (software.amazon.awssdk.services.opensearch.model.ResourceNotFoundException e) {
      return false;
    }
  }

  public boolean roleExists(String name) {
    try {
      iam.getRole(r -> r.roleName(name));
      return true;
    } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
      return false;
    }
  }

  public boolean policyExists(String arn) {
    try {
      iam.getPolicy(r -> r.policyArn(arn));
      return true;
    } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
      return false;
    }
  }

  @Override
  public void close() {
    kinesis.close();
    openSearch.close();
    iam.close();
  }
}
