package dev.uba.operator.alert;

import java.util.Arrays;
import java.util.Map;

/**
 * Whether an alert may use an existing SNS topic it does not own (spec.notification.topicArn): only
 * when the topic's owner has granted the alert's namespace with the tag {@value #ALLOW_TAG}, whose
 * comma-separated value lists namespaces or is {@code *}. Without it, one namespace's users could
 * subscribe their endpoints to another team's topic through the operator's identity.
 */
final class TopicAccess {
  static final String ALLOW_TAG = "uba.dev/allow-namespaces";

  private TopicAccess() {}

  /** True when the tags grant {@code namespace} the topic (pure). */
  static boolean allows(Map<String, String> tags, String namespace) {
    String value = tags.get(ALLOW_TAG);
    return value != null && Arrays.stream(value.split(",")).map(String::trim)
        .anyMatch(granted -> granted.equals("*") || granted.equals(namespace));
  }

  /** The Degraded message for a topic whose tags do not grant the namespace. */
  static String refusal(String topicArn, String namespace) {
    return "SnsTopic " + topicArn + " of spec.notification.topicArn is not the alert's and does not grant namespace "
        + namespace + " its use: its owner must tag it " + ALLOW_TAG + " with a comma-separated list of namespaces"
        + " that includes " + namespace + " (or *); nothing is subscribed until then";
  }
}
