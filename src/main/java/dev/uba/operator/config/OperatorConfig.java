package dev.uba.operator.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The operator's settings, read once from the environment (the contract's "Running the operator").
 *
 * @param region default region of objects that set none; null when AWS_REGION is unset
 * @param watchNamespaces namespaces to watch; empty means all
 * @param resyncInterval how often a converged object is checked against AWS for drift
 * @param pollInterval how soon an object is looked at again while AWS is converging
 * @param personalizeMaxTps largest campaign.minProvisionedTPS accepted
 * @param httpPort port of the health and metrics endpoints; 0 picks a free one, -1 disables them
 * @param leaderElection whether replicas elect a leader through the Lease {@link #LEASE_NAME}
 *     (UBA_LEADER_ELECTION=true); only the leader reconciles
 * @param leaderElectionNamespace namespace of that Lease (UBA_LEADER_ELECTION_NAMESPACE, else the pod's
 *     POD_NAMESPACE); null when leader election is off
 * @param httpAddress address the endpoints listen on (UBA_HTTP_ADDRESS); null means every interface
 * @param openSearchEndpointUrl base URL (UBA_OPENSEARCH_ENDPOINT_URL, {@code http://127.0.0.1:9200}) that
 *     replaces every domain's data-plane endpoint, for local environments and tests; requests are still
 *     signed; null means each domain's own endpoint
 * @param leastPrivilege the IAM permissions boundary and the allow-lists (UBA_IAM_PERMISSIONS_BOUNDARY,
 *     UBA_ALLOWED_ROLE_ARNS, UBA_ALLOWED_ACCOUNTS)
 * @param awsQuotaShare share (0 &lt; x &lt;= 1) of each AWS API's documented per-account rate quota the
 *     operator may use (UBA_AWS_QUOTA_SHARE, default {@value #DEFAULT_AWS_QUOTA_SHARE}); the rest is left
 *     to the other callers in the account
 */
public record OperatorConfig(
    String region,
    Set<String> watchNamespaces,
    Duration resyncInterval,
    Duration pollInterval,
    int personalizeMaxTps,
    int httpPort,
    boolean leaderElection,
    String leaderElectionNamespace,
    String httpAddress,
    URI openSearchEndpointUrl,
    LeastPrivilege leastPrivilege,
    double awsQuotaShare) {

  public static final double DEFAULT_AWS_QUOTA_SHARE = 0.5;

  /** The Lease the replicas compete for (coordination.k8s.io/v1). */
  public static final String LEASE_NAME = "uba-operator-lock";

  private static final Pattern DECIMAL = Pattern.compile("^(\\d+(\\.\\d*)?|\\.\\d+)$");
  private static final Pattern DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)$");

  public static OperatorConfig fromEnvironment(Map<String, String> env) {
    return new OperatorConfig(
        blankToNull(env.get("AWS_REGION")),
        namespaces(env.get("UBA_WATCH_NAMESPACES")),
        duration("UBA_RESYNC_INTERVAL", env.getOrDefault("UBA_RESYNC_INTERVAL", "10m")),
        duration("UBA_POLL_INTERVAL", env.getOrDefault("UBA_POLL_INTERVAL", "15s")),
        integer("UBA_PERSONALIZE_MAX_TPS", env.getOrDefault("UBA_PERSONALIZE_MAX_TPS", "10")),
        integer("UBA_HTTP_PORT", env.getOrDefault("UBA_HTTP_PORT", "8080")),
        leaderElection(env),
        leaderElection(env) ? leaseNamespace(env) : null,
        blankToNull(env.get("UBA_HTTP_ADDRESS")),
        baseUrl("UBA_OPENSEARCH_ENDPOINT_URL", blankToNull(env.get("UBA_OPENSEARCH_ENDPOINT_URL"))),
        LeastPrivilege.fromEnvironment(env),
        share("UBA_AWS_QUOTA_SHARE", blankToNull(env.get("UBA_AWS_QUOTA_SHARE"))));
  }

  /** Without leader election (a single replica). */
  public OperatorConfig(String region, Set<String> watchNamespaces, Duration resyncInterval, Duration pollInterval,
      int personalizeMaxTps, int httpPort) {
    this(region, watchNamespaces, resyncInterval, pollInterval, personalizeMaxTps, httpPort, false, null, null, null,
        LeastPrivilege.DEFAULTS,
        DEFAULT_AWS_QUOTA_SHARE);
  }

  /** The same settings with every domain's data plane reached at {@code url} (tests, local environments). */
  public OperatorConfig withOpenSearchEndpointUrl(URI url) {
    return new OperatorConfig(region, watchNamespaces, resyncInterval, pollInterval, personalizeMaxTps, httpPort,
        leaderElection, leaderElectionNamespace, httpAddress, url, leastPrivilege, awsQuotaShare);
  }

  /** The same settings with another boundary and other allow-lists (tests). */
  public OperatorConfig withLeastPrivilege(LeastPrivilege rules) {
    return new OperatorConfig(region, watchNamespaces, resyncInterval, pollInterval, personalizeMaxTps, httpPort,
        leaderElection, leaderElectionNamespace, httpAddress, openSearchEndpointUrl, rules, awsQuotaShare);
  }

  /** The same settings with another share of the AWS rate quotas (tests, benchmarks). */
  public OperatorConfig withAwsQuotaShare(double share) {
    return new OperatorConfig(region, watchNamespaces, resyncInterval, pollInterval, personalizeMaxTps, httpPort,
        leaderElection, leaderElectionNamespace, httpAddress, openSearchEndpointUrl, leastPrivilege,
        share("awsQuotaShare", Double.toString(share)));
  }

  private static boolean leaderElection(Map<String, String> env) {
    String text = env.getOrDefault("UBA_LEADER_ELECTION", "false").trim();
    if (text.equalsIgnoreCase("true")) {
      return true;
    }
    if (text.isEmpty() || text.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("UBA_LEADER_ELECTION=" + text + " is neither true nor false");
  }

  private static String leaseNamespace(Map<String, String> env) {
    String namespace = blankToNull(env.get("UBA_LEADER_ELECTION_NAMESPACE"));
    if (namespace == null) {
      namespace = blankToNull(env.get("POD_NAMESPACE"));
    }
    if (namespace == null) {
      throw new IllegalArgumentException("UBA_LEADER_ELECTION=true needs the namespace of the Lease "
          + LEASE_NAME + ": set UBA_LEADER_ELECTION_NAMESPACE or POD_NAMESPACE");
    }
    return namespace;
  }

  /** The region of an object: its spec.region when set, else the operator's AWS_REGION (may be null). */
  public String regionFor(String specRegion) {
    return specRegion != null && !specRegion.isBlank() ? specRegion : region;
  }

  public boolean watchesAllNamespaces() {
    return watchNamespaces.isEmpty();
  }

  /** Parses "30s", "10m", "1h", "500ms"; anything else is a configuration error naming the variable. */
  public static Duration duration(String variable, String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          variable + "=" + text + " is not a duration such as 30s, 10m or 1h");
    }
    long amount = Long.parseLong(m.group(1));
    Duration d = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
    if (d.isZero()) {
      throw new IllegalArgumentException(variable + " must be greater than zero");
    }
    return d;
  }

  /**
   * An http or https URL of a host (and port) with no path, query or credentials: the data-plane
   * client signs the request for the path it sends, so a path prefix could not be honoured.
   */
  static URI baseUrl(String variable, String text) {
    if (text == null) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(variable + "=" + text + " is not a URL such as http://127.0.0.1:9200");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare = uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare
        || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(variable + "=" + text
          + " is not a base URL such as http://127.0.0.1:9200 (http or https, a host and a port, no path)");
    }
    return URI.create(scheme + "://" + uri.getRawAuthority());
  }

  /**
   * A share of the AWS rate quotas: a decimal number greater than 0 and at most 1 ("0.5", "1");
   * unset means {@value #DEFAULT_AWS_QUOTA_SHARE}.
   */
  static double share(String variable, String text) {
    if (text == null) {
      return DEFAULT_AWS_QUOTA_SHARE;
    }
    String trimmed = text.trim();
    double share = DECIMAL.matcher(trimmed).matches() ? Double.parseDouble(trimmed) : Double.NaN;
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException(variable + "=" + text
          + " is not a share of the AWS rate quotas: a number greater than 0 and at most 1, such as 0.5");
    }
    return share;
  }

  private static Set<String> namespaces(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }

  private static int integer(String variable, String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + "=" + text + " is not a whole number");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
