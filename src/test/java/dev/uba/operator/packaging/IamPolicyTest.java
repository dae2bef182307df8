package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * deploy/iam-policy.json is the policy the operator's IAM role needs. This test keeps it in line with
 * the AWS calls the code makes: it finds every call on an AWS SDK v2 client in src/main/java
 * (a field, parameter or local of a {@code software.amazon.awssdk.services.*.*Client} type, or an
 * {@code AwsClients} accessor such as {@code sts(region)}), maps the method to its IAM action
 * ({@code createStream} -> {@code kinesis:CreateStream}, {@code listRolePoliciesPaginator} ->
 * {@code iam:ListRolePolicies}) and fails on actions the policy lacks and on actions the policy grants
 * that the code no longer calls.
 */
class IamPolicyTest {
  static final Path POLICY = Path.of("deploy/iam-policy.json");
  static final Path SOURCES = Path.of("src/main/java");

  /** SDK package -> IAM service prefix. A client of a package not listed here fails the test. */
  static final Map<String, String> PREFIXES = Map.ofEntries(
      Map.entry("kinesis", "kinesis"),
      Map.entry("iam", "iam"),
      Map.entry("opensearch", "es"),
      Map.entry("sts", "sts"),
      Map.entry("cloudwatch", "cloudwatch"),
      Map.entry("cloudwatchlogs", "logs"),
      Map.entry("sns", "sns"),
      Map.entry("eventbridge", "events"),
      Map.entry("personalize", "personalize"),
      Map.entry("personalizeevents", "personalize"),
      Map.entry("firehose", "firehose"),
      Map.entry("s3", "s3"),
      Map.entry("resourcegroupstaggingapi", "tag"));

  /**
   * Methods whose IAM actions are not the method's name (S3's, per the S3 API reference's
   * "Permissions" of each action); DeleteObjects with version ids needs both delete actions.
   */
  static final Map<String, List<String>> ACTION_EXCEPTIONS = Map.ofEntries(
      Map.entry("s3:HeadBucket", List.of("s3:ListBucket")),
      Map.entry("s3:ListObjectsV2", List.of("s3:ListBucket")),
      Map.entry("s3:HeadObject", List.of("s3:GetObject")),
      Map.entry("s3:ListObjectVersions", List.of("s3:ListBucketVersions")),
      Map.entry("s3:DeleteObjects", List.of("s3:DeleteObject", "s3:DeleteObjectVersion")),
      Map.entry("s3:GetPublicAccessBlock", List.of("s3:GetBucketPublicAccessBlock")),
      Map.entry("s3:PutPublicAccessBlock", List.of("s3:PutBucketPublicAccessBlock")),
      Map.entry("s3:GetBucketEncryption", List.of("s3:GetEncryptionConfiguration")),
      Map.entry("s3:PutBucketEncryption", List.of("s3:PutEncryptionConfiguration")),
      Map.entry("s3:GetBucketLifecycleConfiguration", List.of("s3:GetLifecycleConfiguration")),
      Map.entry("s3:PutBucketLifecycleConfiguration", List.of("s3:PutLifecycleConfiguration")));

  /** Client methods that make no AWS request. */
  static final Set<String> NOT_REQUESTS = Set.of("close", "serviceName", "serviceClientConfiguration",
      "utilities", "waiter", "builder", "create");

  /**
   * Actions AWS checks besides the one called: passing a role to a service is iam:PassRole, needed
   * exactly when one of these calls is made.
   */
  static final Set<String> PASS_ROLE_CALLS = Set.of(
      "personalize:CreateDatasetImportJob", "personalize:CreateDatasetGroup",
      "firehose:CreateDeliveryStream", "firehose:UpdateDestination");

  @Test
  void thePolicyGrantsExactlyTheActionsTheCodeCalls() throws IOException {
    Map<String, Set<String>> calls = actionsCalledByTheCode();
    assertThat(calls).as("AWS SDK calls found in %s", SOURCES).isNotEmpty();
    Set<String> needed = new TreeSet<>(calls.keySet());
    if (needed.stream().anyMatch(PASS_ROLE_CALLS::contains)) {
      needed.add("iam:PassRole");
    }
    Set<String> granted = actionsOfThePolicy();

    Set<String> missing = new TreeSet<>(needed);
    missing.removeAll(granted);
    Map<String, Set<String>> missingWhere = new TreeMap<>();
    missing.forEach(a -> missingWhere.put(a, calls.getOrDefault(a, Set.of("(implied by passing a role)"))));
    assertThat(missingWhere).as("actions the code calls but %s does not grant (action -> files)", POLICY)
        .isEmpty();

    Set<String> unused = new TreeSet<>(granted);
    unused.removeAll(needed);
    assertThat(unused).as("actions %s grants that the code no longer calls", POLICY).isEmpty();
  }

  @Test
  void passRoleIsLimitedToTheServicesTheRolesAreFor() throws IOException {
    for (JsonNode statement : new ObjectMapper().readTree(POLICY.toFile()).get("Statement")) {
      if (actions(statement).contains("iam:PassRole")) {
        assertThat(actions(statement)).as("iam:PassRole has a statement of its own").containsExactly("iam:PassRole");
        assertThat(statement.path("Condition").path("StringEquals").path("iam:PassedToService").isMissingNode())
            .as("iam:PassRole is conditioned on iam:PassedToService").isFalse();
      }
    }
  }

  @Test
  void theScannerFindsCallsOnFieldsAccessorsAndPaginators() {
    String source = """
        import software.amazon.awssdk.services.iam.IamClient;
        import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
        class X {
          private final IamClient iam;
          private final EventSink events;
          void f(CloudWatchLogsClient logs, AwsClients aws) {
            iam.listRolePoliciesPaginator(r -> r.roleName("a"));
            logs.describeLogGroups(r -> r.logGroupNamePrefix("x"));
            events.normal("Created", "not AWS");
            aws.sts(region).getCallerIdentity();
            iam.close();
          }
        }
        """;
    Map<String, String> accessors = Map.of("sts", "sts");
    assertThat(scan(source, accessors)).containsExactlyInAnyOrder(
        "iam:ListRolePolicies", "logs:DescribeLogGroups", "sts:GetCallerIdentity");
  }

  /** Action -> files calling it. */
  static Map<String, Set<String>> actionsCalledByTheCode() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    Map<String, String> accessors = new HashMap<>();
    for (Path file : files) {
      if (file.getFileName().toString().equals("AwsClients.java")) {
        accessors.putAll(accessors(Files.readString(file)));
      }
    }
    Map<String, Set<String>> result = new TreeMap<>();
    for (Path file : files) {
      for (String action : scan(Files.readString(file), accessors)) {
        result.computeIfAbsent(action, a -> new TreeSet<>()).add(SOURCES.relativize(file).toString());
      }
    }
    return result;
  }

  /** Accessor method of AwsClients -> SDK package, from {@code public KinesisClient kinesis(String region)}. */
  static Map<String, String> accessors(String awsClients) {
    Map<String, String> imports = clientImports(awsClients);
    Map<String, String> result = new HashMap<>();
    Matcher m = Pattern.compile("public\\s+(\\w+Client)\\s+(\\w+)\\s*\\(").matcher(awsClients);
    while (m.find()) {
      if (imports.containsKey(m.group(1))) {
        result.put(m.group(2), imports.get(m.group(1)));
      }
    }
    return result;
  }

  /** IAM actions of the SDK calls in one source file. */
  static Set<String> scan(String source, Map<String, String> accessors) {
    Set<String> actions = new TreeSet<>();
    for (String call : sdkCalls(source, accessors)) {
      String pkg = call.substring(0, call.indexOf(':'));
      String prefix = PREFIXES.get(pkg);
      if (prefix == null) {
        throw new AssertionError("the code uses the SDK package " + pkg
            + ": add its IAM prefix to IamPolicyTest.PREFIXES");
      }
      String action = prefix + call.substring(call.indexOf(':'));
      actions.addAll(ACTION_EXCEPTIONS.getOrDefault(action, List.of(action)));
    }
    return actions;
  }

  /** SDK package -> the API operations ("CreateStream") the code calls on its clients. */
  static Map<String, Set<String>> sdkOperationsCalledByTheCode() throws IOException {
    Map<Path, String> sources = sources();
    Map<String, String> accessors = accessorsOf(sources);
    Map<String, Set<String>> result = new TreeMap<>();
    for (String text : sources.values()) {
      for (String call : sdkCalls(text, accessors)) {
        result.computeIfAbsent(call.substring(0, call.indexOf(':')), k -> new TreeSet<>())
            .add(call.substring(call.indexOf(':') + 1));
      }
    }
    return result;
  }

  private static Map<Path, String> sources() throws IOException {
    Map<Path, String> result = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      for (Path p : walk.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        result.put(p, Files.readString(p));
      }
    }
    return result;
  }

  private static Map<String, String> accessorsOf(Map<Path, String> sources) {
    Map<String, String> accessors = new HashMap<>();
    sources.forEach((path, text) -> {
      if (path.getFileName().toString().equals("AwsClients.java")) {
        accessors.putAll(accessors(text));
      }
    });
    return accessors;
  }

  /** The SDK calls of one source file as "package:Operation" ("kinesis:CreateStream"). */
  static Set<String> sdkCalls(String source, Map<String, String> accessors) {
    Map<String, String> imports = clientImports(source);
    Set<String> calls = new TreeSet<>();
    // Variables (fields, parameters, locals) of an SDK client type.
    Matcher decl = Pattern.compile("\\b(\\w+Client)\\s+(\\w+)\\s*[;,)=]").matcher(source);
    Map<String, String> variables = new HashMap<>();
    while (decl.find()) {
      if (imports.containsKey(decl.group(1))) {
        variables.put(decl.group(2), imports.get(decl.group(1)));
      }
    }
    // "var x = aws.kinesis(region);"
    Matcher var = Pattern.compile("\\bvar\\s+(\\w+)\\s*=\\s*\\w+\\.(\\w+)\\([^()]*\\)\\s*;").matcher(source);
    while (var.find()) {
      if (accessors.containsKey(var.group(2))) {
        variables.put(var.group(1), accessors.get(var.group(2)));
      }
    }
    variables.forEach((name, pkg) -> collect(source, "\\b" + name + "\\s*\\.\\s*(\\w+)\\s*\\(", pkg, calls));
    accessors.forEach((method, pkg) ->
        collect(source, "\\b" + method + "\\s*\\([^()]*\\)\\s*\\.\\s*(\\w+)\\s*\\(", pkg, calls));
    return calls;
  }

  private static void collect(String source, String regex, String pkg, Set<String> calls) {
    Matcher call = Pattern.compile(regex).matcher(source);
    while (call.find()) {
      String method = call.group(1);
      if (NOT_REQUESTS.contains(method)) {
        continue;
      }
      if (method.endsWith("Paginator")) {
        method = method.substring(0, method.length() - "Paginator".length());
      }
      calls.add(pkg + ":" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
    }
  }

  /** Simple name -> SDK package of the client types imported by a file. */
  private static Map<String, String> clientImports(String source) {
    Map<String, String> result = new HashMap<>();
    Matcher m = Pattern.compile("import\\s+software\\.amazon\\.awssdk\\.services\\.(\\w+)\\.(\\w+Client)\\s*;")
        .matcher(source);
    while (m.find()) {
      result.put(m.group(2), m.group(1));
    }
    return result;
  }

  static Set<String> actionsOfThePolicy() throws IOException {
    JsonNode policy = new ObjectMapper().readTree(POLICY.toFile());
    assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
    Set<String> result = new TreeSet<>();
    for (JsonNode statement : policy.get("Statement")) {
      assertThat(statement.path("Effect").asText()).isEqualTo("Allow");
      for (String action : actions(statement)) {
        assertThat(action).as("no wildcards in %s", POLICY).doesNotContain("*");
        result.add(action);
      }
    }
    return result;
  }

  private static List<String> actions(JsonNode statement) {
    JsonNode action = statement.get("Action");
    if (action.isTextual()) {
      return List.of(action.asText());
    }
    return Stream.of(action).flatMap(a -> Stream.iterate(0, i -> i < a.size(), i -> i + 1).map(i -> a.get(i).asText()))
        .toList();
  }
}
