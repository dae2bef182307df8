package dev.uba.operator.aws.opensearch.dataplane;

import dev.uba.operator.engine.PolicyDocuments;
import dev.uba.operator.engine.PolicyDocuments.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the operator's own role may do on a domain's data plane, for the domain's access policy
 * (pure): {@code es:ESHttpGet}, {@code es:ESHttpPut} and {@code es:ESHttpDelete} on the index
 * templates and the ISM API only, never on the indices or the rest of the domain.
 */
public final class DataPlaneAccess {
  public static final List<String> ACTIONS = List.of("es:ESHttpGet", "es:ESHttpPut", "es:ESHttpDelete");

  private static final Pattern ASSUMED_ROLE =
      Pattern.compile("^arn:([^:]+):sts::(\\d{12}):assumed-role/([^/]+)/.+$");

  private DataPlaneAccess() {}

  /** {@code <domain arn>/_index_template/*} and {@code <domain arn>/_plugins/_ism/*}. */
  public static List<String> resources(String domainArn) {
    return List.of(domainArn + "/_index_template/*", domainArn + "/_plugins/_ism/*");
  }

  /** The statement that lets {@code operatorRoleArn} manage the template and the ISM policy of the domain. */
  public static Statement operatorStatement(String domainArn, String operatorRoleArn) {
    return PolicyDocuments.allowPrincipals(Map.of("AWS", List.of(operatorRoleArn)), ACTIONS, resources(domainArn));
  }

  /**
   * The role behind the operator's credentials, from STS GetCallerIdentity's {@code Arn}: an
   * assumed-role session ({@code arn:aws:sts::123456789012:assumed-role/uba-operator/session}, as
   * IRSA and Pod Identity give) becomes {@code arn:aws:iam::123456789012:role/uba-operator}. A session
   * ARN does not say the role's IAM path: for a role under a path, the principal needs the full ARN
   * (IAM GetRole of that name). Empty for anything that is not a role session (a user, the root).
   */
  public static Optional<String> roleArnOfCaller(String callerArn) {
    Matcher m = callerArn == null ? null : ASSUMED_ROLE.matcher(callerArn);
    if (m == null || !m.matches()) {
      return Optional.empty();
    }
    return Optional.of("arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3));
  }
}
