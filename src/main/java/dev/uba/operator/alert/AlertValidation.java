package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AlertCondition;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertSpec;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.LogMetricFilterSpec;
import dev.uba.operator.api.v1alpha1.MetricSpec;
import dev.uba.operator.api.v1alpha1.NotificationSpec;
import dev.uba.operator.api.v1alpha1.UsedResource;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.SpecProblems;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the schema cannot say on every supported Kubernetes version: cross-field rules, values that
 * are not a range (a period that is a multiple of 60, CloudWatch Logs' retention values) and
 * immutability, checked against the spec and what status recorded (pure, no AWS call).
 */
public final class AlertValidation {
  /** The retention values CloudWatch Logs accepts (PutRetentionPolicy), in days. */
  public static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
      731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
  /** An alarm evaluates at most one day of data: evaluationPeriods x period <= 86400 s. */
  static final int MAX_EVALUATION_SECONDS = 86_400;
  private static final Pattern TOPIC_ARN = Pattern.compile("^arn:aws[a-z-]*:sns:([a-z0-9-]+):[0-9]{12}:[A-Za-z0-9_-]+$");
  private static final Pattern KMS_ARN_ALIAS = Pattern.compile("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:(alias/.+)$");
  private static final Pattern ARN = Pattern.compile("^arn:aws[a-z-]*:%s:[a-z0-9-]+:[0-9]{12}:.+$");
  private static final Pattern PHONE = Pattern.compile("^\\+[1-9][0-9]{6,14}$");

  private AlertValidation() {}

  public static Optional<Outcome> validate(AnomalyAlert alert, String operatorRegion, AlertNames names) {
    SpecProblems problems = new SpecProblems();
    AnomalyAlertSpec spec = alert.getSpec();
    AnomalyAlertStatus status = alert.getStatus() == null ? new AnomalyAlertStatus() : alert.getStatus();
    String region = problems.checkRegion(spec.getRegion(), operatorRegion, status.getRegion());
    problems.checkTags(spec.getTags());
    checkMetric(problems, spec);
    checkCondition(problems, spec);
    if (spec.getLogMetricFilter() != null) {
      checkLogMetricFilter(problems, spec, status);
    }
    checkNotification(problems, spec.getNotification(), region, status, names);
    return problems.outcome();
  }

  private static void checkMetric(SpecProblems problems, AnomalyAlertSpec spec) {
    MetricSpec metric = spec.getMetric();
    if (metric == null) {
      problems.invalid("spec.metric", "required");
      return;
    }
    if (AlertDesiredState.effectiveNamespace(spec) == null) {
      problems.invalid("spec.metric.namespace", "required without spec.pipelineRef");
    }
    Integer period = metric.getPeriodSeconds();
    if (period != null && !validPeriod(period)) {
      problems.invalid("spec.metric.periodSeconds", "must be 10, 30 or a multiple of 60 (got " + period + ")");
    }
  }

  /** CloudWatch alarm periods: 10 and 30 seconds (high resolution) or any multiple of 60. */
  static boolean validPeriod(int seconds) {
    return seconds == 10 || seconds == 30 || (seconds > 0 && seconds % 60 == 0);
  }

  private static void checkCondition(SpecProblems problems, AnomalyAlertSpec spec) {
    AlertCondition condition = spec.getCondition();
    if (condition == null) {
      problems.invalid("spec.condition", "required");
      return;
    }
    boolean threshold = condition.getThreshold() != null;
    boolean band = condition.getAnomalyBand() != null;
    if (threshold == band) {
      problems.invalid("spec.condition", "set exactly one of spec.condition.threshold and spec.condition.anomalyBand ("
          + (threshold ? "both are set" : "neither is set") + ")");
    }
    int evaluationPeriods = condition.getEvaluationPeriods();
    Integer datapoints = condition.getDatapointsToAlarm();
    if (datapoints != null && datapoints > evaluationPeriods) {
      problems.invalid("spec.condition.datapointsToAlarm", "must not exceed spec.condition.evaluationPeriods ("
          + evaluationPeriods + "), got " + datapoints);
    }
    Integer period = spec.getMetric() == null ? null : spec.getMetric().getPeriodSeconds();
    if (period != null && validPeriod(period) && (long) evaluationPeriods * period > MAX_EVALUATION_SECONDS) {
      problems.invalid("spec.condition.evaluationPeriods", "evaluationPeriods x spec.metric.periodSeconds must not "
          + "exceed one day (86400 s), got " + evaluationPeriods + " x " + period);
    }
  }

  private static void checkLogMetricFilter(SpecProblems problems, AnomalyAlertSpec spec, AnomalyAlertStatus status) {
    LogMetricFilterSpec logs = spec.getLogMetricFilter();
    Integer retention = logs.getRetentionDays();
    if (retention != null && !RETENTION_DAYS.contains(retention)) {
      problems.invalid("spec.logMetricFilter.retentionDays", "must be one of CloudWatch Logs' values "
          + RETENTION_DAYS.stream().sorted().toList() + " (got " + retention + ")");
    }
    String namespace = AlertDesiredState.effectiveNamespace(spec);
    if (namespace != null && namespace.startsWith("AWS/")) {
      problems.invalid("spec.metric.namespace", "a log metric filter publishes into a custom namespace; "
          + namespace + " is reserved for AWS services");
    }
    if (spec.getMetric() != null && spec.getMetric().getDimensions() != null
        && !spec.getMetric().getDimensions().isEmpty()) {
      problems.invalid("spec.metric.dimensions", "must be empty with spec.logMetricFilter: the filter publishes "
          + "the metric without dimensions");
    }
    var filter = status.getMetricFilter();
    if (filter != null && filter.getLogGroupName() != null && !filter.getLogGroupName().equals(logs.getLogGroupName())) {
      problems.immutable("spec.logMetricFilter.logGroupName", filter.getLogGroupName(), logs.getLogGroupName());
    }
    boolean create = logs.getCreateLogGroup();
    boolean created = status.getLogGroup() != null && Boolean.TRUE.equals(status.getLogGroup().getManaged());
    if (filter != null && filter.getLogGroupName() != null && create != created) {
      problems.immutable("spec.logMetricFilter.createLogGroup", !create, create);
    }
  }

  private static void checkNotification(SpecProblems problems, NotificationSpec n, String region,
      AnomalyAlertStatus status, AlertNames names) {
    boolean existing = AlertNames.notBlank(n.getTopicArn());
    if (existing && AlertNames.notBlank(n.getTopicName())) {
      problems.invalid("spec.notification.topicArn", "set either topicName (a topic the operator manages) or topicArn "
          + "(an existing topic), not both");
    }
    if (existing) {
      var m = TOPIC_ARN.matcher(n.getTopicArn());
      if (!m.matches()) {
        problems.invalid("spec.notification.topicArn", "must be the ARN of a standard SNS topic");
      } else if (region != null && !m.group(1).equals(region)) {
        problems.invalid("spec.notification.topicArn", "the topic is in " + m.group(1) + " but the alert in " + region
            + "; CloudWatch alarms notify topics of their own region");
      }
      if (AlertNames.notBlank(n.getKmsKeyId())) {
        problems.invalid("spec.notification.kmsKeyId", "only for a topic the operator manages; the existing topic "
            + "of spec.notification.topicArn is never modified");
      }
    }
    if (AlertNames.notBlank(n.getKmsKeyId()) && isAwsManagedSnsKey(n.getKmsKeyId())) {
      problems.invalid("spec.notification.kmsKeyId", "alias/aws/sns is the AWS-managed key, whose key policy cannot "
          + "let CloudWatch alarms publish to the topic; name a customer-managed key");
    }
    checkSubscriptions(problems, n.getSubscriptions() == null ? List.of() : n.getSubscriptions());
    UsedResource was = status.getTopic();
    if (was != null) {
      if (Boolean.TRUE.equals(was.getManaged()) && existing) {
        problems.immutable("spec.notification.topicArn", "unset (managed topic " + was.getName() + ")", n.getTopicArn());
      } else if (Boolean.TRUE.equals(was.getManaged()) && was.getName() != null && !was.getName().equals(names.topic())) {
        problems.immutable("spec.notification.topicName", was.getName(), names.topic());
      } else if (Boolean.FALSE.equals(was.getManaged()) && was.getArn() != null && !was.getArn().equals(n.getTopicArn())) {
        problems.immutable("spec.notification.topicArn", was.getArn(), existing ? n.getTopicArn() : "unset");
      }
    }
  }

  static boolean isAwsManagedSnsKey(String keyId) {
    String key = keyId.trim();
    var m = KMS_ARN_ALIAS.matcher(key);
    if (m.matches()) {
      key = m.group(1);
    }
    return key.toLowerCase(Locale.ROOT).equals("alias/aws/sns");
  }

  private static void checkSubscriptions(SpecProblems problems, List<NotificationSpec.Subscription> subscriptions) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < subscriptions.size(); i++) {
      NotificationSpec.Subscription s = subscriptions.get(i);
      String path = "spec.notification.subscriptions[" + i + "]";
      if (s == null || s.getProtocol() == null || s.getEndpoint() == null) {
        problems.invalid(path, "protocol and endpoint are required");
        continue;
      }
      String why = endpointProblem(s.getProtocol(), s.getEndpoint());
      if (why != null) {
        problems.invalid(path + ".endpoint", why);
      }
      Integer first = seen.putIfAbsent(s.getProtocol() + " " + s.getEndpoint(), i);
      if (first != null) {
        problems.invalid(path, "duplicate of spec.notification.subscriptions[" + first + "]");
      }
    }
  }

  /** Null when the endpoint fits the protocol (the forms SNS Subscribe documents). */
  static String endpointProblem(String protocol, String endpoint) {
    return switch (protocol) {
      case "email", "email-json" -> endpoint.matches("^[^@\\s]+@[^@\\s]+$") ? null : "must be an email address";
      case "https" -> endpoint.startsWith("https://") ? null : "must be a URL starting with https://";
      case "http" -> endpoint.startsWith("http://") ? null : "must be a URL starting with http://";
      case "sqs" -> arnOf("sqs", endpoint) ? null : "must be the ARN of an SQS queue";
      case "lambda" -> arnOf("lambda", endpoint) ? null : "must be the ARN of a Lambda function";
      case "sms" -> PHONE.matcher(endpoint).matches() ? null : "must be a phone number in E.164 form (+15555550100)";
      default -> "unknown protocol " + protocol;
    };
  }

  private static boolean arnOf(String service, String endpoint) {
    return Pattern.compile(ARN.pattern().formatted(service)).matcher(endpoint).matches();
  }
}
