package dev.uba.operator.alert;

/** Where an alert lives: its region, and the account and partition its ARNs are built from. */
public record AlertLocation(String region, String accountId, String partition) {

  String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + accountId + ":" + resource;
  }

  String topicArn(String topicName) {
    return arn("sns", topicName);
  }

  String alarmArn(String alarmName) {
    return arn("cloudwatch", "alarm:" + alarmName);
  }

  String ruleArn(String ruleName) {
    return arn("events", "rule/" + ruleName);
  }

  String logGroupArn(String logGroupName) {
    return arn("logs", "log-group:" + logGroupName);
  }
}
