package dev.uba.operator.aws.firehose;

import dev.uba.operator.engine.Desired;
import java.util.Map;

/** The delivery stream a pipeline asks for, reading its Kinesis stream. */
public record DeliveryDesired(String name, DeliverySettings settings, Map<String, String> tags) implements Desired {}
