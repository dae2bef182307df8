package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.StreamSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.aws.iam.PolicyDesired;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.kinesis.StreamDesired;
import dev.uba.operator.aws.opensearch.DomainDesired;
import dev.uba.operator.engine.Ownership;
import java.util.List;
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

  private static StreamDesired stream(StreamSpec spec, String name, Map<String, String> tags) {
    StreamSpec s = spec == null ? new StreamSpec() : spec;
    String mode = s.getMode() == null ? "PROVISIONED" : s.getMode().name();
    int shards = s.getShards() == null ? 1 : s.getShards();
    int retention = s.getRetentionHours() == null ? 24 : s.getRetentionHours();
    StreamSpec.StreamEncryption enc = s.getEncryption() == null ? new StreamSpec.StreamEncryption() : s.getEncryption();
    String key = enc.getType() == StreamSpec.StreamEncryption.Type.NONE ? null : enc.getKmsKeyId();
    return new StreamDesired(name, mode, shards, retention, key, tags);
  }

  private static DomainDesired domain(SearchSpec s, String name, String arn, String roleArn, Map<String, String> tags) {
    SearchSpec.DedicatedMasters masters = s.getDedicatedMasters();
    SearchSpec.ZoneAwareness zones = s.getZoneAwareness();
    SearchSpec.Storage storage = s.getStorage() == null ? new SearchSpec.Storage() : s.getStorage();
    SearchSpec.EncryptionAtRest ear = s.getEncryptionAtRest() == null ? new SearchSpec.EncryptionAtRest()
        : s.getEncryptionAtRest();
    List<String> principals = s.getAccessPrincipals() == null ? List.of() : s.getAccessPrincipals();
    return new DomainDesired(name, arn, s.getEngineVersion(), s.getInstanceType(), s.getInstanceCount(),
        masters == null ? null : masters.getInstanceType(), masters == null ? 0 : masters.getCount(),
        zones != null && Boolean.TRUE.equals(zones.getEnabled()) ? zones.getAvailabilityZoneCount() : 0,
        storage.getVolumeSizeGiB(), storage.getVolumeType().name(),
        !Boolean.FALSE.equals(ear.getEnabled()), ear.getKmsKeyId() == null ? "" : ear.getKmsKeyId(),
        !Boolean.FALSE.equals(s.getNodeToNodeEncryption()), !Boolean.FALSE.equals(s.getEnforceHttps()),
        PipelinePolicies.domainAccess(arn, roleArn, principals), tags);
  }
}
