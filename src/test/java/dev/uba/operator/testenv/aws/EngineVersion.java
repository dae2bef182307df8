package dev.uba.operator.testenv.aws;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenSearch Service engine version, {@code Elasticsearch_X.Y} or {@code OpenSearch_X.Y}, in the
 * format the UpgradeDomain {@code TargetVersion} pattern of the API reference gives
 * ({@code ^Elasticsearch_[0-9]{1}\.[0-9]{1,2}$|^OpenSearch_[0-9]{1,2}\.[0-9]{1,2}$}). Every
 * Elasticsearch version orders before every OpenSearch version (domains are upgraded from
 * Elasticsearch to OpenSearch, never back); within an engine, by major then minor number.
 */
record EngineVersion(boolean openSearch, int major, int minor) implements Comparable<EngineVersion> {

  static final Pattern TARGET_PATTERN =
      Pattern.compile("^Elasticsearch_[0-9]{1}\\.[0-9]{1,2}$|^OpenSearch_[0-9]{1,2}\\.[0-9]{1,2}$");

  private static final Pattern ANY = Pattern.compile("^(Elasticsearch|OpenSearch)_(\\d+)\\.(\\d+)$");

  /** Parses a version string; empty when it is not of the form ENGINE_X.Y. */
  static Optional<EngineVersion> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = ANY.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new EngineVersion("OpenSearch".equals(m.group(1)),
        Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
  }

  @Override
  public int compareTo(EngineVersion o) {
    if (openSearch != o.openSearch) {
      return openSearch ? 1 : -1;
    }
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    return Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return (openSearch ? "OpenSearch_" : "Elasticsearch_") + major + "." + minor;
  }
}
