package dev.uba.operator.engine.fake;

import dev.uba.operator.aws.personalize.SolutionVersionActual;
import dev.uba.operator.aws.personalize.SolutionVersionDesired;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Solution versions kept in memory, for the model's sequencing tests: unlike the resources
 * {@link FakeResource} stands for, a version has no name; it is known by the ARN its creation
 * returns, and one still training is found among its solution's versions. Its calls go into the
 * same journal as the other fakes' ("create PersonalizeSolutionVersion of solution x").
 */
public final class FakeSolutionVersion implements AwsResource<SolutionVersionDesired, SolutionVersionActual> {
  public static final String KIND = "PersonalizeSolutionVersion";

  private record Version(String solutionArn, String state, String reason) {}

  private final FakeAws aws;
  private final Map<String, Version> versions = new LinkedHashMap<>();
  private final Map<String, Deque<RuntimeException>> failures = new LinkedHashMap<>();

  public FakeSolutionVersion(FakeAws aws) {
    this.aws = aws;
  }

  /** Every training ends: those still training become ACTIVE. */
  public void settle() {
    versions.replaceAll((arn, v) -> v.state().equals("CREATE IN_PROGRESS")
        ? new Version(v.solutionArn(), "ACTIVE", null) : v);
  }

  /** The training fails with this reason. */
  public void fail(String arn, String reason) {
    versions.computeIfPresent(arn, (a, v) -> new Version(v.solutionArn(), "CREATE FAILED", reason));
  }

  /** The next call of {@code operation} (observe, create) throws this AWS error code. */
  public FakeSolutionVersion failNext(String operation, String errorCode, int httpStatus) {
    failures.computeIfAbsent(operation, k -> new ArrayDeque<>()).add(AwsServiceException.builder()
        .statusCode(httpStatus).message(errorCode + " (fake)")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage(errorCode + " (fake)")
            .serviceName(KIND).build())
        .build());
    return this;
  }

  /** The ARNs of every version created, in order. */
  public List<String> arns() {
    return List.copyOf(versions.keySet());
  }

  public Optional<String> stateOf(String arn) {
    return Optional.ofNullable(versions.get(arn)).map(Version::state);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public boolean taggable() {
    return false;
  }

  @Override
  public Optional<SolutionVersionActual> observe(SolutionVersionDesired desired) {
    call("observe", desired.name());
    String arn = desired.arn() != null ? desired.arn() : versions.entrySet().stream()
        .filter(e -> e.getValue().solutionArn().equals(desired.solutionArn())
            && e.getValue().state().equals("CREATE IN_PROGRESS"))
        .map(Map.Entry::getKey).findFirst().orElse(null);
    Version v = arn == null ? null : versions.get(arn);
    return v == null ? Optional.empty() : Optional.of(new SolutionVersionActual(arn, v.solutionArn(), v.state(),
        v.reason(), v.state().equals("ACTIVE") ? Map.of("coverage", 0.5) : Map.of()));
  }

  @Override
  public Map<String, String> tags(SolutionVersionActual actual) {
    return Map.of();
  }

  @Override
  public AwsState state(SolutionVersionActual actual) {
    return switch (actual.status()) {
      case "ACTIVE" -> AwsState.stable("ACTIVE");
      case "CREATE FAILED" -> new AwsState("CREATE FAILED", AwsState.Phase.FAILED, actual.failureReason());
      default -> AwsState.of(actual.status(), AwsState.Phase.CREATING);
    };
  }

  @Override
  public String arn(SolutionVersionActual actual) {
    return actual.arn();
  }

  @Override
  public Drift drift(SolutionVersionDesired desired, SolutionVersionActual actual) {
    return Drift.NONE;
  }

  @Override
  public Applied create(SolutionVersionDesired desired) {
    call("create", desired.name());
    String arn = desired.solutionArn() + "/v" + (versions.size() + 1);
    versions.put(arn, new Version(desired.solutionArn(), "CREATE IN_PROGRESS", null));
    return Applied.SETTLED.noting("TrainingStarted", "solution version " + arn + " is training");
  }

  @Override
  public Applied update(SolutionVersionDesired desired, SolutionVersionActual actual, Drift drift) {
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(SolutionVersionActual actual) {
    return Applied.ASYNC;
  }

  private void call(String operation, String name) {
    aws.record(operation + " " + KIND + " " + name);
    Deque<RuntimeException> pending = failures.get(operation);
    if (pending != null && !pending.isEmpty()) {
      throw pending.poll();
    }
  }
}
