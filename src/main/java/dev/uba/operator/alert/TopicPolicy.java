package dev.uba.operator.alert;

import dev.uba.operator.engine.PolicyDocuments;
import dev.uba.operator.engine.PolicyDocuments.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The access policy of a topic the operator manages (pure): CloudWatch may publish for this alert's
 * alarm, and, with stateChangeEvents, EventBridge for this alert's rule; each bound to the source ARN
 * and account (no confused deputy), nothing else. Principals of the topic's own account need no
 * statement: their IAM policies grant them access.
 */
final class TopicPolicy {
  static final String CLOUDWATCH = "cloudwatch.amazonaws.com";
  static final String EVENTS = "events.amazonaws.com";

  private TopicPolicy() {}

  /** @param ruleArn null without stateChangeEvents */
  static String document(String topicArn, String alarmArn, String ruleArn, String accountId) {
    List<Statement> statements = new ArrayList<>();
    statements.add(publish(CLOUDWATCH, topicArn).when(Map.of(
        "ArnLike", Map.of("aws:SourceArn", List.of(alarmArn)),
        "StringEquals", Map.of("aws:SourceAccount", List.of(accountId)))));
    if (ruleArn != null) {
      statements.add(publish(EVENTS, topicArn).when(Map.of(
          "ArnEquals", Map.of("aws:SourceArn", List.of(ruleArn)))));
    }
    return PolicyDocuments.document(statements);
  }

  private static Statement publish(String service, String topicArn) {
    return PolicyDocuments.allowPrincipals(Map.of("Service", List.of(service)), List.of("sns:Publish"),
        List.of(topicArn));
  }
}
