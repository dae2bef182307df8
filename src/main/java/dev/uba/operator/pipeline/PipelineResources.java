package dev.uba.operator.pipeline;

import dev.uba.operator.aws.iam.IamRole;
import dev.uba.operator.aws.iam.ManagedPolicy;
import dev.uba.operator.aws.kinesis.KinesisStream;
import dev.uba.operator.aws.kinesis.StreamChangeBudget;
import dev.uba.operator.aws.opensearch.OpenSearchDomain;

/** The AWS resource types a pipeline is made of, bound to one region's clients for one pass. */
record PipelineResources(
    KinesisStream stream, StreamChangeBudget streamBudget, ManagedPolicy producerPolicy, IamRole ingestionRole,
    OpenSearchDomain domain) {}
