package dev.uba.operator.alert;

import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.aws.shared.SharedReads;
import dev.uba.operator.aws.cloudwatch.CloudWatchAlarm;
import dev.uba.operator.aws.events.EventRule;
import dev.uba.operator.aws.logs.LogGroup;
import dev.uba.operator.aws.logs.MetricFilter;
import dev.uba.operator.aws.sns.SnsSubscriptions;
import dev.uba.operator.aws.sns.SnsTopic;

/**
 * Where an alert's pass gets its AWS from, for the alert's region: the resource types, and the
 * account and partition its ARNs are built from. The reconciler is given one, so that the
 * sequencing tests run it on in-memory resources (Flink's TestingFlinkService seam).
 */
public interface AlertAws {

  AlertResources resources(String region);

  /** May ask STS for the account (once per region, remembered by {@link AwsClients}). */
  AlertLocation locate(String region);

  /**
   * The real resource types on the shared clients, reading tags and alarms through the reads the
   * region's objects share.
   */
  static AlertAws of(AwsClients aws, SharedReads shared) {
    return new AlertAws() {
      @Override
      public AlertResources resources(String region) {
        return new AlertResources(
            new LogGroup(aws.cloudWatchLogs(region), shared.tags(region)),
            new MetricFilter(aws.cloudWatchLogs(region)),
            new SnsTopic(aws.sns(region), shared.tags(region)),
            new SnsSubscriptions(aws.sns(region)),
            new CloudWatchAlarm(aws.cloudWatch(region), shared.alarms(region), shared.tags(region)),
            new EventRule(aws.eventBridge(region), shared.tags(region)));
      }

      @Override
      public AlertLocation locate(String region) {
        return new AlertLocation(region, aws.accountId(region), AwsClients.partition(region));
      }
    };
  }
}
