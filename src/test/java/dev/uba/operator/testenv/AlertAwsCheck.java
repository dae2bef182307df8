package dev.uba.operator.testenv;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.MetricFilter;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * Separate AWS clients for what an AnomalyAlert makes (CloudWatch, CloudWatch Logs, SNS,
 * EventBridge), as an acceptance test or a user would have, pointed at the AWS emulator itself.
 */
public final class AlertAwsCheck implements AutoCloseable {
  public final CloudWatchClient cloudWatch;
  public final CloudWatchLogsClient logs;
  public final SnsClient sns;
  public final EventBridgeClient events;
  private final SdkHttpClient http = ApacheHttpClient.builder().build();

  public AlertAwsCheck(URI endpoint) {
    cloudWatch = CloudWatchClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    logs = CloudWatchLogsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    sns = SnsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
    events = EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
        .credentialsProvider(RunningOperator.CREDENTIALS).httpClient(http).build();
  }

  public Optional<MetricAlarm> alarm(String name) {
    return cloudWatch.describeAlarms(r -> r.alarmNames(name)).metricAlarms().stream()
        .filter(a -> name.equals(a.alarmName())).findFirst();
  }

  public Map<String, String> alarmTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    cloudWatch.listTagsForResource(r -> r.resourceARN(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  /** The topic's attributes; empty when it does not exist. */
  public Optional<Map<String, String>> topic(String arn) {
    try {
      return Optional.of(sns.getTopicAttributes(r -> r.topicArn(arn)).attributes());
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  public Map<String, String> topicTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    sns.listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }

  public List<Subscription> subscriptions(String topicArn) {
    return sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn)).subscriptions();
  }

  public Optional<LogGroup> logGroup(String name) {
    return logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
        .filter(g -> name.equals(g.logGroupName())).findFirst();
  }

  public Optional<MetricFilter> metricFilter(String logGroupName, String name) {
    return logs.describeMetricFilters(r -> r.logGroupName(logGroupName).filterNamePrefix(name)).metricFilters()
        .stream().filter(f -> name.equals(f.filterName())).findFirst();
  }

  public boolean ruleExists(String name) {
    try {
      events.describeRule(r -> r.name(name));
      return true;
    } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
      return false;
    }
  }

  @Override
  public void close() {
    cloudWatch.close();
    logs.close();
    sns.close();
    events.close();
    http.close();
  }
}
