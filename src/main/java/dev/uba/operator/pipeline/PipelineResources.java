package dev.uba.operator.pipeline;

import dev.uba.operator.aws.cloudwatch.DeliveryMetrics;
import dev.uba.operator.aws.firehose.DeliveryActual;
import dev.uba.operator.aws.firehose.DeliveryDesired;
import dev.uba.operator.aws.iam.PolicyActual;
import dev.uba.operator.aws.iam.PolicyDesired;
import dev.uba.operator.aws.iam.RoleActual;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.kinesis.StreamActual;
import dev.uba.operator.aws.kinesis.StreamChangeBudget;
import dev.uba.operator.aws.kinesis.StreamDesired;
import dev.uba.operator.aws.logs.LogGroupActual;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.opensearch.DomainActual;
import dev.uba.operator.aws.opensearch.DomainDesired;
import dev.uba.operator.aws.opensearch.dataplane.IndexTemplateActual;
import dev.uba.operator.aws.opensearch.dataplane.IndexTemplateDesired;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyActual;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyDesired;
import dev.uba.operator.aws.s3.BucketActual;
import dev.uba.operator.aws.s3.BucketDesired;
import dev.uba.operator.engine.AwsResource;

/**
 * The AWS resource types a pipeline is made of, bound to one region's clients for one pass (fakes
 * in the sequencing tests).
 */
record PipelineResources(
    AwsResource<StreamDesired, StreamActual> stream, StreamChangeBudget streamBudget,
    AwsResource<PolicyDesired, PolicyActual> producerPolicy, AwsResource<RoleDesired, RoleActual> ingestionRole,
    AwsResource<DomainDesired, DomainActual> domain, AwsResource<BucketDesired, BucketActual> archive,
    AwsResource<LogGroupDesired, LogGroupActual> deliveryLogGroup,
    AwsResource<DeliveryDesired, DeliveryActual> delivery,
    AwsResource<DeliveryMetrics.Query, DeliveryMetrics.Reading> metrics,
    DataPlaneResources dataPlane) {

  /**
   * The domain's index template and ISM policy, reached through the domain's endpoint, which the
   * domain's node learns in the same pass: built on demand.
   */
  interface DataPlaneResources {
    /** @throws IllegalArgumentException when the domain has no endpoint yet (and none is configured) */
    AwsResource<IndexTemplateDesired, IndexTemplateActual> indexTemplate(String endpoint);

    AwsResource<IsmPolicyDesired, IsmPolicyActual> ismPolicy(String endpoint);
  }

  /** Builds the resource types for a region; the stream's change budget comes from status. */
  interface Factory {
    PipelineResources create(String region, StreamChangeBudget budget);
  }
}
