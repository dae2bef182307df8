package dev.uba.operator.aws.firehose;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/**
 * A delivery stream as DescribeDeliveryStream and ListTagsForDeliveryStream report it.
 *
 * @param versionId and destinationId what UpdateDestination must name
 * @param failure Firehose's failure description of a *_FAILED stream, or null
 */
public record DeliveryActual(String name, String arn, String status, String versionId, String destinationId,
    String failure, DeliverySettings settings, Map<String, String> tags) implements Observed {}
