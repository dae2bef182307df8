package dev.uba.operator.aws.sns;

import dev.uba.operator.engine.Observed;
import java.util.Map;

/** A topic as GetTopicAttributes and ListTagsForResource report it; tags are empty when not read. */
public record TopicActual(String name, String arn, Map<String, String> attributes, Map<String, String> tags) implements Observed {

  /** The KmsMasterKeyId attribute; null when the topic is not encrypted. */
  public String kmsKeyId() {
    String key = attributes.get("KmsMasterKeyId");
    return key == null || key.isEmpty() ? null : key;
  }

  public String policy() {
    return attributes.get("Policy");
  }

  /** The topic name of an SNS topic ARN (its last field). */
  public static String nameOf(String topicArn) {
    return topicArn.substring(topicArn.lastIndexOf(':') + 1);
  }
}
