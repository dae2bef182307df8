package dev.uba.operator.pipeline;

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
   * @param streamKey the stream's customer-managed KMS key as an IAM resource, or null (AWS-owned key)
   * @param bucketKey the archive's KMS key as an IAM resource, or null (SSE-S3)
   * @param s3Service s3.REGION.amazonaws.com, for kms:ViaService on the bucket key
   */
  public record IngestionAccess(String streamArn, String streamKey, String domainArn, String indexName,
      String bucketArn, String bucketKey, String s3Service, String logGroupArn, String lambdaArn) {}

  /**
   * What AWS documents for a Firehose delivery from Kinesis ("Controlling access with Amazon Data
   * Firehose"), and nothing for what the pipeline does not have.
   */
  public static String ingestion(IngestionAccess a) {
    List<Statement> statements = new ArrayList<>();
    statements.add(PolicyDocuments.allow(List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary",
        "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:ListShards"), List.of(a.streamArn())));
    if (a.streamKey() != null) {
      statements.add(PolicyDocuments.allow(List.of("kms:Decrypt"), List.of(a.streamKey())));
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
        statements.add(new Statement("Allow", null, List.of("kms:GenerateDataKey", "kms:Decrypt"),
            List.of(a.bucketKey()), Map.of("StringEquals", Map.of("kms:ViaService", List.of(a.s3Service())))));
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

  /** Trusted by Firehose of this account only (the confused-deputy guard AWS recommends). */
  public static String firehoseTrust(String accountId) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":[\"firehose.amazonaws.com\"]},\"Action\":[\"sts:AssumeRole\"],"
        + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":[\"" + accountId + "\"]}}}]}";
  }

  /** Only the ingestion role and the spec's access principals may call es:ESHttp* on the domain. */
  public static String domainAccess(String domainArn, String ingestionRoleArn, List<String> accessPrincipals) {
    List<String> principals = new ArrayList<>();
    principals.add(ingestionRoleArn);
    if (accessPrincipals != null) {
      accessPrincipals.stream().filter(p -> !principals.contains(p)).forEach(principals::add);
    }
    Statement statement = PolicyDocuments.allowPrincipals(Map.of("AWS", principals), List.of("es:ESHttp*"),
        List.of(domainArn + "/*"));
    return PolicyDocuments.document(List.of(statement));
  }
}
