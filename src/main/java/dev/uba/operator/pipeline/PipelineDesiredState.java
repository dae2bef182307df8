package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.StreamSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.aws.iam.PolicyDesired;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.kinesis.StreamDesired;
import dev.uba.operator.aws.opensearch.DomainDesired;
import dev.uba.operator.engine.Ownership;
import java.util.Map;

/**
 * Everything a pipeline should be in AWS, computed from the spec (pure). Defaults that depend on
 * other fields (shards, names) are applied here, never written back to the spec.
 */
public record PipelineDesiredState(
    StreamDesired stream, PolicyDesired producerPolicy, RoleDesired ingestionRole, DomainDesired domain) {

  /** Where the pipeline lives: its region, and the account and partition the ARNs are built from. */
  public record Location(String region, String accountId, String partition) {
    String arn(String service, String resource) {
      return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    String iamArn(String resource) {
      return "arn:" + partition + ":iam::" + accountId + ":" + resource;
    }
  }

  public static PipelineDesiredState of(UbaPipeline pipeline, PipelineNames names, Location where) {
    Map<String, String> tags = Ownership.tags(pipeline.getSpec().getTags(), names.ownerId());
    String streamArn = where.arn("kinesis", "stream/" + names.stream());
    String domainArn = where.arn("es", "domain/" + names.domain());
    String roleArn = where.iamArn("role/" + names.ingestionRole());
    StreamDesired stream = stream(pipeline.getSpec().getStream(), names.stream(), tags);
    PolicyDesired policy = new PolicyDesired(names.producerPolicy(), where.iamArn("policy/" + names.producerPolicy()),
        "Lets producers write events to Kinesis stream " + names.stream() + " (" + names.ownerId() + ")",
        PipelinePolicies.producer(streamArn), tags);
    SearchSpec search = pipeline.getSpec().getSearch();
    if (search == null) {
      return new PipelineDesiredState(stream, policy, null, null);
    }
    RoleDesired role = new RoleDesired(names.ingestionRole(),
        "Delivers events from " + names.stream() + " into " + names.domain() + " (" + names.ownerId() + ")",
        PipelinePolicies.firehoseTrust(where.accountId()), PipelinePolicies.INGEST_POLICY_NAME,
        PipelinePolicies.ingestion(streamArn, domainArn), tags);
    return new PipelineDesiredState(stream, policy, role, domain(search, names.domain(), domainArn, roleArn, tags));
  }

  /**
   * Constant defaults come from the model and its CRD schema, never again from here; shards have
   * none there (ON_DEMAND streams must not set them), so 1 for a provisioned stream is applied here.
   */
  private static StreamDesired stream(StreamSpec s, String name, Map<String, String> tags) {
    int shards = s.getShards() == null ? 1 : s.getShards();
    StreamSpec.StreamEncryption enc = s.getEncryption();
    String key = enc.getType() == StreamSpec.StreamEncryption.Type.NONE ? null : enc.getKmsKeyId();
    return new StreamDesired(name, s.getMode().name(), shards, s.getRetentionHours(), key, tags);
  }

  private static DomainDesired domain(SearchSpec s, String name, String arn, String roleArn, Map<String, String> tags) {
    SearchSpec.DedicatedMasters masters = s.getDedicatedMasters();
    SearchSpec.ZoneAwareness zones = s.getZoneAwareness();
    SearchSpec.EncryptionAtRest ear = s.getEncryptionAtRest();
    return new DomainDesired(name, arn, s.getEngineVersion(), s.getInstanceType(), s.getInstanceCount(),
        masters == null ? null : masters.getInstanceType(), masters == null ? 0 : masters.getCount(),
        zones != null && zones.getEnabled() ? zones.getAvailabilityZoneCount() : 0,
        s.getStorage().getVolumeSizeGiB(), s.getStorage().getVolumeType().name(),
        ear.getEnabled(), ear.getKmsKeyId() == null ? "" : ear.getKmsKeyId(),
        s.getNodeToNodeEncryption(), s.getEnforceHttps(),
        PipelinePolicies.domainAccess(arn, roleArn, s.getAccessPrincipals()), tags);
  }
}
