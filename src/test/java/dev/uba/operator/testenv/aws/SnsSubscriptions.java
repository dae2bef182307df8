package dev.uba.operator.testenv.aws;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amazon SNS subscription confirmation, which the emulator skips (it confirms every subscription
 * at once and, for {@code http}/{@code https} subscriptions, makes a real POST to the endpoint on
 * each Publish), following the SNS API reference:
 *
 * <ul>
 *   <li><b>Subscribe</b>: "If the endpoint type is HTTP/S or email, or if the endpoint and the
 *       topic are not in the same Amazon Web Services account, the endpoint owner must run the
 *       ConfirmSubscription action to confirm the subscription." A subscription with protocol
 *       {@code email}, {@code email-json}, {@code http} or {@code https} stays pending until it is
 *       confirmed. The answer's SubscriptionArn is "the ARN of the subscription if it is
 *       confirmed, or the string "pending confirmation" if the subscription requires
 *       confirmation. However, if the API request parameter ReturnSubscriptionArn is true, then
 *       the value is always the subscription ARN". ListSubscriptions and ListSubscriptionsByTopic
 *       show a pending subscription with SubscriptionArn {@code PendingConfirmation};
 *       GetSubscriptionAttributes shows {@code PendingConfirmation: true} ("true if the
 *       subscription hasn't been confirmed") and {@code ConfirmationWasAuthenticated: false};
 *       GetTopicAttributes counts it in
 *       {@code SubscriptionsPending} ("The number of subscriptions pending confirmation"), the
 *       others in {@code SubscriptionsConfirmed}. An endpoint that does not fit its protocol
 *       ({@code http://...}, {@code https://...}, an email address) is refused with
 *       {@code InvalidParameter}.
 *   <li><b>ConfirmSubscription</b>: "Verifies an endpoint owner's intent to receive messages by
 *       validating the token sent to the endpoint by an earlier Subscribe action. If the token is
 *       valid, the action creates a new subscription and returns its Amazon Resource Name (ARN)."
 *       The proxy issues a token per pending subscription; a test reads it (or confirms directly)
 *       through {@link LocalSns}, as the endpoint owner would read the confirmation message. An
 *       unknown token is {@code InvalidParameter}, an unknown topic {@code NotFound}.
 *   <li><b>Delivery</b>: SNS delivers a topic's messages only to confirmed subscriptions. The
 *       emulator is given, instead of an {@code http}/{@code https} endpoint, an address of the
 *       proxy itself, so that Publish never leaves this machine: the proxy records the message
 *       as delivered to the endpoint when the subscription is confirmed, and drops it while it is
 *       pending ({@link LocalSns#deliveries}). Answers show the endpoint the caller gave. The
 *       confirmation request AWS would POST to the endpoint at Subscribe is recorded there too,
 *       with its token. The proxy itself makes no outbound call other than to the emulator.
 * </ul>
 *
 * <p>Not simulated: expiry of pending subscriptions and tokens ("Confirmation tokens are valid for
 * two days"), {@code AuthenticateOnUnsubscribe},
 * cross-account SQS and Lambda subscriptions (same account here, so confirmed at once), delivery
 * retries and the message signature.
 */
final class SnsSubscriptions {

  /** The path prefix under which the proxy receives what the emulator delivers. */
  static final String SINK_PREFIX = "/__local-aws/sns-endpoint/";

  private static final Set<String> NEED_CONFIRMATION = Set.of("email", "email-json", "http",
      "https");
  private static final Pattern SUBSCRIPTION_ARN =
      Pattern.compile("<SubscriptionArn>([^<]*)</SubscriptionArn>");
  private static final Pattern MEMBER = Pattern.compile("(?s)<member>(.*?)</member>");
  private static final Pattern NEXT_TOKEN = Pattern.compile("<NextToken>([^<]+)</NextToken>");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
  private static final Pattern JSON_TOPIC = Pattern.compile("\"TopicArn\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"Message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** One subscription of a protocol that needs confirmation. */
  static final class Subscription {
    final String arn;
    final String topicArn;
    final String protocol;
    final String endpoint;
    final String token;
    boolean confirmed;

    Subscription(String arn, String topicArn, String protocol, String endpoint, String token) {
      this.arn = arn;
      this.topicArn = topicArn;
      this.protocol = protocol;
      this.endpoint = endpoint;
      this.token = token;
    }
  }

  private final MotoForwarder moto;
  private final String sinkBase;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final List<LocalSns.Delivery> deliveries = new ArrayList<>();
  private final Pattern sinkUrl;

  SnsSubscriptions(MotoForwarder moto, String proxyBase) {
    this.moto = moto;
    this.sinkBase = proxyBase + SINK_PREFIX;
    this.sinkUrl = Pattern.compile(Pattern.quote(sinkBase) + "([A-Za-z0-9_-]+)");
  }

  synchronized void clear() {
    subscriptions.clear();
    deliveries.clear();
  }

  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    switch (req.operation) {
      case "Subscribe":
        return subscribe(req);
      case "ConfirmSubscription":
        return confirmSubscription(req);
      case "ListSubscriptions":
      case "ListSubscriptionsByTopic":
        return listed(moto.forward(req));
      case "GetSubscriptionAttributes":
        return attributes(req, moto.forward(req));
      case "GetTopicAttributes":
        return topicAttributes(req, moto.forward(req));
      case "Unsubscribe":
        return unsubscribe(req);
      case "DeleteTopic":
        return deleteTopic(req);
      default:
        return moto.forward(req);
    }
  }

  // ------------------------------------------------------------------------- API actions

  private AwsResponse subscribe(AwsRequest req) throws IOException, InterruptedException {
    Map<String, String> params = params(req);
    String protocol = params.get("Protocol");
    String endpoint = params.get("Endpoint");
    String topicArn = params.get("TopicArn");
    if (protocol == null || !NEED_CONFIRMATION.contains(protocol) || endpoint == null) {
      return moto.forward(req);
    }
    String refused = invalidEndpoint(protocol, endpoint);
    if (refused != null) {
      return ErrorShapes.error(req, 400, "InvalidParameter", refused);
    }
    AwsRequest sent = req;
    if (protocol.startsWith("http")) {
      Map<String, String> rewritten = new LinkedHashMap<>(params);
      rewritten.put("Endpoint", sinkFor(endpoint));
      sent = req.withBody(form(rewritten));
    }
    AwsResponse r = moto.forward(sent);
    if (!r.ok()) {
      return r;
    }
    Matcher m = SUBSCRIPTION_ARN.matcher(r.text());
    if (!m.find()) {
      return r;
    }
    String arn = m.group(1);
    boolean confirmed;
    synchronized (this) {
      Subscription s = subscriptions.get(arn);
      if (s == null) {
        s = new Subscription(arn, topicArn, protocol, endpoint, newToken());
        subscriptions.put(arn, s);
        deliveries.add(new LocalSns.Delivery(endpoint, topicArn, "SubscriptionConfirmation",
            "You have chosen to subscribe to the topic " + topicArn
                + ". To confirm the subscription, call ConfirmSubscription with the token.",
            s.token));
      }
      confirmed = s.confirmed;
    }
    if (confirmed || "true".equalsIgnoreCase(params.get("ReturnSubscriptionArn"))) {
      return r;
    }
    return withText(r, r.text().replace("<SubscriptionArn>" + arn + "</SubscriptionArn>",
        "<SubscriptionArn>pending confirmation</SubscriptionArn>"));
  }

  private AwsResponse confirmSubscription(AwsRequest req) throws IOException, InterruptedException {
    Map<String, String> params = params(req);
    String topicArn = params.get("TopicArn");
    String token = params.get("Token");
    Subscription found = null;
    synchronized (this) {
      for (Subscription s : subscriptions.values()) {
        if (s.topicArn.equals(topicArn) && s.token.equals(token)) {
          s.confirmed = true;
          found = s;
        }
      }
    }
    if (found == null) {
      AwsResponse topic = moto.forward(topicCall(req, topicArn));
      if (!topic.ok()) {
        return topic;
      }
      return ErrorShapes.error(req, 400, "InvalidParameter", "Invalid token");
    }
    String xml = "<ConfirmSubscriptionResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">"
        + "<ConfirmSubscriptionResult><SubscriptionArn>" + escape(found.arn)
        + "</SubscriptionArn></ConfirmSubscriptionResult><ResponseMetadata><RequestId>"
        + java.util.UUID.randomUUID() + "</RequestId></ResponseMetadata>"
        + "</ConfirmSubscriptionResponse>";
    return AwsResponse.of(200, "text/xml", xml.getBytes(StandardCharsets.UTF_8));
  }

  private AwsResponse unsubscribe(AwsRequest req) throws IOException, InterruptedException {
    AwsResponse r = moto.forward(req);
    if (r.ok()) {
      String arn = params(req).get("SubscriptionArn");
      synchronized (this) {
        subscriptions.remove(arn);
      }
    }
    return r;
  }

  private AwsResponse deleteTopic(AwsRequest req) throws IOException, InterruptedException {
    AwsResponse r = moto.forward(req);
    if (r.ok()) {
      String topicArn = params(req).get("TopicArn");
      synchronized (this) {
        subscriptions.values().removeIf(s -> s.topicArn.equals(topicArn));
      }
    }
    return r;
  }

  // ----------------------------------------------------------------- rewriting answers

  /** ListSubscriptions(ByTopic): pending ones show {@code PendingConfirmation}. */
  private AwsResponse listed(AwsResponse r) {
    if (!r.ok()) {
      return r;
    }
    Matcher m = MEMBER.matcher(r.text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String member = m.group(1);
      Matcher arn = SUBSCRIPTION_ARN.matcher(member);
      if (arn.find() && isPending(arn.group(1))) {
        member = member.replace(arn.group(0),
            "<SubscriptionArn>PendingConfirmation</SubscriptionArn>");
      }
      m.appendReplacement(out, Matcher.quoteReplacement("<member>" + member + "</member>"));
    }
    m.appendTail(out);
    return withText(r, out.toString());
  }

  /** GetSubscriptionAttributes of a pending subscription: PendingConfirmation true. */
  private AwsResponse attributes(AwsRequest req, AwsResponse r) {
    if (!r.ok()) {
      return r;
    }
    String text = r.text();
    if (isPending(params(req).get("SubscriptionArn"))) {
      text = setEntry(text, "PendingConfirmation", "true");
      text = setEntry(text, "ConfirmationWasAuthenticated", "false");
    }
    return withText(r, text);
  }

  /** GetTopicAttributes: SubscriptionsPending and SubscriptionsConfirmed counted. */
  private AwsResponse topicAttributes(AwsRequest req, AwsResponse r)
      throws IOException, InterruptedException {
    if (!r.ok()) {
      return r;
    }
    String topicArn = params(req).get("TopicArn");
    int total = 0;
    String next = null;
    do {
      AwsResponse page = moto.forward(listCall(req, topicArn, next));
      if (!page.ok()) {
        return r;
      }
      Matcher m = MEMBER.matcher(page.text());
      while (m.find()) {
        total++;
      }
      Matcher t = NEXT_TOKEN.matcher(page.text());
      next = t.find() ? t.group(1) : null;
    } while (next != null);
    int pending;
    synchronized (this) {
      pending = (int) subscriptions.values().stream()
          .filter(s -> s.topicArn.equals(topicArn) && !s.confirmed).count();
    }
    String text = setEntry(r.text(), "SubscriptionsPending", Integer.toString(pending));
    text = setEntry(text, "SubscriptionsConfirmed", Integer.toString(Math.max(0, total - pending)));
    return withText(r, text);
  }

  /** The answer with new text, and the proxy's own endpoint addresses shown as given. */
  private AwsResponse withText(AwsResponse r, String text) {
    Matcher m = sinkUrl.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(escape(decode(m.group(1)))));
    }
    m.appendTail(out);
    return new AwsResponse(r.status, r.headers, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------ what the emulator delivers

  /** The proxy's address that stands for {@code endpoint} in the emulator. */
  String sinkFor(String endpoint) {
    return sinkBase + Base64.getUrlEncoder().withoutPadding()
        .encodeToString(endpoint.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A message the emulator delivered to {@code sinkPath} (a path under {@link #SINK_PREFIX}):
   * recorded for the endpoint if its subscription to the message's topic is confirmed, dropped
   * otherwise.
   */
  void delivered(String sinkPath, byte[] body) {
    String endpoint;
    try {
      endpoint = decode(sinkPath.substring(SINK_PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return;
    }
    String json = new String(body, StandardCharsets.UTF_8);
    Matcher topic = JSON_TOPIC.matcher(json);
    String topicArn = topic.find() ? topic.group(1) : null;
    Matcher message = JSON_MESSAGE.matcher(json);
    String text = message.find() ? unescapeJson(message.group(1)) : json;
    synchronized (this) {
      boolean confirmed = subscriptions.values().stream().anyMatch(s -> s.confirmed
          && s.endpoint.equals(endpoint) && s.protocol.startsWith("http")
          && (topicArn == null || s.topicArn.equals(topicArn)));
      if (confirmed) {
        deliveries.add(new LocalSns.Delivery(endpoint, topicArn, "Notification", text, null));
      }
    }
  }

  // ------------------------------------------------------------------ test control

  synchronized List<LocalSns.PendingSubscription> pending(String topicArn) {
    List<LocalSns.PendingSubscription> out = new ArrayList<>();
    for (Subscription s : subscriptions.values()) {
      if (!s.confirmed && (topicArn == null || s.topicArn.equals(topicArn))) {
        out.add(new LocalSns.PendingSubscription(s.arn, s.topicArn, s.protocol, s.endpoint,
            s.token));
      }
    }
    return out;
  }

  /** Confirms the pending subscriptions of the topic (to {@code endpoint} only, unless null). */
  synchronized int confirm(String topicArn, String endpoint) {
    int n = 0;
    for (Subscription s : subscriptions.values()) {
      if (!s.confirmed && s.topicArn.equals(topicArn)
          && (endpoint == null || s.endpoint.equals(endpoint))) {
        s.confirmed = true;
        n++;
      }
    }
    return n;
  }

  synchronized List<LocalSns.Delivery> deliveries(String endpoint) {
    List<LocalSns.Delivery> out = new ArrayList<>();
    for (LocalSns.Delivery d : deliveries) {
      if (endpoint == null || d.endpoint().equals(endpoint)) {
        out.add(d);
      }
    }
    return out;
  }

  // ----------------------------------------------------------------------- helpers

  private synchronized boolean isPending(String arn) {
    Subscription s = arn == null ? null : subscriptions.get(arn);
    return s != null && !s.confirmed;
  }

  private static String invalidEndpoint(String protocol, String endpoint) {
    switch (protocol) {
      case "http":
        return endpoint.startsWith("http://") ? null
            : "Invalid parameter: Endpoint must match the specified protocol";
      case "https":
        return endpoint.startsWith("https://") ? null
            : "Invalid parameter: Endpoint must match the specified protocol";
      default:
        return EMAIL.matcher(endpoint).matches() ? null : "Invalid parameter: Email address";
    }
  }

  private String newToken() {
    byte[] b = new byte[64];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private static Map<String, String> params(AwsRequest req) {
    Map<String, String> p = new LinkedHashMap<>(AwsRequest.formParams(req.rawQuery));
    String ct = req.header("Content-Type");
    if (ct != null && ct.startsWith("application/x-www-form-urlencoded")) {
      AwsRequest.formParams(new String(req.body, StandardCharsets.UTF_8)).forEach(p::putIfAbsent);
    }
    return p;
  }

  private static byte[] form(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    params.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    });
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static AwsRequest topicCall(AwsRequest origin, String topicArn) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "GetTopicAttributes");
    p.put("Version", "2010-03-31");
    p.put("TopicArn", topicArn == null ? "" : topicArn);
    return AwsRequest.derived(origin, "POST", "/", null,
        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form(p),
        "GetTopicAttributes", Map.of());
  }

  private static AwsRequest listCall(AwsRequest origin, String topicArn, String nextToken) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("Action", "ListSubscriptionsByTopic");
    p.put("Version", "2010-03-31");
    p.put("TopicArn", topicArn);
    if (nextToken != null) {
      p.put("NextToken", nextToken);
    }
    return AwsRequest.derived(origin, "POST", "/", null,
        Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), form(p),
        "ListSubscriptionsByTopic", Map.of());
  }

  private static String setEntry(String xml, String key, String value) {
    return xml.replaceAll("(<key>" + Pattern.quote(key) + "</key>\\s*)(<value>[^<]*</value>|<value/>)",
        "$1<value>" + Matcher.quoteReplacement(value) + "</value>");
  }

  private static String decode(String b64) {
    return new String(Base64.getUrlDecoder().decode(b64), StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String unescapeJson(String s) {
    try {
      return AwsRequest.JSON.readValue("\"" + s + "\"", String.class);
    } catch (IOException e) {
      return s;
    }
  }
}
