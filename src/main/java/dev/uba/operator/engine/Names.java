package dev.uba.operator.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Deterministic AWS names (the contract's "Ownership and naming"): {@code <namespace>-<name><suffix>},
 * disallowed characters replaced by '-', and names over the AWS limit cut and ended with '-' plus the
 * first 8 hex digits of sha256("namespace/kind/name"), so that the same object always maps to the
 * same, unique names.
 */
public final class Names {
  /** Kinesis stream names: 1-128 of [a-zA-Z0-9_.-]. */
  public static final NameRule KINESIS_STREAM = new NameRule(128, Pattern.compile("[^a-zA-Z0-9_.-]"));
  /** Firehose delivery stream names: 1-64 of [a-zA-Z0-9_.-]. */
  public static final NameRule DELIVERY_STREAM = new NameRule(64, Pattern.compile("[^a-zA-Z0-9_.-]"));
  /** IAM role names: 1-64 of [\w+=,.@-]. */
  public static final NameRule IAM_ROLE = new NameRule(64, Pattern.compile("[^\\w+=,.@-]"));
  /** IAM policy names: 1-128 of [\w+=,.@-]. */
  public static final NameRule IAM_POLICY = new NameRule(128, Pattern.compile("[^\\w+=,.@-]"));
  /** CloudWatch alarm names: 1-255 printable ASCII characters. */
  public static final NameRule CLOUDWATCH_ALARM = new NameRule(255, Pattern.compile("[^\\x20-\\x7E]"));
  /** SNS standard topic names: 1-256 of [A-Za-z0-9_-]. */
  public static final NameRule SNS_TOPIC = new NameRule(256, Pattern.compile("[^A-Za-z0-9_-]"));
  /** EventBridge rule names: 1-64 of [.A-Za-z0-9_-]. */
  public static final NameRule EVENT_RULE = new NameRule(64, Pattern.compile("[^.A-Za-z0-9_-]"));
  /** CloudWatch Logs metric filter names: 1-512 characters, neither ':' nor '*'. */
  public static final NameRule METRIC_FILTER = new NameRule(512, Pattern.compile("[:*]"));

  private static final int OPENSEARCH_MAX = 28;
  private static final int S3_BUCKET_MAX = 63;

  private Names() {}

  /** The value of the uba.dev/owner tag: namespace/kind/name, kind in lower case. */
  public static String ownerId(String namespace, String kind, String name) {
    return namespace + "/" + kind.toLowerCase(Locale.ROOT) + "/" + name;
  }

  public static String awsName(NameRule rule, String namespace, String kind, String name, String suffix) {
    String full = rule.disallowed().matcher(namespace + "-" + name + suffix).replaceAll("-");
    return fit(full, rule.maxLength(), namespace, kind, name);
  }

  /** OpenSearch domain names: 3-28 characters, [a-z][a-z0-9-]*. */
  public static String openSearchDomain(String namespace, String kind, String name) {
    String full = (namespace + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    if (!Character.isLetter(full.charAt(0))) {
      full = "u" + full;
    }
    return fit(full, OPENSEARCH_MAX, namespace, kind, name);
  }

  /**
   * S3 bucket names (3-63 characters, [a-z0-9.-]): {@code <namespace>-<name>-<h>}, where h is the first
   * 8 hex digits of sha256("account/region/namespace/kind/name"), since S3 names are global across
   * accounts and regions. Lower-cased, other characters become '-'. A longer name is cut the usual
   * way, so that it still ends in '-' and this hash: the one that keeps it unique across accounts.
   */
  public static String s3Bucket(String accountId, String region, String namespace, String kind, String name) {
    String hash = shortHash(accountId + "/" + region + "/" + ownerId(namespace, kind, name));
    String prefix = (namespace + "-" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    if (prefix.length() + 9 <= S3_BUCKET_MAX) {
      return prefix + "-" + hash;
    }
    String cut = prefix.substring(0, S3_BUCKET_MAX - 9);
    // "x.-" would start a DNS label with '-', which virtual-hosted S3 addresses cannot carry
    return (cut.endsWith(".") ? cut.substring(0, cut.length() - 1) + "-" : cut) + "-" + hash;
  }

  private static String fit(String full, int max, String namespace, String kind, String name) {
    if (full.length() <= max) {
      return full;
    }
    return full.substring(0, max - 9) + "-" + shortHash(ownerId(namespace, kind, name));
  }

  /** First 8 hex digits of sha256 of the text: the owner id (namespace/kind/name, kind in lower case), or a longer path. */
  static String shortHash(String ownerPath) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(ownerPath.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** The length limit and the characters an AWS name does not allow. */
  public record NameRule(int maxLength, Pattern disallowed) {}
}
