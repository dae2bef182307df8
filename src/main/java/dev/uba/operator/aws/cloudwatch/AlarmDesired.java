package dev.uba.operator.aws.cloudwatch;

import dev.uba.operator.engine.Desired;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/**
 * The alarm the spec asks for, as the PutMetricAlarm request that creates or replaces it (without
 * tags: CloudWatch applies tags only when it creates an alarm).
 *
 * @param arn known in advance: arn:PARTITION:cloudwatch:REGION:ACCOUNT:alarm:NAME
 */
public record AlarmDesired(String name, String arn, PutMetricAlarmRequest request, Map<String, String> tags)
    implements Desired {}
