package dev.uba.operator.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the operator lets one namespace hand to AWS with the operator's single identity (the
 * contract's "Least privilege across namespaces"): the permissions boundary of every role it creates,
 * the existing roles an object may pass to a service, the accounts whose principals a domain may
 * admit. Defaults depend on the operator's own account, which is known only once AWS was asked, so
 * they are resolved per call ({@link #allowsRole}, {@link #allowsAccount}).
 *
 * @param permissionsBoundary ARN of the managed policy every created role carries as its boundary
 *     (UBA_IAM_PERMISSIONS_BOUNDARY); null means none is set and a role's boundary is left alone
 * @param allowedRoleArns ARN patterns of existing roles (UBA_ALLOWED_ROLE_ARNS, {@code *} matches any
 *     characters); empty means the default {@code arn:<partition>:iam::<own account>:role/uba/*}
 * @param allowedAccounts account ids whose principals accessPrincipals may name besides the own one
 *     (UBA_ALLOWED_ACCOUNTS); empty means the own account only
 */
public record LeastPrivilege(String permissionsBoundary, List<String> allowedRoleArns, Set<String> allowedAccounts) {

  /** The IAM path of every role and customer-managed policy the operator creates. */
  public static final String IAM_PATH = "/uba/";

  /** No boundary, the default allow-lists. */
  public static final LeastPrivilege DEFAULTS = new LeastPrivilege(null, List.of(), Set.of());

  private static final Pattern ACCOUNT = Pattern.compile("^[0-9]{12}$");
  private static final Pattern POLICY_ARN = Pattern.compile(
      "^arn:aws[a-z-]*:iam::[0-9]{12}:policy/([\\w+=,.@-]+/)*[\\w+=,.@-]{1,128}$");
  /** A role ARN pattern: IAM role ARN syntax, where '*' may stand for any part. */
  private static final Pattern ROLE_ARN_PATTERN = Pattern.compile(
      "^arn:(aws[a-z-]*|\\*):iam::([0-9]{12}|\\*):role/[\\w+=,.@/*-]+$");

  public LeastPrivilege {
    allowedRoleArns = List.copyOf(allowedRoleArns);
    allowedAccounts = Set.copyOf(allowedAccounts);
  }

  public static LeastPrivilege fromEnvironment(Map<String, String> env) {
    return new LeastPrivilege(boundary(env.get("UBA_IAM_PERMISSIONS_BOUNDARY")),
        parseRoleArnPatterns(env.get("UBA_ALLOWED_ROLE_ARNS")), parseAccounts(env.get("UBA_ALLOWED_ACCOUNTS")));
  }

  /** The role patterns in force: the configured ones, or the operator's own /uba/ roles. */
  public List<String> roleArnPatterns(String partition, String ownAccount) {
    return allowedRoleArns.isEmpty()
        ? List.of("arn:" + partition + ":iam::" + ownAccount + ":role" + IAM_PATH + "*")
        : allowedRoleArns;
  }

  /** Whether an existing role may be handed to an AWS service. */
  public boolean allowsRole(String roleArn, String partition, String ownAccount) {
    return roleArnPatterns(partition, ownAccount).stream().anyMatch(p -> matches(p, roleArn));
  }

  /** Whether principals of {@code account} may be named: the own account always, others when listed. */
  public boolean allowsAccount(String account, String ownAccount) {
    return account.equals(ownAccount) || allowedAccounts.contains(account);
  }

  /** The accounts in force, for messages: the own one, then the configured ones. */
  public List<String> accounts(String ownAccount) {
    Set<String> all = new LinkedHashSet<>();
    all.add(ownAccount);
    allowedAccounts.stream().sorted().forEach(all::add);
    return List.copyOf(all);
  }

  /** {@code *} matches any run of characters (also none and also '/'); everything else itself. */
  static boolean matches(String pattern, String text) {
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }

  private static String boundary(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String arn = text.trim();
    if (!POLICY_ARN.matcher(arn).matches()) {
      throw new IllegalArgumentException("UBA_IAM_PERMISSIONS_BOUNDARY=" + text
          + " is not the ARN of a managed policy such as arn:aws:iam::123456789012:policy/uba-boundary");
    }
    return arn;
  }

  private static List<String> parseRoleArnPatterns(String text) {
    List<String> patterns = new ArrayList<>();
    for (String entry : entries(text)) {
      if (!ROLE_ARN_PATTERN.matcher(entry).matches()) {
        throw new IllegalArgumentException("UBA_ALLOWED_ROLE_ARNS: " + entry
            + " is not a role ARN pattern such as arn:aws:iam::123456789012:role/uba/* ('*' matches any characters)");
      }
      patterns.add(entry);
    }
    return patterns;
  }

  private static Set<String> parseAccounts(String text) {
    Set<String> accounts = new LinkedHashSet<>();
    for (String entry : entries(text)) {
      if (!ACCOUNT.matcher(entry).matches()) {
        throw new IllegalArgumentException("UBA_ALLOWED_ACCOUNTS: " + entry + " is not a 12-digit AWS account id");
      }
      accounts.add(entry);
    }
    return accounts;
  }

  private static List<String> entries(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
