package dev.uba.operator.aws.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.aws.budget.RateBudgetInterceptor;
import dev.uba.operator.aws.shared.ScannedIndex;
import dev.uba.operator.aws.shared.SteppedClock;
import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.Drift;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * How many IAM reads a producer policy costs per pass, through the partition's {@link PolicyIndex}:
 * none within half a resync interval of the last read, only GetPolicy (for its tags) once the listing
 * confirms the default version (or ListPolicyTags when GetPolicy's budget has no room now), none
 * when neither has room, and a full read when the
 * version moved or the operator changed the policy itself.
 */
class ManagedPolicyReadsTest {
  private static final Duration RESYNC = Duration.ofMinutes(10);
  private static final String ARN = "arn:aws:iam::111122223333:policy/uba/analytics-clicks-producer";
  private static final String DOCUMENT =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"kinesis:PutRecord\",\"Resource\":\"*\"}]}";
  private static final String WIDE_OPEN =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
  private static final Map<String, String> TAGS = Map.of("uba.dev/managed-by", "uba-operator");
  private static final PolicyDesired DESIRED = new PolicyDesired("analytics-clicks-producer", ARN, "producers",
      DOCUMENT, TAGS);

  private final SteppedClock clock = new SteppedClock();
  private final FakeIam iam = new FakeIam();
  private final PolicyIndex index = new PolicyIndex(new ScannedIndex<>("ListPolicies",
      token -> new ScannedIndex.Page<>(iam.listing(), null), RESYNC, clock, (task, delay) -> {
        if (delay.isZero()) {
          task.run();
        }
      }), clock);
  private final ManagedPolicy policy = new ManagedPolicy(iam, index);

  @Test
  void passesWithinHalfAResyncIntervalOfTheLastReadMakeNoCall() {
    policy.observe(DESIRED);
    clock.advance(Duration.ofSeconds(15));
    Optional<PolicyActual> again = policy.observe(DESIRED);

    assertThat(again).hasValueSatisfying(a -> assertThat(a.document()).isEqualTo(DOCUMENT));
    assertThat(iam.calls).containsExactly("GetPolicy", "GetPolicyVersion");
    clock.advance(RESYNC.dividedBy(2));
    policy.observe(DESIRED);
    assertThat(iam.calls).as("a pass later than that looks").hasSize(3);
  }

  @Test
  void aResyncWhoseVersionTheListingConfirmsReadsOnlyTheTags() {
    policy.observe(DESIRED);
    iam.tags.put("rogue", "yes");
    clock.advance(RESYNC.plusSeconds(1));

    PolicyActual actual = policy.observe(DESIRED).orElseThrow();

    assertThat(iam.calls).containsExactly("GetPolicy", "GetPolicyVersion", "GetPolicy");
    assertThat(actual.tags()).as("tags as IAM has them now").containsEntry("rogue", "yes");
    assertThat(policy.drift(DESIRED, actual).isEmpty()).isFalse();
  }

  @Test
  void withoutGetPolicyBudgetNowTheTagsComeFromListPolicyTags() {
    policy.observe(DESIRED);
    iam.tags.put("rogue", "yes");
    iam.noBudgetNow.add("GetPolicy");
    clock.advance(RESYNC.plusSeconds(1));

    PolicyActual actual = policy.observe(DESIRED).orElseThrow();

    assertThat(iam.calls).containsExactly("GetPolicy", "GetPolicyVersion", "ListPolicyTags");
    assertThat(actual.document()).isEqualTo(DOCUMENT);
    assertThat(actual.tags()).containsEntry("rogue", "yes");
  }

  @Test
  void withoutIamBudgetNowTheConfirmedReadAnswersAndTheTagsWaitForALaterPass() {
    policy.observe(DESIRED);
    iam.tags.put("rogue", "yes");
    iam.noBudgetNow.addAll(List.of("GetPolicy", "ListPolicyTags"));
    clock.advance(RESYNC.plusSeconds(1));

    PolicyActual actual = policy.observe(DESIRED).orElseThrow();

    assertThat(iam.calls).containsExactly("GetPolicy", "GetPolicyVersion");
    assertThat(actual.document()).isEqualTo(DOCUMENT);
    assertThat(actual.tags()).doesNotContainKey("rogue");
    iam.noBudgetNow.clear();
    clock.advance(RESYNC);
    assertThat(policy.observe(DESIRED).orElseThrow().tags()).as("read once IAM's budget has room")
        .containsEntry("rogue", "yes");
  }

  @Test
  void tagsReadOverTwoIntervalsAgoWaitTheirTurnForBudgetInsteadOfGivingWay() {
    policy.observe(DESIRED);
    iam.noBudgetNow.addAll(List.of("GetPolicy", "ListPolicyTags"));
    clock.advance(RESYNC.plusSeconds(1));
    policy.observe(DESIRED);
    assertThat(iam.calls).as("gave way").containsExactly("GetPolicy", "GetPolicyVersion");

    clock.advance(RESYNC.minusSeconds(1)); // the listing is still fresh; the read is two intervals old
    policy.observe(DESIRED);
    assertThat(iam.calls).as("two intervals after the read: an ordinary GetPolicy, paced by the budget")
        .containsExactly("GetPolicy", "GetPolicyVersion", "GetPolicy");
  }

  @Test
  void aNewDefaultVersionMadeBehindTheOperatorsBackIsReadInFull() {
    policy.observe(DESIRED);
    iam.newVersion(WIDE_OPEN);
    clock.advance(RESYNC.plusSeconds(1));

    PolicyActual actual = policy.observe(DESIRED).orElseThrow();

    assertThat(actual.document()).isEqualTo(WIDE_OPEN);
    assertThat(iam.calls).containsExactly("GetPolicy", "GetPolicyVersion", "GetPolicy", "GetPolicyVersion");
    assertThat(policy.drift(DESIRED, actual).has(ManagedPolicy.POLICY_DOCUMENT)).isTrue();
  }

  @Test
  void thePassAfterTheOperatorChangedThePolicyReadsWhatIamHoldsNow() {
    iam.newVersion(WIDE_OPEN);
    PolicyActual wide = policy.observe(DESIRED).orElseThrow();
    Drift drift = policy.drift(DESIRED, wide);

    policy.update(DESIRED, wide, drift);
    clock.advance(Duration.ofSeconds(15));
    PolicyActual after = policy.observe(DESIRED).orElseThrow();

    assertThat(after.document()).isEqualTo(DOCUMENT);
    assertThat(policy.drift(DESIRED, after).isEmpty()).isTrue();
  }

  @Test
  void aPolicyDeletedBehindTheOperatorsBackSinceItsReadIsGoneAndReadAgain() {
    PolicyActual actual = policy.observe(DESIRED).orElseThrow();
    iam.exists = false;

    assertThat(policy.delete(actual)).isEqualTo(AwsResource.Applied.SETTLED);
    assertThat(policy.observe(DESIRED)).isEmpty();
  }

  /** One policy in IAM, each call recorded; IF_BUDGET_NOW calls of the operations in {@link #noBudgetNow} fail. */
  private static final class FakeIam implements IamClient {
    final List<String> calls = new ArrayList<>();
    final Map<String, String> tags = new LinkedHashMap<>(TAGS);
    final Map<String, String> documents = new LinkedHashMap<>(Map.of("v1", DOCUMENT));
    String defaultVersion = "v1";
    boolean exists = true;
    /** The operations whose budget has no room now: their IF_BUDGET_NOW calls fail. */
    final java.util.Set<String> noBudgetNow = new java.util.HashSet<>();

    Map<String, String> listing() {
      return exists ? Map.of(ARN, defaultVersion) : Map.of();
    }

    String newVersion(String document) {
      defaultVersion = "v" + (documents.size() + 1);
      documents.put(defaultVersion, document);
      return defaultVersion;
    }

    private void sent(String operation, AwsRequest request) {
      boolean optional = request.overrideConfiguration()
          .map(o -> Boolean.TRUE.equals(o.executionAttributes().getAttribute(RateBudgetInterceptor.IF_BUDGET_NOW)))
          .orElse(false);
      if (optional && noBudgetNow.contains(operation)) {
        throw new AwsBudgetExhaustedException("Iam", operation, Duration.ZERO);
      }
      calls.add(operation);
      if (!exists) {
        throw NoSuchEntityException.builder().message("Policy " + ARN + " was not found").build();
      }
    }

    @Override
    public GetPolicyResponse getPolicy(GetPolicyRequest request) {
      sent("GetPolicy", request);
      return GetPolicyResponse.builder().policy(Policy.builder().policyName("analytics-clicks-producer").arn(ARN)
          .defaultVersionId(defaultVersion).tags(IamRole.IamTags.toList(tags)).build()).build();
    }

    @Override
    public ListPolicyTagsResponse listPolicyTags(ListPolicyTagsRequest request) {
      sent("ListPolicyTags", request);
      return ListPolicyTagsResponse.builder().tags(IamRole.IamTags.toList(tags)).isTruncated(false).build();
    }

    @Override
    public GetPolicyVersionResponse getPolicyVersion(GetPolicyVersionRequest request) {
      sent("GetPolicyVersion", request);
      return GetPolicyVersionResponse.builder().policyVersion(PolicyVersion.builder().versionId(request.versionId())
          .document(documents.get(request.versionId())).build()).build();
    }

    @Override
    public ListPolicyVersionsResponse listPolicyVersions(ListPolicyVersionsRequest request) {
      sent("ListPolicyVersions", request);
      return ListPolicyVersionsResponse.builder().versions(documents.keySet().stream().map(v -> PolicyVersion.builder()
          .versionId(v).isDefaultVersion(v.equals(defaultVersion)).createDate(Instant.EPOCH).build()).toList()).build();
    }

    @Override
    public CreatePolicyVersionResponse createPolicyVersion(CreatePolicyVersionRequest request) {
      sent("CreatePolicyVersion", request);
      String version = newVersion(request.policyDocument());
      return CreatePolicyVersionResponse.builder().policyVersion(PolicyVersion.builder().versionId(version).build())
          .build();
    }

    @Override
    public ListEntitiesForPolicyResponse listEntitiesForPolicy(ListEntitiesForPolicyRequest request) {
      sent("ListEntitiesForPolicy", request);
      return ListEntitiesForPolicyResponse.builder().isTruncated(false).build();
    }

    @Override
    public DeletePolicyResponse deletePolicy(DeletePolicyRequest request) {
      sent("DeletePolicy", request);
      exists = false;
      return DeletePolicyResponse.builder().build();
    }

    @Override
    public String serviceName() {
      return "iam";
    }

    @Override
    public void close() {}
  }
}
