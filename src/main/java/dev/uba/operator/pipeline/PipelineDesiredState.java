package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.ArchiveSpec;
import dev.uba.operator.api.v1alpha1.DeliverySpec;
import dev.uba.operator.api.v1alpha1.SearchSpec;
import dev.uba.operator.api.v1alpha1.StreamSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.firehose.DeliveryDesired;
import dev.uba.operator.aws.iam.PolicyDesired;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.kinesis.StreamDesired;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.opensearch.DomainDesired;
import dev.uba.operator.aws.opensearch.dataplane.IndexTemplateDesired;
import dev.uba.operator.aws.opensearch.dataplane.IsmPolicyDesired;
import dev.uba.operator.aws.s3.BucketDesired;
import dev.uba.operator.config.LeastPrivilege;
import dev.uba.operator.engine.Names;
import dev.uba.operator.engine.Ownership;
import java.util.Map;

/**
 * Everything a pipeline should be in AWS, computed from the spec (pure). Defaults that depend on
 * other fields (shards, names) are applied here, never written back to the spec. A part the
 * pipeline does not have is null.
 */
public record PipelineDesiredState(
    StreamDesired stream, PolicyDesired producerPolicy, RoleDesired ingestionRole, DomainDesired domain,
    BucketDesired archive, LogGroupDesired deliveryLogGroup, DeliveryDesired delivery,
    IndexTemplateDesired indexTemplate, IsmPolicyDesired ismPolicy) {

  /** How long Firehose's error log group keeps its entries (the contract's 14 days). */
  static final int DELIVERY_LOG_RETENTION_DAYS = 14;

  /**
   * Where the pipeline lives: its region, and the account and partition the ARNs are built from.
   *
   * @param operatorRoleArn the role behind the operator's credentials, granted the data plane's
   *     template and ISM paths in the domain access policy; null when the credentials are no role
   * @param permissionsBoundary the boundary every role the operator creates carries
   *     (UBA_IAM_PERMISSIONS_BOUNDARY), or null
   */
  public record Location(String region, String accountId, String partition, String operatorRoleArn,
      String permissionsBoundary) {
    public Location(String region, String accountId, String partition) {
      this(region, accountId, partition, null, null);
    }

    public Location(String region, String accountId, String partition, String operatorRoleArn) {
      this(region, accountId, partition, operatorRoleArn, null);
    }

    String arn(String service, String resource) {
      return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
    }

    String iamArn(String resource) {
      return "arn:" + partition + ":iam::" + accountId + ":" + resource;
    }
  }

  public static PipelineDesiredState of(UbaPipeline pipeline, PipelineNames names, Location where) {
    return of(pipeline, names, where, false);
  }

  /**
   * @param roleRecorded the ingestion role exists from an earlier spec (status records it), so it is
   *     part of what the pipeline has even with neither search nor delivery
   */
  public static PipelineDesiredState of(UbaPipeline pipeline, PipelineNames names, Location where,
      boolean roleRecorded) {
    UbaPipelineSpec spec = pipeline.getSpec();
    Map<String, String> tags = Ownership.tags(spec.getTags(), names.ownerId());
    String streamArn = where.arn("kinesis", "stream/" + names.stream());
    String domainArn = where.arn("es", "domain/" + names.domain());
    String roleArn = ingestionRoleArn(pipeline, names, where);
    StreamDesired stream = stream(spec.getStream(), names.stream(), tags);
    PolicyDesired policy = new PolicyDesired(names.producerPolicy(), LeastPrivilege.IAM_PATH,
        where.iamArn("policy" + LeastPrivilege.IAM_PATH + names.producerPolicy()),
        where.iamArn("policy/" + names.producerPolicy()),
        "Lets producers write events to Kinesis stream " + names.stream() + " (" + names.ownerId() + ")",
        PipelinePolicies.producer(streamArn), tags);
    SearchSpec search = spec.getSearch();
    BucketDesired archive = spec.getArchive() == null ? null : archive(spec.getArchive(), pipeline, names, where, tags);
    DeliverySpec delivery = spec.getDelivery();
    LogGroupDesired logGroup = delivery == null || !delivery.getErrorLogging() ? null
        : LogGroupDesired.managed(names.deliveryLogGroup(), where.arn("logs", "log-group:" + names.deliveryLogGroup()),
            DELIVERY_LOG_RETENTION_DAYS, tags);
    DeliveryDesired deliveryDesired = delivery == null || archive == null ? null
        : DeliveryDesiredState.of(delivery, names.delivery(), streamArn, roleArn, archive,
            search == null ? null : domainArn, logGroup, tags);
    RoleDesired role = search == null && delivery == null && !roleRecorded ? null
        : new RoleDesired(names.ingestionRole(), LeastPrivilege.IAM_PATH,
            "Delivers events from " + names.stream() + " (" + names.ownerId() + ")",
            PipelinePolicies.firehoseTrust(where.accountId()), PipelinePolicies.INGEST_POLICY_NAME,
            PipelinePolicies.ingestion(new PipelinePolicies.IngestionAccess(streamArn, customerKey(stream),
                search == null ? null : domainArn,
                delivery == null ? PipelinePolicies.INDEX_PREFIX : delivery.getIndexName(),
                deliveryDesired == null ? null : archive.arn(), deliveryDesired == null ? null : archive.kmsKeyId(),
                where, logGroup == null ? null : logGroup.arn(),
                deliveryDesired == null ? null : deliveryDesired.settings().lambdaArn())),
            where.permissionsBoundary(), tags);
    DomainDesired domain = search == null ? null
        : domain(search, names.domain(), domainArn, roleArn, where.operatorRoleArn(), tags);
    String index = delivery == null ? PipelinePolicies.INDEX_PREFIX : delivery.getIndexName();
    IndexTemplateDesired template = search == null || !search.getIndexTemplate().getEnabled() ? null
        : IndexTemplateDesired.forIndex(index, search.getIndexTemplate().getShards(),
            search.getIndexTemplate().getReplicas(), domainArn);
    IsmPolicyDesired ism = search == null || search.getRetentionDays() == null ? null
        : IsmPolicyDesired.retention(index, search.getRetentionDays(), domainArn);
    return new PipelineDesiredState(stream, policy, role, domain, archive, logGroup, deliveryDesired, template, ism);
  }

  /**
   * The ingestion role's ARN: as status recorded it (a role created before the operator used the
   * path /uba/ keeps its ARN, IAM cannot move it), else the one a new role gets under that path.
   */
  static String ingestionRoleArn(UbaPipeline pipeline, PipelineNames names, Location where) {
    UbaPipelineStatus status = pipeline.getStatus();
    if (status != null && status.getIngestionRole() != null && status.getIngestionRole().getArn() != null
        && names.ingestionRole().equals(status.getIngestionRole().getName())) {
      return status.getIngestionRole().getArn();
    }
    return where.iamArn("role" + LeastPrivilege.IAM_PATH + names.ingestionRole());
  }

  /** The stream's key when it is one the account manages (the AWS-owned alias needs no grant). */
  private static String customerKey(StreamDesired stream) {
    return stream.encrypted() && !"alias/aws/kinesis".equals(stream.kmsKeyId()) ? stream.kmsKeyId() : null;
  }

  private static BucketDesired archive(ArchiveSpec a, UbaPipeline pipeline, PipelineNames names, Location where,
      Map<String, String> tags) {
    String name = names.bucket() != null ? names.bucket() : Names.s3Bucket(where.accountId(), where.region(),
        pipeline.getMetadata().getNamespace(), PipelineNames.KIND, pipeline.getMetadata().getName());
    return new BucketDesired(name, where.region(), a.getKmsKeyId(), a.getExpireAfterDays(), a.getGlacierAfterDays(),
        a.getForceDestroy(), tags);
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

  private static DomainDesired domain(SearchSpec s, String name, String arn, String roleArn, String operatorRoleArn,
      Map<String, String> tags) {
    SearchSpec.DedicatedMasters masters = s.getDedicatedMasters();
    SearchSpec.ZoneAwareness zones = s.getZoneAwareness();
    SearchSpec.EncryptionAtRest ear = s.getEncryptionAtRest();
    return new DomainDesired(name, arn, s.getEngineVersion(), s.getInstanceType(), s.getInstanceCount(),
        masters == null ? null : masters.getInstanceType(), masters == null ? 0 : masters.getCount(),
        zones != null && zones.getEnabled() ? zones.getAvailabilityZoneCount() : 0,
        s.getStorage().getVolumeSizeGiB(), s.getStorage().getVolumeType().name(),
        ear.getEnabled(), ear.getKmsKeyId() == null ? "" : ear.getKmsKeyId(),
        s.getNodeToNodeEncryption(), s.getEnforceHttps(),
        PipelinePolicies.domainAccess(arn, roleArn, s.getAccessPrincipals(), operatorRoleArn), tags);
  }
}
