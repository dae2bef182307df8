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

  public static String ingestion(String streamArn, String domainArn) {
    return PolicyDocuments.document(List.of(
        PolicyDocuments.allow(
            List.of("kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetShardIterator",
                "kinesis:GetRecords", "kinesis:ListShards"),
            List.of(streamArn)),
        PolicyDocuments.allow(
            List.of("es:DescribeDomain", "es:DescribeDomains", "es:DescribeDomainConfig", "es:ESHttpPost",
                "es:ESHttpPut"),
            List.of(domainArn, domainArn + "/*")),
        PolicyDocuments.allow(
            List.of("es:ESHttpGet"),
            List.of(domainArn + "/_all/_settings", domainArn + "/_cluster/stats", domainArn + "/_nodes/*",
                domainArn + "/" + INDEX_PREFIX + "*/_mapping/*", domainArn + "/" + INDEX_PREFIX + "*/_stats",
                domainArn + "/_stats"))));
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
