package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/** SNS subscriptions pending confirmation and what reaches HTTP/S endpoints, with the real SDK client. */
class SnsSubscriptionsIT {

  /** Not reachable from here; nothing may ever try to reach it. */
  private static final String HOOK = "https://hooks.example.invalid/uba/alerts";

  private static LocalAws aws;
  private static SnsClient sns;
  private static SnsClient direct;

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    sns = TestClients.sns(aws.endpoint(), false);
    direct = TestClients.sns(aws.motoEndpoint(), false);
  }

  @AfterAll
  static void closeClients() {
    sns.close();
    direct.close();
  }

  /** The operator's integration tests use this emulator next: leave no faults or timings behind. */
  @AfterAll
  static void leaveTheSharedEmulatorReset() {
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
  }

  private String topic(String name) {
    return sns.createTopic(b -> b.name(name)).topicArn();
  }

  private Subscription only(String topic) {
    return sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().get(0);
  }

  @Test
  void emailSubscriptionIsPendingUntilConfirmed() {
    String topic = topic("alerts");

    String answer = sns.subscribe(b -> b.topicArn(topic).protocol("email")
        .endpoint("ops@example.com")).subscriptionArn();

    assertThat(answer).isEqualTo("pending confirmation");
    assertThat(only(topic).subscriptionArn()).isEqualTo("PendingConfirmation");
    assertThat(only(topic).endpoint()).isEqualTo("ops@example.com");
    assertThat(sns.listSubscriptions().subscriptions()).extracting(Subscription::subscriptionArn)
        .containsExactly("PendingConfirmation");
    var attributes = sns.getTopicAttributes(b -> b.topicArn(topic)).attributes();
    assertThat(attributes).containsEntry("SubscriptionsPending", "1")
        .containsEntry("SubscriptionsConfirmed", "0");
    assertThat(aws.sns().pending(topic)).singleElement().satisfies(p -> {
      assertThat(p.protocol()).isEqualTo("email");
      assertThat(p.endpoint()).isEqualTo("ops@example.com");
    });

    assertThat(aws.sns().confirmAll(topic)).isEqualTo(1);

    assertThat(only(topic).subscriptionArn()).startsWith(topic + ":");
    assertThat(sns.getTopicAttributes(b -> b.topicArn(topic)).attributes())
        .containsEntry("SubscriptionsPending", "0").containsEntry("SubscriptionsConfirmed", "1");
    assertThat(aws.sns().pending()).isEmpty();
    assertThat(sns.subscribe(b -> b.topicArn(topic).protocol("email")
        .endpoint("ops@example.com")).subscriptionArn()).startsWith(topic + ":");
  }

  @Test
  void confirmSubscriptionWithTheTokenConfirmsIt() {
    String topic = topic("alerts");
    String arn = sns.subscribe(b -> b.topicArn(topic).protocol("email-json")
        .endpoint("bot@example.com").returnSubscriptionArn(true)).subscriptionArn();
    assertThat(arn).startsWith(topic + ":");
    assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
        .containsEntry("PendingConfirmation", "true")
        .containsEntry("ConfirmationWasAuthenticated", "false");
    String token = aws.sns().token(topic, "bot@example.com").orElseThrow();

    assertThatThrownBy(() -> sns.confirmSubscription(b -> b.topicArn(topic).token("wrong")))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThatThrownBy(() -> sns.confirmSubscription(b -> b.topicArn(topic + "-gone").token(token)))
        .isInstanceOf(NotFoundException.class);
    String confirmed = sns.confirmSubscription(b -> b.topicArn(topic).token(token))
        .subscriptionArn();

    assertThat(confirmed).isEqualTo(arn);
    assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes())
        .containsEntry("PendingConfirmation", "false");
    assertThat(only(topic).subscriptionArn()).isEqualTo(arn);
  }

  @Test
  void httpsSubscriptionGetsMessagesOnlyOnceConfirmedAndNothingLeavesTheMachine() {
    String topic = topic("events");
    sns.subscribe(b -> b.topicArn(topic).protocol("https").endpoint(HOOK));
    assertThat(aws.sns().deliveries(HOOK)).singleElement().satisfies(d -> {
      assertThat(d.type()).isEqualTo("SubscriptionConfirmation");
      assertThat(d.token()).isEqualTo(aws.sns().token(topic, HOOK).orElseThrow());
    });

    sns.publish(b -> b.topicArn(topic).message("before confirmation"));

    assertThat(aws.sns().deliveries(HOOK)).hasSize(1);
    assertThat(aws.sns().confirm(topic, HOOK)).isTrue();
    sns.publish(b -> b.topicArn(topic).message("after confirmation"));
    assertThat(aws.sns().deliveries(HOOK)).hasSize(2).last().satisfies(d -> {
      assertThat(d.type()).isEqualTo("Notification");
      assertThat(d.topicArn()).isEqualTo(topic);
      assertThat(d.message()).isEqualTo("after confirmation");
    });
    // callers see the endpoint they gave; the emulator was given a loopback address instead
    assertThat(only(topic).endpoint()).isEqualTo(HOOK);
    assertThat(sns.getSubscriptionAttributes(b -> b.subscriptionArn(only(topic).subscriptionArn()))
        .attributes()).containsEntry("Endpoint", HOOK);
    assertThat(direct.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions().get(0)
        .endpoint()).startsWith(aws.endpoint().toString()).doesNotContain("example.invalid");
    assertThat(aws.calls().count("sns", "Publish")).isEqualTo(2);
    assertThat(aws.calls().count(c -> !c.succeeded())).isZero();
  }

  @Test
  void endpointsMustFitTheirProtocol() {
    String topic = topic("t");

    assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("https")
        .endpoint("http://plain.example.com/")))
        .isInstanceOfSatisfying(InvalidParameterException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameter"));
    assertThatThrownBy(() -> sns.subscribe(b -> b.topicArn(topic).protocol("email")
        .endpoint("not-an-address"))).isInstanceOf(InvalidParameterException.class);
    assertThat(sns.listSubscriptionsByTopic(b -> b.topicArn(topic)).subscriptions()).isEmpty();
  }

  @Test
  void sameAccountQueueSubscriptionIsConfirmedAtOnce() {
    String topic = topic("t");

    String arn = sns.subscribe(b -> b.topicArn(topic).protocol("sqs")
        .endpoint("arn:aws:sqs:us-east-1:123456789012:q")).subscriptionArn();

    assertThat(arn).startsWith(topic + ":");
    assertThat(only(topic).subscriptionArn()).isEqualTo(arn);
    assertThat(aws.sns().pending()).isEmpty();
  }

  @Test
  void unsubscribingAndDeletingTheTopicForgetPendingSubscriptions() {
    String topic = topic("t");
    String arn = sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("a@example.com")
        .returnSubscriptionArn(true)).subscriptionArn();
    sns.subscribe(b -> b.topicArn(topic).protocol("email").endpoint("b@example.com"));

    sns.unsubscribe(b -> b.subscriptionArn(arn));
    assertThat(aws.sns().pending(topic)).extracting(LocalSns.PendingSubscription::endpoint)
        .containsExactly("b@example.com");
    sns.deleteTopic(b -> b.topicArn(topic));
    assertThat(aws.sns().pending()).isEmpty();
  }
}
