package dev.uba.operator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus;
import dev.uba.operator.api.v1alpha1.NotificationSpec;
import dev.uba.operator.testenv.AlertAwsCheck;
import dev.uba.operator.testenv.AnomalyAlerts;
import dev.uba.operator.testenv.KubeApi;
import dev.uba.operator.testenv.RunningOperator;
import dev.uba.operator.testenv.aws.CallLog;
import dev.uba.operator.testenv.aws.LocalAws;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * An alert's life against the real API server and the local AWS: threshold and anomaly-band alarms,
 * log metric filters, the state-change rule, subscriptions converged as a set, the alarm state
 * mirrored from CloudWatch, an existing topic only subscribed to, deletion with Delete and Retain.
 * AWS is checked with a separate client, as a user would. The operator watches only this class's
 * namespace and resyncs every 2 seconds, so alarm state changes show up quickly.
 */
class AnomalyAlertLifecycleIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ACCOUNT = "123456789012";

  private static KubeApi kube;
  private static LocalAws aws;
  private static RunningOperator operator;
  private static KubernetesClient client;
  private static AnomalyAlerts alerts;
  private static AlertAwsCheck check;
  private static String ns;

  @BeforeAll
  static void start() {
    kube = KubeApi.shared();
    aws = LocalAws.shared();
    ns = kube.newNamespace("alerts");
    operator = RunningOperator.start(kube, aws, Duration.ofMillis(500), Duration.ofSeconds(2), Set.of(ns));
    client = kube.newClient();
    alerts = new AnomalyAlerts(client);
    check = new AlertAwsCheck(aws.motoEndpoint());
  }

  @AfterAll
  static void stop() {
    operator.close();
    client.close();
    check.close();
  }

  private static String topicArn(String name) {
    return "arn:aws:sns:us-east-1:" + ACCOUNT + ":" + ns + "-" + name;
  }

  @Test
  void aThresholdAlertCreatesItsAlarmTopicAndSubscriptionsAndReportsThem() throws Exception {
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: traffic-high}
        spec:
          tags: {team: growth}
          metric:
            namespace: AWS/Kinesis
            name: IncomingRecords
            dimensions: {StreamName: analytics-clickstream}
            periodSeconds: 60
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 1000}
            evaluationPeriods: 3
            treatMissingData: notBreaching
          notification:
            kmsKeyId: alias/uba-alerts
            subscriptions:
              - {protocol: email, endpoint: oncall@example.com}
              - {protocol: sqs, endpoint: "arn:aws:sqs:us-east-1:123456789012:alerts"}
            notifyOn: [ALARM, OK]
        """);
    AnomalyAlert ready = alerts.awaitReady(ns, "traffic-high");

    AnomalyAlertStatus status = ready.getStatus();
    String alarmName = ns + "-traffic-high";
    String topic = topicArn("traffic-high");
    String owner = ns + "/anomalyalert/traffic-high";
    assertThat(status.getPhase().name()).isEqualTo("Ready");
    assertThat(AnomalyAlerts.isTrue(ready, "Progressing")).isFalse();
    assertThat(AnomalyAlerts.isTrue(ready, "Degraded")).isFalse();
    assertThat(status.getRegion()).isEqualTo("us-east-1");
    assertThat(status.getAlarm().getName()).isEqualTo(alarmName);
    assertThat(status.getAlarm().getArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:" + ACCOUNT + ":alarm:" + alarmName);
    assertThat(status.getAlarm().getState()).isEqualTo("OK");
    assertThat(status.getAlarm().getStateReason()).isNotBlank();
    assertThat(status.getAlarm().getStateUpdatedTimestamp()).isNotBlank();
    assertThat(status.getAlarm().getDatapointsToAlarm()).as("defaults to evaluationPeriods").isEqualTo(3);
    assertThat(status.getTopic().getArn()).isEqualTo(topic);
    assertThat(status.getTopic().getManaged()).isTrue();
    assertThat(status.getSubscriptions()).extracting(AnomalyAlertStatus.SubscriptionStatus::getEndpoint)
        .containsExactly("oncall@example.com", "arn:aws:sqs:us-east-1:123456789012:alerts");
    // An email subscription waits for its owner's confirmation; a same-account queue is confirmed at once.
    AnomalyAlertStatus.SubscriptionStatus email = status.getSubscriptions().get(0);
    assertThat(email.getPendingConfirmation()).isTrue();
    assertThat(email.getArn()).isNull();
    AnomalyAlertStatus.SubscriptionStatus queue = status.getSubscriptions().get(1);
    assertThat(queue.getPendingConfirmation()).isFalse();
    assertThat(queue.getArn()).startsWith(topic + ":");
    assertThat(status.getResources()).extracting(r -> r.getKind())
        .containsExactly("SnsTopic", "SnsSubscription", "SnsSubscription", "CloudWatchAlarm");
    assertThat(status.getResources()).extracting(r -> r.getState())
        .containsExactly("Available", "PendingConfirmation", "Confirmed", "OK");
    assertThat(status.getResources()).as("a pending confirmation is the recipient's to act on")
        .allSatisfy(r -> assertThat(r.isReady()).isTrue());

    MetricAlarm alarm = check.alarm(alarmName).orElseThrow();
    assertThat(alarm.namespace()).isEqualTo("AWS/Kinesis");
    assertThat(alarm.metricName()).isEqualTo("IncomingRecords");
    assertThat(alarm.dimensions()).singleElement()
        .satisfies(d -> assertThat(d.name() + "=" + d.value()).isEqualTo("StreamName=analytics-clickstream"));
    assertThat(alarm.statisticAsString()).isEqualTo("Sum");
    assertThat(alarm.period()).isEqualTo(60);
    assertThat(alarm.threshold()).isEqualTo(1000.0);
    assertThat(alarm.comparisonOperatorAsString()).isEqualTo("GreaterThanThreshold");
    assertThat(alarm.evaluationPeriods()).isEqualTo(3);
    assertThat(alarm.datapointsToAlarm()).isEqualTo(3);
    assertThat(alarm.treatMissingData()).isEqualTo("notBreaching");
    assertThat(alarm.alarmActions()).containsExactly(topic);
    assertThat(alarm.okActions()).containsExactly(topic);
    assertThat(alarm.insufficientDataActions()).isEmpty();
    assertThat(alarm.metrics()).isEmpty();
    assertThat(check.alarmTags(alarm.alarmArn())).containsEntry("team", "growth")
        .containsEntry("uba.dev/managed-by", "uba-operator").containsEntry("uba.dev/owner", owner);

    Map<String, String> attributes = check.topic(topic).orElseThrow();
    assertThat(attributes.get("KmsMasterKeyId")).isEqualTo("alias/uba-alerts");
    JsonNode policy = JSON.readTree(attributes.get("Policy"));
    assertThat(policy.toString()).contains("cloudwatch.amazonaws.com").contains(alarm.alarmArn())
        .doesNotContain("events.amazonaws.com").doesNotContain("\"*\"");
    assertThat(check.topicTags(topic)).containsEntry("team", "growth").containsEntry("uba.dev/owner", owner);
    assertThat(check.subscriptions(topic)).extracting(Subscription::protocol).containsExactlyInAnyOrder("email", "sqs");
    assertThat(aws.sns().pending(topic)).extracting(p -> p.endpoint()).containsExactly("oncall@example.com");
    assertThat(alerts.events(ns, "traffic-high")).extracting(Event::getReason).contains("Created");

    // The owner of the address confirms: the next resync shows the subscription's ARN.
    assertThat(aws.sns().confirm(topic, "oncall@example.com")).isTrue();
    AnomalyAlert confirmed = alerts.awaitStatus(ns, "traffic-high",
        a -> Boolean.FALSE.equals(a.getStatus().getSubscriptions().get(0).getPendingConfirmation()));
    assertThat(confirmed.getStatus().getSubscriptions().get(0).getArn()).startsWith(topic + ":");

    // The ALARM STATE printer column, as kubectl get shows it (the API server's table view).
    HttpResponse<String> table = client.getHttpClient().sendAsync(client.getHttpClient().newHttpRequestBuilder()
        .uri(client.getMasterUrl() + "apis/uba.dev/v1alpha1/namespaces/" + ns + "/anomalyalerts/traffic-high")
        .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io").build(), String.class).get();
    JsonNode view = JSON.readTree(table.body());
    List<String> columns = view.get("columnDefinitions").findValuesAsText("name");
    assertThat(columns).contains("Ready", "Phase", "Alarm State", "Age");
    JsonNode cells = view.get("rows").get(0).get("cells");
    assertThat(cells.get(columns.indexOf("Alarm State")).asText()).isEqualTo("OK");
    assertThat(cells.get(columns.indexOf("Ready")).asText()).isEqualTo("True");
    assertThat(cells.get(columns.indexOf("Phase")).asText()).isEqualTo("Ready");

    // Steady state: resyncs read, they never write.
    long writes = operator.awsCalls().writes();
    long reads = operator.awsCalls().calls("CloudWatch", "DescribeAlarms");
    await().atMost(AnomalyAlerts.TIMEOUT)
        .until(() -> operator.awsCalls().calls("CloudWatch", "DescribeAlarms") >= reads + 3);
    assertThat(operator.awsCalls().writes()).as("write calls during steady-state resyncs").isEqualTo(writes);
  }

  @Test
  void anAnomalyBandAlertUsesTheBandExpressionAndTheDirectionsComparison() {
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: traffic-band}
        spec:
          metric:
            namespace: AWS/Kinesis
            name: IncomingRecords
            dimensions: {StreamName: analytics-clickstream}
            statistic: Average
          condition:
            anomalyBand: {standardDeviations: 3, direction: Above}
            evaluationPeriods: 2
            datapointsToAlarm: 1
        """);
    AnomalyAlert ready = alerts.awaitReady(ns, "traffic-band");

    MetricAlarm alarm = check.alarm(ns + "-traffic-band").orElseThrow();
    assertThat(alarm.namespace()).isNull();
    assertThat(alarm.metricName()).isNull();
    assertThat(alarm.thresholdMetricId()).isEqualTo("ad1");
    assertThat(alarm.comparisonOperatorAsString()).isEqualTo("GreaterThanUpperThreshold");
    assertThat(alarm.evaluationPeriods()).isEqualTo(2);
    assertThat(alarm.datapointsToAlarm()).isEqualTo(1);
    assertThat(alarm.metrics()).hasSize(2);
    var m1 = alarm.metrics().get(0);
    assertThat(m1.id()).isEqualTo("m1");
    assertThat(m1.metricStat().metric().namespace()).isEqualTo("AWS/Kinesis");
    assertThat(m1.metricStat().metric().metricName()).isEqualTo("IncomingRecords");
    assertThat(m1.metricStat().stat()).isEqualTo("Average");
    assertThat(m1.metricStat().period()).isEqualTo(300);
    assertThat(alarm.metrics().get(1).id()).isEqualTo("ad1");
    assertThat(alarm.metrics().get(1).expression()).isEqualTo("ANOMALY_DETECTION_BAND(m1, 3)");
    assertThat(alarm.alarmActions()).containsExactly(topicArn("traffic-band"));
    assertThat(ready.getStatus().getAlarm().getState()).isEqualTo("OK");

    // A change of direction replaces the alarm's configuration in place.
    alerts.edit(ns, "traffic-band", a -> {
      a.getSpec().getCondition().getAnomalyBand().setDirection(
          dev.uba.operator.api.v1alpha1.AlertCondition.AnomalyBand.Direction.Both);
      return a;
    });
    alerts.awaitReady(ns, "traffic-band");
    assertThat(check.alarm(ns + "-traffic-band").orElseThrow().comparisonOperatorAsString())
        .isEqualTo("LessThanLowerOrGreaterThanUpperThreshold");
    assertThat(alerts.events(ns, "traffic-band")).extracting(Event::getReason).contains("Updated");
  }

  @Test
  void logMetricFiltersTurnLogLinesIntoTheMetricInAnOwnedOrAnExistingLogGroup() {
    String owned = "/uba/" + ns + "/model-serving";
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: model-errors}
        spec:
          tags: {team: ml}
          metric: {namespace: UBA/ModelServing, name: Errors, periodSeconds: 60}
          condition:
            threshold: {comparison: GreaterThanOrEqualToThreshold, value: 5}
          logMetricFilter:
            logGroupName: %s
            retentionDays: 14
            pattern: "ERROR"
        """.formatted(owned));
    AnomalyAlert ready = alerts.awaitReady(ns, "model-errors");

    var group = check.logGroup(owned).orElseThrow();
    assertThat(group.retentionInDays()).isEqualTo(14);
    String groupArn = "arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + owned;
    assertThat(check.logs.listTagsForResource(r -> r.resourceArn(groupArn)).tags())
        .containsEntry("team", "ml").containsEntry("uba.dev/owner", ns + "/anomalyalert/model-errors");
    var filter = check.metricFilter(owned, ns + "-model-errors").orElseThrow();
    assertThat(filter.filterPattern()).isEqualTo("ERROR");
    assertThat(filter.metricTransformations()).singleElement().satisfies(t -> {
      assertThat(t.metricNamespace()).isEqualTo("UBA/ModelServing");
      assertThat(t.metricName()).isEqualTo("Errors");
      assertThat(t.metricValue()).isEqualTo("1");
    });
    MetricAlarm alarm = check.alarm(ns + "-model-errors").orElseThrow();
    assertThat(alarm.namespace()).isEqualTo("UBA/ModelServing");
    assertThat(alarm.metricName()).isEqualTo("Errors");
    assertThat(alarm.dimensions()).isEmpty();
    assertThat(ready.getStatus().getLogGroup().getName()).isEqualTo(owned);
    assertThat(ready.getStatus().getLogGroup().getArn()).isEqualTo(groupArn);
    assertThat(ready.getStatus().getLogGroup().getManaged()).isTrue();
    assertThat(ready.getStatus().getMetricFilter().getName()).isEqualTo(ns + "-model-errors");
    assertThat(ready.getStatus().getResources()).extracting(r -> r.getKind())
        .containsExactly("LogGroup", "MetricFilter", "SnsTopic", "CloudWatchAlarm");

    // A log group someone else owns: the filter goes into it, the group itself is not touched.
    String existing = "/uba/" + ns + "/gateway";
    check.logs.createLogGroup(r -> r.logGroupName(existing).tags(Map.of("owner", "platform")));
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: gateway-errors}
        spec:
          metric: {namespace: UBA/Gateway, name: Errors5xx, periodSeconds: 60}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 10}
          logMetricFilter:
            logGroupName: %s
            createLogGroup: false
            pattern: "[ip, id, user, timestamp, request, status_code=5*, size]"
        """.formatted(existing));
    AnomalyAlert gateway = alerts.awaitReady(ns, "gateway-errors");
    assertThat(gateway.getStatus().getLogGroup().getName()).isEqualTo(existing);
    assertThat(gateway.getStatus().getLogGroup().getArn()).endsWith(":log-group:" + existing);
    assertThat(gateway.getStatus().getLogGroup().getManaged()).isFalse();
    assertThat(gateway.getStatus().getResources()).extracting(r -> r.getKind())
        .containsExactly("LogGroup", "MetricFilter", "SnsTopic", "CloudWatchAlarm");
    assertThat(gateway.getStatus().getMetricFilter().getLogGroupName()).isEqualTo(existing);
    assertThat(check.metricFilter(existing, ns + "-gateway-errors")).isPresent();
    assertThat(check.logGroup(existing).orElseThrow().retentionInDays()).isNull();
    assertThat(check.logs.listTagsForResource(r -> r.resourceArn("arn:aws:logs:us-east-1:" + ACCOUNT
        + ":log-group:" + existing)).tags()).containsExactly(Map.entry("owner", "platform"));

    // Removing the block removes the filter and the log group the alert created (deletionPolicy Delete).
    alerts.edit(ns, "model-errors", a -> {
      a.getSpec().setLogMetricFilter(null);
      return a;
    });
    AnomalyAlert without = alerts.awaitStatus(ns, "model-errors", a -> AnomalyAlerts.isTrue(a, "Ready")
        && a.getStatus().getLogGroup() == null && a.getStatus().getMetricFilter() == null);
    assertThat(check.logGroup(owned)).isEmpty();
    assertThat(without.getStatus().getResources()).extracting(r -> r.getKind())
        .containsExactly("SnsTopic", "CloudWatchAlarm");
    // ... but only the filter from a log group it did not create.
    alerts.edit(ns, "gateway-errors", a -> {
      a.getSpec().setLogMetricFilter(null);
      a.getSpec().getMetric().setNamespace("UBA/Gateway");
      return a;
    });
    alerts.awaitStatus(ns, "gateway-errors", a -> AnomalyAlerts.isTrue(a, "Ready")
        && a.getStatus().getLogGroup() == null && a.getStatus().getMetricFilter() == null);
    assertThat(check.metricFilter(existing, ns + "-gateway-errors")).isEmpty();
    assertThat(check.logGroup(existing)).isPresent();
  }

  @Test
  void stateChangeEventsAddARuleTargetingTheTopicAndTurningThemOffRemovesIt() throws Exception {
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: stateful}
        spec:
          metric: {namespace: UBA/Test, name: Latency, statistic: Maximum}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 250}
          stateChangeEvents: true
        """);
    AnomalyAlert ready = alerts.awaitReady(ns, "stateful");

    String rule = ns + "-stateful-state";
    String ruleArn = "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/" + rule;
    String topic = topicArn("stateful");
    assertThat(ready.getStatus().getEventRule().getName()).isEqualTo(rule);
    assertThat(ready.getStatus().getEventRule().getArn()).isEqualTo(ruleArn);
    var described = check.events.describeRule(r -> r.name(rule));
    assertThat(described.stateAsString()).isEqualTo("ENABLED");
    JsonNode pattern = JSON.readTree(described.eventPattern());
    assertThat(pattern.get("source").get(0).asText()).isEqualTo("aws.cloudwatch");
    assertThat(pattern.get("detail-type").get(0).asText()).isEqualTo("CloudWatch Alarm State Change");
    assertThat(pattern.get("resources").get(0).asText()).isEqualTo(ready.getStatus().getAlarm().getArn());
    assertThat(check.events.listTargetsByRule(r -> r.rule(rule)).targets()).singleElement()
        .satisfies(t -> assertThat(t.arn()).isEqualTo(topic));
    assertThat(check.events.listTagsForResource(r -> r.resourceARN(ruleArn)).tags())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("uba.dev/owner=" + ns + "/anomalyalert/stateful"));
    String policy = check.topic(topic).orElseThrow().get("Policy");
    assertThat(policy).contains("events.amazonaws.com").contains(ruleArn).contains("cloudwatch.amazonaws.com");
    assertThat(ready.getStatus().getResources()).extracting(r -> r.getKind())
        .containsExactly("SnsTopic", "CloudWatchAlarm", "EventRule");

    alerts.edit(ns, "stateful", a -> {
      a.getSpec().setStateChangeEvents(false);
      return a;
    });
    alerts.awaitStatus(ns, "stateful", a -> AnomalyAlerts.isTrue(a, "Ready") && a.getStatus().getEventRule() == null);
    assertThat(check.ruleExists(rule)).isFalse();
    assertThat(check.topic(topic).orElseThrow().get("Policy")).doesNotContain("events.amazonaws.com");
  }

  @Test
  void subscriptionsAreConvergedAsASetIncludingPendingOnes() {
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: subscribed}
        spec:
          metric: {namespace: UBA/Test, name: Errors}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 0}
          notification:
            subscriptions:
              - {protocol: email, endpoint: first@example.com}
              - {protocol: sqs, endpoint: "arn:aws:sqs:us-east-1:123456789012:stays"}
        """);
    AnomalyAlert ready = alerts.awaitReady(ns, "subscribed");
    String topic = topicArn("subscribed");
    String staysArn = ready.getStatus().getSubscriptions().get(1).getArn();
    assertThat(staysArn).isNotNull();
    assertThat(aws.sns().confirm(topic, "first@example.com")).isTrue();
    alerts.awaitStatus(ns, "subscribed",
        a -> Boolean.FALSE.equals(a.getStatus().getSubscriptions().get(0).getPendingConfirmation()));
    long subscribes = operator.awsCalls().calls("Sns", "Subscribe");

    // A confirmed entry removed from the spec is unsubscribed; a new one is subscribed once.
    setSubscriptions("subscribed", List.of(
        new NotificationSpec.Subscription("sqs", "arn:aws:sqs:us-east-1:123456789012:stays"),
        new NotificationSpec.Subscription("email", "second@example.com")));
    AnomalyAlert changed = alerts.awaitStatus(ns, "subscribed", a -> AnomalyAlerts.isTrue(a, "Ready")
        && a.getStatus().getSubscriptions().stream().anyMatch(s -> "second@example.com".equals(s.getEndpoint())));
    assertThat(check.subscriptions(topic)).extracting(Subscription::endpoint)
        .containsExactlyInAnyOrder("arn:aws:sqs:us-east-1:123456789012:stays", "second@example.com");
    assertThat(changed.getStatus().getSubscriptions()).extracting(AnomalyAlertStatus.SubscriptionStatus::getEndpoint)
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:stays", "second@example.com");
    assertThat(changed.getStatus().getSubscriptions().get(1).getPendingConfirmation()).isTrue();
    assertThat(check.subscriptions(topic)).filteredOn(s -> s.protocol().equals("sqs")).singleElement()
        .satisfies(s -> assertThat(s.subscriptionArn()).as("kept, not re-subscribed").isEqualTo(staysArn));

    // Resyncs never subscribe a pending entry again (that would mail its owner again).
    long reads = operator.awsCalls().calls("Sns", "ListSubscriptionsByTopic");
    await().atMost(AnomalyAlerts.TIMEOUT)
        .until(() -> operator.awsCalls().calls("Sns", "ListSubscriptionsByTopic") >= reads + 2);
    assertThat(operator.awsCalls().calls("Sns", "Subscribe")).isEqualTo(subscribes + 1);

    // A pending entry removed from the spec cannot be unsubscribed: status says so, and it is not an error.
    setSubscriptions("subscribed", List.of(
        new NotificationSpec.Subscription("sqs", "arn:aws:sqs:us-east-1:123456789012:stays")));
    AnomalyAlert pendingRemoved = alerts.awaitStatus(ns, "subscribed", a -> AnomalyAlerts.isTrue(a, "Ready")
        && a.getStatus().getSubscriptions().size() == 2 && a.getStatus().getSubscriptions().get(1).getMessage() != null);
    AnomalyAlertStatus.SubscriptionStatus left = pendingRemoved.getStatus().getSubscriptions().get(1);
    assertThat(left.getEndpoint()).isEqualTo("second@example.com");
    assertThat(left.getPendingConfirmation()).isTrue();
    assertThat(left.getMessage()).contains("pending confirmation").contains("3 days");
    assertThat(aws.sns().pending(topic)).extracting(p -> p.endpoint()).containsExactly("second@example.com");

    // A subscription added behind the operator's back to the topic it manages goes on the next resync.
    check.sns.subscribe(r -> r.topicArn(topic).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:123456789012:sneaky"));
    await().atMost(AnomalyAlerts.TIMEOUT).until(() -> check.subscriptions(topic).stream()
        .noneMatch(s -> s.endpoint().endsWith(":sneaky")));
    assertThat(check.subscriptions(topic)).extracting(Subscription::endpoint)
        .containsExactlyInAnyOrder("arn:aws:sqs:us-east-1:123456789012:stays", "second@example.com");
  }

  private static void setSubscriptions(String name, List<NotificationSpec.Subscription> subscriptions) {
    alerts.edit(ns, name, a -> {
      a.getSpec().getNotification().setSubscriptions(subscriptions);
      return a;
    });
  }

  @Test
  void theAlarmStateIsMirroredFromCloudWatchWithAnEventOnEachChange() {
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: mirrored}
        spec:
          metric: {namespace: UBA/Test, name: QueueDepth}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 100}
        """);
    alerts.awaitReady(ns, "mirrored");
    String alarm = ns + "-mirrored";

    check.cloudWatch.setAlarmState(r -> r.alarmName(alarm).stateValue(StateValue.ALARM)
        .stateReason("Threshold Crossed: 1 datapoint [150.0] was greater than the threshold (100.0)."));
    AnomalyAlert firing = alerts.awaitStatus(ns, "mirrored", a -> "ALARM".equals(a.getStatus().getAlarm().getState()));
    assertThat(firing.getStatus().getAlarm().getStateReason()).startsWith("Threshold Crossed");
    assertThat(AnomalyAlerts.isTrue(firing, "Ready")).as("an alarm in ALARM is working as intended").isTrue();
    assertThat(firing.getStatus().getResources()).filteredOn(r -> r.getKind().equals("CloudWatchAlarm"))
        .singleElement().satisfies(r -> assertThat(r.getState()).isEqualTo("ALARM"));
    await().atMost(AnomalyAlerts.TIMEOUT).until(() -> alerts.events(ns, "mirrored").stream()
        .anyMatch(e -> "AlarmStateChanged".equals(e.getReason()) && "Warning".equals(e.getType())));
    assertThat(alerts.events(ns, "mirrored")).filteredOn(e -> "AlarmStateChanged".equals(e.getReason()))
        .singleElement().satisfies(e -> assertThat(e.getMessage()).contains(alarm).contains("ALARM").contains("was OK"));

    check.cloudWatch.setAlarmState(r -> r.alarmName(alarm).stateValue(StateValue.OK).stateReason("Back to normal"));
    AnomalyAlert ok = alerts.awaitStatus(ns, "mirrored", a -> "OK".equals(a.getStatus().getAlarm().getState()));
    assertThat(ok.getStatus().getAlarm().getStateReason()).isEqualTo("Back to normal");
    await().atMost(AnomalyAlerts.TIMEOUT).until(() -> alerts.events(ns, "mirrored").stream()
        .anyMatch(e -> "AlarmStateChanged".equals(e.getReason()) && "Normal".equals(e.getType())
            && e.getMessage().contains("is OK (was ALARM)")));
  }

  @Test
  void anExistingTopicIsOnlySubscribedToAndNeverChangedOrDeleted() {
    String existing = check.sns.createTopic(r -> r.name(ns + "-oncall")
        .tags(t -> t.key("owner").value("platform"), t -> t.key("uba.dev/allow-namespaces").value("billing, " + ns)))
        .topicArn();
    Map<String, String> before = check.topic(existing).orElseThrow();
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: shared-topic}
        spec:
          metric: {namespace: UBA/Test, name: Errors}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 0}
          notification:
            topicArn: %s
            subscriptions:
              - {protocol: sqs, endpoint: "arn:aws:sqs:us-east-1:123456789012:ours"}
          stateChangeEvents: true
        """.formatted(existing));
    AnomalyAlert ready = alerts.awaitReady(ns, "shared-topic");
    assertThat(ready.getStatus().getTopic().getArn()).isEqualTo(existing);
    assertThat(ready.getStatus().getTopic().getManaged()).isFalse();
    assertThat(check.alarm(ns + "-shared-topic").orElseThrow().alarmActions()).containsExactly(existing);
    assertThat(check.subscriptions(existing)).extracting(Subscription::endpoint)
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:ours");
    assertThat(check.topic(existing).orElseThrow().get("Policy")).isEqualTo(before.get("Policy"));
    assertThat(check.topicTags(existing)).containsOnly(Map.entry("owner", "platform"),
        Map.entry("uba.dev/allow-namespaces", "billing, " + ns));
    // Someone else's subscription on that topic is not the alert's to remove.
    check.sns.subscribe(r -> r.topicArn(existing).protocol("sqs").endpoint("arn:aws:sqs:us-east-1:123456789012:theirs"));

    alerts.delete(ns, "shared-topic");
    alerts.awaitGone(ns, "shared-topic");
    assertThat(check.topic(existing)).as("the existing topic stays").isPresent();
    assertThat(check.subscriptions(existing)).extracting(Subscription::endpoint)
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:theirs");
    assertThat(check.alarm(ns + "-shared-topic")).isEmpty();
    assertThat(check.ruleExists(ns + "-shared-topic-state")).isFalse();
  }

  @Test
  void anExistingTopicWhoseTagDoesNotGrantTheNamespaceIsRefusedAndNothingIsSubscribedUntilItDoes() {
    String theirs = check.sns.createTopic(r -> r.name(ns + "-billing-alerts")
        .tags(t -> t.key("uba.dev/allow-namespaces").value("billing"))).topicArn();
    int subscribes = aws.calls().count("sns", "Subscribe");
    int alarms = aws.calls().count("*", "PutMetricAlarm");
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: borrowed-topic}
        spec:
          metric: {namespace: UBA/Test, name: Errors}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 0}
          notification:
            topicArn: %s
            subscriptions:
              - {protocol: sqs, endpoint: "arn:aws:sqs:us-east-1:123456789012:eavesdropper"}
        """.formatted(theirs));
    AnomalyAlert refused = alerts.awaitCondition(ns, "borrowed-topic", "Degraded", "AccessDenied");
    assertThat(AnomalyAlerts.condition(refused, "Degraded").orElseThrow().getMessage())
        .contains(theirs, "uba.dev/allow-namespaces", ns);
    assertThat(refused.getStatus().getPhase().name()).isEqualTo("Degraded");
    assertThat(check.subscriptions(theirs)).isEmpty();
    assertThat(aws.calls().count("sns", "Subscribe")).as("no Subscribe call").isEqualTo(subscribes);
    assertThat(aws.calls().count("*", "PutMetricAlarm")).as("no alarm aimed at the topic").isEqualTo(alarms);
    assertThat(check.alarm(ns + "-borrowed-topic")).isEmpty();

    // The topic's owner grants the namespace: the alert goes on at its next look.
    check.sns.tagResource(r -> r.resourceArn(theirs).tags(t -> t.key("uba.dev/allow-namespaces").value("billing," + ns)));
    alerts.awaitReady(ns, "borrowed-topic");
    assertThat(check.subscriptions(theirs)).extracting(Subscription::endpoint)
        .containsExactly("arn:aws:sqs:us-east-1:123456789012:eavesdropper");

    alerts.delete(ns, "borrowed-topic");
    alerts.awaitGone(ns, "borrowed-topic");
    assertThat(check.subscriptions(theirs)).isEmpty();
    assertThat(check.topic(theirs)).isPresent();
  }

  @Test
  void deleteRemovesEveryResourceInDependencyOrderBeforeTheObjectGoes() {
    String group = "/uba/" + ns + "/doomed";
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: doomed}
        spec:
          metric: {namespace: UBA/Doomed, name: Errors}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 0}
          logMetricFilter: {logGroupName: %s, pattern: ERROR}
          notification:
            subscriptions:
              - {protocol: sqs, endpoint: "arn:aws:sqs:us-east-1:123456789012:doomed"}
              - {protocol: email, endpoint: doomed@example.com}
          stateChangeEvents: true
        """.formatted(group));
    alerts.awaitReady(ns, "doomed");
    String topic = topicArn("doomed");
    int from = aws.calls().total();

    alerts.delete(ns, "doomed");
    alerts.awaitGone(ns, "doomed");

    assertThat(check.ruleExists(ns + "-doomed-state")).isFalse();
    assertThat(check.alarm(ns + "-doomed")).isEmpty();
    assertThat(check.topic(topic)).isEmpty();
    assertThat(check.logGroup(group)).isEmpty();
    List<String> deletions = aws.calls().snapshot().subList(from, aws.calls().total()).stream()
        .filter(CallLog.Call::write).filter(CallLog.Call::succeeded).map(CallLog.Call::operation)
        .filter(op -> !op.startsWith("Put") && !op.startsWith("Tag") && !op.startsWith("Set"))
        .toList();
    assertThat(deletions).containsSubsequence("RemoveTargets", "DeleteRule", "DeleteAlarms", "Unsubscribe",
        "DeleteTopic", "DeleteMetricFilter", "DeleteLogGroup");
    assertThat(alerts.events(ns, "doomed")).extracting(Event::getReason).contains("Deleted");
  }

  @Test
  void retainLeavesTheAwsResourcesWithTheirOwnershipTags() {
    String group = "/uba/" + ns + "/kept";
    alerts.create(ns, """
        apiVersion: uba.dev/v1alpha1
        kind: AnomalyAlert
        metadata: {name: kept}
        spec:
          deletionPolicy: Retain
          metric: {namespace: UBA/Kept, name: Errors}
          condition:
            threshold: {comparison: GreaterThanThreshold, value: 0}
          logMetricFilter: {logGroupName: %s, pattern: ERROR}
          stateChangeEvents: true
        """.formatted(group));
    AnomalyAlert ready = alerts.awaitReady(ns, "kept");

    alerts.delete(ns, "kept");
    alerts.awaitGone(ns, "kept");

    String owner = ns + "/anomalyalert/kept";
    MetricAlarm alarm = check.alarm(ns + "-kept").orElseThrow();
    assertThat(check.alarmTags(alarm.alarmArn())).containsEntry("uba.dev/owner", owner);
    assertThat(check.topicTags(topicArn("kept"))).containsEntry("uba.dev/owner", owner);
    assertThat(check.ruleExists(ns + "-kept-state")).isTrue();
    assertThat(check.metricFilter(group, ns + "-kept")).isPresent();
    assertThat(check.logGroup(group)).isPresent();
    assertThat(ready.getStatus().getEventRule()).isNotNull();
    assertThat(alerts.events(ns, "kept")).extracting(Event::getReason).contains("Retained");
  }
}
