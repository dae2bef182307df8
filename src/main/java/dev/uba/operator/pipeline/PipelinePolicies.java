package dev.uba.operator.pipeline;

import dev.uba.operator.aws.opensearch.dataplane.DataPlaneAccess;
import dev.uba.operator.engine.PolicyDocuments;
import dev.uba.operator.engine.PolicyDocuments.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The IAM documents of a pipeline, least privilege (pure). The ingestion policy holds what AWS
 * documents for a Firehose delivery from Kinesis into OpenSearch ("Controlling access with Amazon
 * Data Firehose", OpenSearch destination); never Resource "*", never Principal "*".
 */
public final class PipelinePolicies {
  /** The index prefix a delivery stream writes to; the ingestion role may read its mapping and stats. */
  public static final String INDEX_PREFIX = "uba-events";
  public static final String INGEST_POLICY_NAME = "uba-ingest";

  private PipelinePolicies() {}

  public static String producer(String streamArn) {
    return PolicyDocuments.document(List.of(PolicyDocuments.allow(
        List.of("kinesis:PutRecord", "kinesis:PutRecords", "kinesis:DescribeStreamSummary", "kinesis:ListShards"),
        List.of(streamArn))));
  }

  /** The ingestion policy of a pipeline with a stream and a domain only. */
  public static String ingestion(String streamArn, String domainArn) {
    return ingestion(new IngestionAccess(streamArn, null, domainArn, INDEX_PREFIX, null, null, null, null, null));
  }

  /**
   * What the delivery reads and writes, each null where the pipeline does not have it.
   *
   * @param streamKey the stream's customer-managed KMS key (id, key ARN or alias), or null
   * @param bucketKey the archive's KMS key (id, key ARN or alias), or null (SSE-S3)
   * @param where the region and account keys and services are in
   */
  public record IngestionAccess(String streamArn, String streamKey, String domainArn, String indexName,
      String bucketArn, String bucketKey, PipelineDesiredState.Location where, String logGroupArn, String lambdaArn) {}

  /**
   * What AWS documents for a Firehose delivery from Kinesis ("Controlling access with Amazon Data
   * Firehose"), and nothing for what the pipeline does not have.
   */
  public static String ingestion(IngestionAccess a) {
    List<Statement> statements = new ArrayList<>();
    statements.add(PolicyDocuments.allow(List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
        "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"), List.of(a.streamArn())));
    if (a.streamKey() != null) {
      statements.add(kms(List.of("kms:Decrypt"), a.streamKey(), a.where(), Map.of()));
    }
    if (a.domainArn() != null) {
      String domain = a.domainArn();
      String index = domain + "/" + a.indexName() + "*";
      statements.add(PolicyDocuments.allow(List.of("es:DescribeDomain", "es:DescribeDomains",
          "es:DescribeDomainConfig", "es:ESHttpPost", "es:ESHttpPut"), List.of(domain, domain + "/*")));
      statements.add(PolicyDocuments.allow(List.of("es:ESHttpGet"), List.of(domain + "/_all/_settings",
          domain + "/_cluster/stats", domain + "/_nodes", domain + "/_nodes/stats", domain + "/_nodes/*/stats",
          domain + "/_stats", index + "/_mapping/*", index + "/_stats")));
    }
    if (a.bucketArn() != null) {
      statements.add(PolicyDocuments.allow(List.of("s3:AbortMultipartUpload", "s3:GetBucketLocation",
          "s3:GetObject", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:PutObject"),
          List.of(a.bucketArn(), a.bucketArn() + "/*")));
      if (a.bucketKey() != null) {
        statements.add(kms(List.of("kms:GenerateDataKey", "kms:Decrypt"), a.bucketKey(), a.where(),
            Map.of("kms:ViaService", List.of("s3." + a.where().region() + ".amazonaws.com"))));
      }
    }
    if (a.logGroupArn() != null) {
      statements.add(PolicyDocuments.allow(List.of("logs:PutLogEvents"), List.of(a.logGroupArn() + ":log-stream:*")));
    }
    if (a.lambdaArn() != null) {
      statements.add(PolicyDocuments.allow(List.of("lambda:InvokeFunction", "lambda:GetFunctionConfiguration"),
          List.of(a.lambdaArn())));
    }
    return PolicyDocuments.document(statements);
  }

  /**
   * A grant on a KMS key named as the spec names it: a key ARN as it is, a key id as its ARN, an
   * alias through kms:ResourceAliases (an alias is not a resource IAM grants key use on).
   */
  static Statement kms(List<String> actions, String key, PipelineDesiredState.Location where,
      Map<String, List<String>> stringEquals) {
    String keys = where.arn("kms", "key/");
    Map<String, Map<String, List<String>>> condition = new java.util.TreeMap<>();
    if (!stringEquals.isEmpty()) {
      condition.put("StringEquals", stringEquals);
    }
    if (key.startsWith("arn:") && key.contains(":key/")) {
      return new Statement("Allow", null, actions, List.of(key), condition);
    }
    String alias = key.startsWith("arn:") && key.contains(":alias/") ? key.substring(key.indexOf(":alias/") + 1)
        : key.startsWith("alias/") ? key : null;
    if (alias == null) {
      return new Statement("Allow", null, actions, List.of(keys + key), condition);
    }
    condition.put("ForAnyValue:StringEquals", Map.of("kms:ResourceAliases", List.of(alias)));
    return new Statement("Allow", null, actions, List.of(keys + "*"), condition);
  }

  /** Trusted by Firehose of this account only (the confused-deputy guard AWS recommends). */
  public static String firehoseTrust(String accountId) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":[\"firehose.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"],"
        + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":[\"" + accountId + "\"]}}}]}";
  }

  /** What the ingestion role may send to the domain: bulk writes and the reads Firehose makes, no DELETE. */
  static final List<String> INGESTION_HTTP = List.of("es:ESHttpGet", "es:ESHttpPost", "es:ESHttpPut");

  /**
   * Only the ingestion role (POST, PUT, GET, as its own policy) and the spec's access principals
   * (es:ESHttp*) may call the domain's HTTP API.
   */
  public static String domainAccess(String domainArn, String ingestionRoleArn, List<String> accessPrincipals) {
    return domainAccess(domainArn, ingestionRoleArn, accessPrincipals, null);
  }

  /**
   * As above, and the operator's own role (when its credentials are a role) the index-template and
   * ISM paths of the data plane only.
   */
  public static String domainAccess(String domainArn, String ingestionRoleArn, List<String> accessPrincipals,
      String operatorRoleArn) {
    List<Statement> statements = new ArrayList<>();
    statements.add(PolicyDocuments.allowPrincipals(Map.of("AWS", List.of(ingestionRoleArn)), INGESTION_HTTP,
        List.of(domainArn + "/*")));
    List<String> principals = accessPrincipals == null ? List.of()
        : accessPrincipals.stream().filter(p -> !p.equals(ingestionRoleArn)).distinct().toList();
    if (!principals.isEmpty()) {
      statements.add(PolicyDocuments.allowPrincipals(Map.of("AWS", principals), List.of("es:ESHttp*"),
          List.of(domainArn + "/*")));
    }
    if (operatorRoleArn != null) {
      statements.add(DataPlaneAccess.operatorStatement(domainArn, operatorRoleArn));
    }
    return PolicyDocuments.document(statements);
  }
}
