package dev.uba.operator.testenv.aws;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of the objects Firehose writes to S3, following the Amazon Data Firehose Developer Guide:
 *
 * <ul>
 *   <li>"Configure Amazon S3 object name format": the key is {@code <evaluated prefix><suffix>},
 *       the suffix {@code <stream name>-<stream version>-<year>-<month>-<day>-<hour>-<minute>-
 *       <second>-<uuid><file extension>}, the extension {@code .gz} for GZIP compression; without
 *       a custom prefix expression Firehose adds the default time prefix {@code YYYY/MM/dd/HH/};
 *       times are UTC.
 *   <li>"Custom prefixes for Amazon S3 objects": {@code !{timestamp:<java DateTimeFormatter
 *       pattern>}} evaluates with the approximate arrival timestamp of the oldest record in the
 *       object, {@code !{firehose:random-string}} to 11 random characters and
 *       {@code !{firehose:error-output-type}} to the kind of failure. Its semantic rules: "If you
 *       specify a prefix that doesn't contain a timestamp namespace expression, Firehose appends
 *       the expression {@code !{timestamp:yyyy/MM/dd/HH/}} to the value in the Prefix field"; for
 *       an OpenSearch destination without {@code ErrorOutputPrefix}, failed records go under
 *       {@code Prefix} followed by the error output type.
 * </ul>
 */
final class S3ObjectKeys {

  private static final Pattern EXPRESSION = Pattern.compile("!\\{([a-z]+):([^}]*)}");
  private static final DateTimeFormatter DEFAULT_TIME_PREFIX = DateTimeFormatter.ofPattern("yyyy/MM/dd/HH/");
  private static final DateTimeFormatter SUFFIX_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss");
  private static final String RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

  private S3ObjectKeys() {}

  /**
   * The evaluated prefix: expressions replaced at {@code oldestArrival} (UTC), and the default time
   * prefix appended when there is no timestamp expression. {@code errorOutputType} is what
   * {@code !{firehose:error-output-type}} stands for (null outside of error output).
   */
  static String evaluatePrefix(String prefix, Instant oldestArrival, String errorOutputType) {
    String p = prefix == null ? "" : prefix;
    ZonedDateTime t = oldestArrival.atZone(ZoneOffset.UTC);
    boolean hasTimestamp = false;
    StringBuilder out = new StringBuilder();
    Matcher m = EXPRESSION.matcher(p);
    while (m.find()) {
      String replacement;
      if ("timestamp".equals(m.group(1))) {
        hasTimestamp = true;
        replacement = DateTimeFormatter.ofPattern(m.group(2)).format(t);
      } else if ("firehose".equals(m.group(1)) && "random-string".equals(m.group(2))) {
        replacement = randomString();
      } else if ("firehose".equals(m.group(1)) && "error-output-type".equals(m.group(2))) {
        replacement = errorOutputType == null ? "" : errorOutputType;
      } else {
        replacement = m.group();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    if (!hasTimestamp) {
      out.append(DEFAULT_TIME_PREFIX.format(t));
    }
    return out.toString();
  }

  /** The object name after the prefix: {@code <name>-<version>-yyyy-MM-dd-HH-mm-ss-<uuid>[.gz]}. */
  static String suffix(String streamName, int version, Instant time, boolean gzip) {
    return streamName + "-" + version + "-" + SUFFIX_TIME.format(time.atZone(ZoneOffset.UTC)) + "-"
        + UUID.randomUUID() + (gzip ? ".gz" : "");
  }

  private static String randomString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 11; i++) {
      s.append(RANDOM_CHARS.charAt(ThreadLocalRandom.current().nextInt(RANDOM_CHARS.length())));
    }
    return s.toString();
  }
}
