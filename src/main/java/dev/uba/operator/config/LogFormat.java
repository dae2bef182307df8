package dev.uba.operator.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The format of the operator's log lines, UBA_LOG_FORMAT: {@code plain} (the default, one line of text)
 * or {@code json} (one JSON object a line, logback's JsonEncoder, with JOSDK's MDC: the namespace and
 * name of the object being reconciled). logback.xml includes logback-format-&lt;name&gt;.xml, which
 * defines its appender; any other value is refused at startup, since logback would otherwise write
 * the lines to no appender at all.
 */
public enum LogFormat {
  plain,
  json;

  public static final String VARIABLE = "UBA_LOG_FORMAT";

  public static LogFormat fromEnvironment(Map<String, String> env) {
    String text = env.getOrDefault(VARIABLE, "plain");
    try {
      return valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(VARIABLE + "=" + text + " is not a log format: use "
          + Arrays.stream(values()).map(f -> f.name()).collect(Collectors.joining(" or "))
          + (text.toLowerCase(Locale.ROOT).equals(text) ? "" : " (lower case)"));
    }
  }
}
