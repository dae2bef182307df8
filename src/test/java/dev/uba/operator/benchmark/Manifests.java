package dev.uba.operator.benchmark;

/** The objects the benchmark applies: the cheapest of each kind that still does real AWS work. */
final class Manifests {

  private Manifests() {}

  static String name(String prefix, int i) {
    return String.format("%s-%05d", prefix, i);
  }

  /** A pipeline with only its stream (and the producer policy every pipeline has). */
  static String streamOnlyPipeline(String name) {
    return """
        apiVersion: uba.dev/v1alpha1
        kind: UbaPipeline
        metadata: {name: %s}
        spec:
          deletionPolicy: Delete
          tags: {team: benchmark}
          stream: {mode: PROVISIONED, shards: 1}
        """.formatted(name);
  }

  /** A static-threshold alert on a Kinesis metric, with a managed topic and one subscription. */
  static String alert(String name) {
    return """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: %s}
        spec:
          deletionPolicy: Delete
          tags: {team: benchmark}
          metric:
            namespace: AWS/Kinesis
            name: IncomingRecords
            dimensions: {StreamName: %s}
            periodSeconds: 300
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 1000}
            evaluationPeriods: 3
            treatMissingData: notBreaching
          notification:
            subscriptions:
              - {protocol: sqs, endpoint: "arn:aws:sqs:us-east-1:123456789012:benchmark-alerts"}
        """.formatted(name, name);
  }
}
