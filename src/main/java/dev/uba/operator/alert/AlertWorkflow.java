package dev.uba.operator.alert;

import dev.uba.operator.api.v1alpha1.AnomalyAlertStatus.MetricFilterStatus;
import dev.uba.operator.api.v1alpha1.NamedArn;
import dev.uba.operator.api.v1alpha1.UsedResource;
import dev.uba.operator.aws.cloudwatch.AlarmActual;
import dev.uba.operator.aws.events.RuleActual;
import dev.uba.operator.aws.logs.LogGroupActual;
import dev.uba.operator.aws.logs.LogGroupDesired;
import dev.uba.operator.aws.logs.MetricFilterActual;
import dev.uba.operator.aws.sns.SubscriptionList;
import dev.uba.operator.aws.sns.TopicActual;
import dev.uba.operator.aws.sns.TopicDesired;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.NodeResult;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.Step;
import dev.uba.operator.engine.Workflow;
import dev.uba.operator.engine.Workflow.WhenBlocked;

/**
 * An alert's AWS resources and their dependencies, declared once: the log group, then the metric
 * filter in it; the topic, then its subscriptions, the alarm (its actions name the topic) and the
 * state-change rule (its target is the topic). Creation runs in this order, deletion the other way
 * round; a removed spec.logMetricFilter or stateChangeEvents removes the filter (and a log group the
 * alert created) or the rule, or releases them under deletionPolicy Retain. Each node converges one
 * resource through the engine and records what it sees in status.
 */
final class AlertWorkflow {
  static final Workflow<AlertPass> WORKFLOW = Workflow.<AlertPass>builder()
      .node("logGroup", "LogGroup", AlertWorkflow::logGroup)
      .named(AlertPass::logGroupName)
      .when(p -> p.spec().getLogMetricFilter() != null)
      // only a log group the alert created is removed with the block (see forgetUsedLogGroup)
      .recordedWhen(p -> p.status().getLogGroup() != null && Boolean.TRUE.equals(p.status().getLogGroup().getManaged()))
      .deletedBy(p -> p.recorded().ownedLogGroup() == null ? NodeResult.nothing()
          : NodeResult.deleted(Converger.delete(p.aws().logGroup(), p.recorded().logGroupToDelete(), p.ownerId(),
              p.events())))
      .releasedBy(p -> p.status().setLogGroup(null))

      .node("metricFilter", "MetricFilter", AlertWorkflow::metricFilter)
      .named(p -> p.recorded().filter())
      .dependsOn("logGroup")
      .when(p -> p.spec().getLogMetricFilter() != null)
      .recordedWhen(p -> p.status().getMetricFilter() != null)
      .deletedBy(p -> NodeResult.deleted(Converger.delete(p.aws().metricFilter(), p.recorded().filterToDelete(),
          p.ownerId(), p.events())))
      .releasedBy(p -> p.status().setMetricFilter(null))

      .node("topic", "SnsTopic", AlertWorkflow::topic)
      .named(p -> p.recorded().topicName())
      .waitingFor(p -> "SnsTopic " + p.recorded().topicArn())
      .deletedBy(p -> !p.recorded().topicManaged() ? NodeResult.nothing()
          : NodeResult.deleted(Converger.delete(p.aws().topic(), p.recorded().topicToDelete(), p.ownerId(),
              p.events())))

      // Subscriptions are not worth a "waiting" entry: they follow their topic, which says what is wrong.
      .node("subscriptions", "SnsSubscription", AlertWorkflow::subscriptions)
      .dependsOn("topic")
      .whenBlocked(WhenBlocked.STOP)
      .deletedBy(AlertWorkflow::unsubscribe)

      .node("alarm", "CloudWatchAlarm", AlertWorkflow::alarm)
      .named(p -> p.recorded().alarm())
      .dependsOn("topic")
      .deletedBy(p -> NodeResult.deleted(Converger.delete(p.aws().alarm(), p.recorded().alarmToDelete(), p.ownerId(),
          p.events())))

      .node("rule", "EventRule", AlertWorkflow::rule)
      .named(p -> p.recorded().rule())
      .dependsOn("topic")
      .when(p -> p.spec().getStateChangeEvents())
      .recordedWhen(p -> p.status().getEventRule() != null)
      .deletedBy(p -> NodeResult.deleted(Converger.delete(p.aws().rule(), p.recorded().ruleToDelete(), p.ownerId(),
          p.events())))
      .releasedBy(p -> p.status().setEventRule(null))
      .build();

  private AlertWorkflow() {}

  /** One forward pass; see {@link Workflow#reconcile}. */
  static Workflow.PassResult reconcile(AlertPass pass) {
    Workflow.PassResult result = WORKFLOW.reconcile(pass);
    forgetUsedLogGroup(pass);
    return result;
  }

  /** One deletion pass; see {@link Workflow#cleanup}. */
  static Workflow.PassResult cleanup(AlertPass pass) {
    return WORKFLOW.cleanup(pass, pass.status().getResources());
  }

  /**
   * A log group the alert only used (createLogGroup false) has nothing to remove in AWS: once the
   * spec no longer names it and its filter is gone, status forgets it.
   */
  private static void forgetUsedLogGroup(AlertPass p) {
    UsedResource group = p.status().getLogGroup();
    if (p.spec().getLogMetricFilter() == null && p.status().getMetricFilter() == null && group != null
        && !Boolean.TRUE.equals(group.getManaged())) {
      p.status().setLogGroup(null);
    }
  }

  /** An owned log group is converged; with createLogGroup false an existing one is only looked up. */
  private static NodeResult logGroup(AlertPass p) {
    String name = p.logGroupName();
    LogGroupDesired owned = p.desired().logGroup();
    if (owned != null) {
      Step<LogGroupActual> step = Converger.converge(p.aws().logGroup(), owned, p.ownerId(), p.events());
      p.status().setLogGroup(step.record(p.status().getLogGroup(),
          () -> new UsedResource(name, step.status().getArn(), true)));
      // the filter may go into a log group of ours that exists, even while its retention is being corrected
      return NodeResult.of(step, step.actual().isPresent() && step.owned());
    }
    Step<LogGroupActual> step = Converger.lookup(p.aws().logGroup(), LogGroupDesired.used(name),
        Outcome.progressing(Reasons.WAITING, "LogGroup " + name
            + " does not exist; with spec.logMetricFilter.createLogGroup false its owner must create it"));
    if (step.outcome().isReady()) {
      p.status().setLogGroup(new UsedResource(name, step.status().getArn(), false));
    }
    return NodeResult.of(step);
  }

  private static NodeResult metricFilter(AlertPass p) {
    var desired = p.desired().metricFilter();
    Step<MetricFilterActual> step = Converger.converge(p.aws().metricFilter(), desired, p.ownerId(), p.events());
    p.status().setMetricFilter(step.record(p.status().getMetricFilter(),
        () -> new MetricFilterStatus(desired.name(), desired.logGroupName())));
    return NodeResult.of(step);
  }

  /**
   * A managed topic is converged; the existing topic of spec.notification.topicArn is only looked up,
   * and used only when its tag {@value TopicAccess#ALLOW_TAG} grants the alert's namespace. Its
   * dependents go on once it exists and is ours (or, an existing one, once it is found and granted).
   */
  private static NodeResult topic(AlertPass p) {
    TopicDesired managed = p.desired().topic();
    if (managed != null) {
      Step<TopicActual> step = Converger.converge(p.aws().topic(), managed, p.ownerId(), p.events());
      p.status().setTopic(step.record(p.status().getTopic(),
          () -> new UsedResource(managed.name(), managed.arn(), true)));
      return NodeResult.of(step, step.actual().isPresent() && step.owned());
    }
    String arn = p.desired().topicArn();
    String name = TopicActual.nameOf(arn);
    Step<TopicActual> step = Converger.lookup(p.aws().topic(), TopicDesired.existing(arn),
        Outcome.progressing(Reasons.WAITING, "SnsTopic " + name
            + ": the existing topic of spec.notification.topicArn does not exist: " + arn));
    if (!step.outcome().isReady()) {
      return NodeResult.of(step);
    }
    String namespace = p.alert().getMetadata().getNamespace();
    if (!TopicAccess.allows(step.actual().orElseThrow().tags(), namespace)) {
      // Not granted: no subscription, alarm action or rule target comes to name the topic.
      return NodeResult.failed("SnsTopic", name,
          Outcome.degraded(Reasons.ACCESS_DENIED, TopicAccess.refusal(arn, namespace)));
    }
    p.status().setTopic(new UsedResource(name, arn, false));
    return NodeResult.of(step);
  }

  private static NodeResult subscriptions(AlertPass p) {
    var set = p.desired().subscriptions();
    Step<SubscriptionList> step = Converger.converge(p.aws().subscriptions(), set, p.ownerId(), p.events());
    return SubscriptionStatuses.record(p.status(), set, step);
  }

  /** Deleting the alert unsubscribes every subscription of ours, converging the set to none of them. */
  private static NodeResult unsubscribe(AlertPass p) {
    var left = p.recorded().subscriptionsLeft();
    Step<SubscriptionList> step = Converger.converge(p.aws().subscriptions(), left, p.ownerId(), p.events());
    return SubscriptionStatuses.removed(left, step, p.events());
  }

  private static NodeResult alarm(AlertPass p) {
    Step<AlarmActual> step = Converger.converge(p.aws().alarm(), p.desired().alarm(), p.ownerId(), p.events());
    AlertStatusUpdate.alarm(p.status(), p.desired().alarm(), step, p.events());
    return NodeResult.of(step);
  }

  private static NodeResult rule(AlertPass p) {
    var desired = p.desired().rule();
    Step<RuleActual> step = Converger.converge(p.aws().rule(), desired, p.ownerId(), p.events());
    p.status().setEventRule(step.record(p.status().getEventRule(),
        () -> new NamedArn(desired.name(), step.status().getArn())));
    return NodeResult.of(step);
  }
}
