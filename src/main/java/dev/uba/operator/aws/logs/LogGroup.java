package dev.uba.operator.aws.logs;

import dev.uba.operator.aws.shared.TagIndex;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A CloudWatch Logs log group with its retention and tags. Reads: DescribeLogGroups (by name prefix,
 * then the exact name) and, for a log group the operator owns, its tags from the region's
 * {@link TagIndex} (ListTagsForResource when the index does not hold them). CloudWatch Logs is
 * synchronous.
 */
public final class LogGroup implements AwsResource<LogGroupDesired, LogGroupActual> {
  private final CloudWatchLogsClient logs;
  private final TagIndex tagIndex;

  /** Reading its own tags on every observe. */
  public LogGroup(CloudWatchLogsClient logs) {
    this(logs, TagIndex.none());
  }

  public LogGroup(CloudWatchLogsClient logs, TagIndex tagIndex) {
    this.logs = logs;
    this.tagIndex = tagIndex;
  }

  static String tagKey(String name) {
    return TagIndex.key("logs", "log-group:" + name);
  }

  @Override
  public String kind() {
    return "LogGroup";
  }

  /**
   * The log group with its tags; one the object only uses ({@link LogGroupDesired#managed()} false)
   * without them, in one read.
   */
  @Override
  public Optional<LogGroupActual> observe(LogGroupDesired desired) {
    String name = desired.name();
    Optional<LogGroupActual> group = logs.describeLogGroups(r -> r.logGroupNamePrefix(name)).logGroups().stream()
        .filter(g -> name.equals(g.logGroupName()))
        .findFirst()
        .map(g -> new LogGroupActual(g.logGroupName(), arnOf(g.logGroupArn(), g.arn()), g.retentionInDays(), Map.of()));
    if (group.isEmpty() || !desired.managed()) {
      return group;
    }
    Map<String, String> tags;
    try {
      String arn = group.get().arn();
      tags = tagIndex.tagsOf(tagKey(name),
          () -> new LinkedHashMap<>(logs.listTagsForResource(r -> r.resourceArn(arn)).tags()));
    } catch (ResourceNotFoundException e) {
      // deleted between the two reads
      return Optional.empty();
    }
    LogGroupActual g = group.get();
    return Optional.of(new LogGroupActual(g.name(), g.arn(), g.retentionDays(), tags));
  }

  /** The ARN without the ":*" that DescribeLogGroups' legacy arn field ends with. */
  static String arnOf(String logGroupArn, String legacyArn) {
    if (logGroupArn != null && !logGroupArn.isEmpty()) {
      return logGroupArn;
    }
    return legacyArn != null && legacyArn.endsWith(":*") ? legacyArn.substring(0, legacyArn.length() - 2) : legacyArn;
  }


  @Override
  public AwsState state(LogGroupActual actual) {
    return AwsState.stable("Available");
  }


  @Override
  public Drift drift(LogGroupDesired desired, LogGroupActual actual) {
    return LogGroupDrift.of(desired, actual);
  }

  @Override
  public Applied create(LogGroupDesired desired) {
    logs.createLogGroup(r -> r.logGroupName(desired.name()).tags(desired.tags()));
    logs.putRetentionPolicy(r -> r.logGroupName(desired.name()).retentionInDays(desired.retentionDays()));
    // CreateLogGroup refuses a name that is taken: the tags are the ones just given.
    tagIndex.record(tagKey(desired.name()), desired.tags());
    return Applied.SETTLED;
  }

  @Override
  public Applied update(LogGroupDesired desired, LogGroupActual actual, Drift drift) {
    if (drift.has(LogGroupDrift.RETENTION)) {
      logs.putRetentionPolicy(r -> r.logGroupName(desired.name()).retentionInDays(desired.retentionDays()));
    }
    Ownership.syncTags(drift,
        remove -> logs.untagResource(r -> r.resourceArn(actual.arn()).tagKeys(remove)),
        set -> logs.tagResource(r -> r.resourceArn(actual.arn()).tags(set)));
    if (drift.hasTags()) {
      tagIndex.recordChanged(tagKey(desired.name()), actual.tags(), desired.tags());
    }
    return Applied.SETTLED;
  }

  /** Deletes the log group with its log streams and metric filters. */
  @Override
  public Applied delete(LogGroupActual actual) {
    logs.deleteLogGroup(r -> r.logGroupName(actual.name()));
    tagIndex.forget(tagKey(actual.name()));
    return Applied.SETTLED;
  }
}
