package dev.uba.operator.aws.iam;

import dev.uba.operator.aws.budget.RateBudgetInterceptor;
import dev.uba.operator.engine.AwsBudgetExhaustedException;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.PolicyDocuments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * A customer-managed IAM policy, created under its path. Reads: GetPolicy and GetPolicyVersion,
 * through the partition's {@link PolicyIndex} (see {@link #observe}); a policy of the same name from
 * before the operator used a path is found at its legacy ARN (one more GetPolicy for it). A changed
 * document becomes a new default version; IAM keeps at most 5 versions, so the oldest non-default
 * one goes first.
 */
public final class ManagedPolicy implements AwsResource<PolicyDesired, PolicyActual> {
  static final int MAX_VERSIONS = 5;
  /** IAM's most tags on one resource: ListPolicyTags answers in one page. */
  static final int MAX_TAGS = 50;

  static final String POLICY_DOCUMENT = "policy document";

  private final IamClient iam;
  private final PolicyIndex policies;

  /** Every pass reads the policy in full. */
  public ManagedPolicy(IamClient iam) {
    this(iam, PolicyIndex.none());
  }

  /** Reads through what the partition's objects share of their policies. */
  public ManagedPolicy(IamClient iam, PolicyIndex policies) {
    this.iam = iam;
    this.policies = policies;
  }

  @Override
  public String kind() {
    return "IamPolicy";
  }

  /**
   * What a pass needs to know of the policy: a read younger than half the resync interval as it is; a
   * read whose default version IAM's listing confirms with its tags refreshed by a GetPolicy if IAM's
   * budget allows it (at once; or, for tags read over two intervals ago, within the usual short wait,
   * which puts them first), else by ListPolicyTags if its budget is there at once, otherwise as it
   * is, its tags left to a later pass; else GetPolicy, and GetPolicyVersion unless the version's
   * document is known.
   */
  @Override
  public Optional<PolicyActual> observe(PolicyDesired desired) {
    Optional<PolicyActual> recent = atEitherArn(desired, policies::recentRead);
    if (recent.isPresent()) {
      return recent;
    }
    Optional<PolicyActual> confirmed = policies.confirmedRead(desired.arn());
    Optional<Policy> found;
    if (confirmed.isPresent()) {
      try {
        found = find(desired.arn(), !policies.overdue(desired.arn()));
      } catch (AwsBudgetExhaustedException noGetPolicyBudget) {
        return withTagsIfBudgetNow(confirmed.get());
      }
    } else {
      found = find(desired.arn(), false);
      if (found.isEmpty() && desired.legacyArn() != null) {
        found = find(desired.legacyArn(), false);
      }
    }
    if (found.isEmpty()) {
      policies.forget(desired.arn());
      if (desired.legacyArn() != null) {
        policies.forget(desired.legacyArn());
      }
      return Optional.empty();
    }
    Policy policy = found.get();
    String document = policies.knownDocument(policy.arn(), policy.defaultVersionId())
        .orElseGet(() -> iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
            .policyVersion().document());
    PolicyActual actual = new PolicyActual(policy.policyName(), policy.arn(), policy.defaultVersionId(), document,
        IamRole.IamTags.toMap(policy.tags()));
    policies.read(actual);
    return Optional.of(actual);
  }

  /**
   * The confirmed read with its tags from ListPolicyTags, if that operation's budget is there now:
   * IAM keeps a token bucket per API, so tags read either way come twice as often as GetPolicy alone
   * allows. Without budget, the read as it is.
   */
  private Optional<PolicyActual> withTagsIfBudgetNow(PolicyActual known) {
    try {
      Map<String, String> tags = IamRole.IamTags.toMap(iam.listPolicyTags(r -> r.policyArn(known.arn())
          .maxItems(MAX_TAGS).overrideConfiguration(RateBudgetInterceptor::ifBudgetNow)).tags());
      PolicyActual actual = new PolicyActual(known.name(), known.arn(), known.defaultVersionId(), known.document(),
          tags);
      policies.read(actual);
      return Optional.of(actual);
    } catch (AwsBudgetExhaustedException noBudgetNow) {
      return Optional.of(known);
    } catch (NoSuchEntityException gone) {
      policies.forget(known.arn());
      return Optional.empty();
    }
  }

  private static Optional<PolicyActual> atEitherArn(PolicyDesired desired,
      Function<String, Optional<PolicyActual>> lookup) {
    Optional<PolicyActual> atPath = lookup.apply(desired.arn());
    return atPath.isPresent() || desired.legacyArn() == null ? atPath : lookup.apply(desired.legacyArn());
  }

  /** GetPolicy; {@code ifBudgetNow}: only if IAM's budget is there at once (see {@link RateBudgetInterceptor}). */
  private Optional<Policy> find(String arn, boolean ifBudgetNow) {
    try {
      return Optional.of(iam.getPolicy(r -> {
        r.policyArn(arn);
        if (ifBudgetNow) {
          r.overrideConfiguration(RateBudgetInterceptor::ifBudgetNow);
        }
      }).policy());
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
  }

  @Override
  public AwsState state(PolicyActual actual) {
    return AwsState.stable("Available");
  }


  @Override
  public Drift drift(PolicyDesired desired, PolicyActual actual) {
    return Drift.builder()
        .namedIf(!PolicyDocuments.equivalent(desired.document(), actual.document()), POLICY_DOCUMENT,
            desired.document(), actual.document())
        .tags(desired.tags(), actual.tags())
        .build();
  }

  @Override
  public Applied create(PolicyDesired desired) {
    Policy created = iam.createPolicy(r -> r.policyName(desired.name()).path(desired.path())
        .description(desired.description()).policyDocument(desired.document())
        .tags(IamRole.IamTags.toList(desired.tags()))).policy();
    policies.changed(desired.arn(), created.defaultVersionId());
    return Applied.SETTLED;
  }

  /** A policy deleted behind the operator's back since it was read is read again by the next pass. */
  @Override
  public Applied update(PolicyDesired desired, PolicyActual actual, Drift drift) {
    try {
      String version = actual.defaultVersionId();
      if (drift.has(POLICY_DOCUMENT)) {
        makeRoomForVersion(actual.arn());
        version = iam.createPolicyVersion(r -> r.policyArn(actual.arn()).policyDocument(desired.document())
            .setAsDefault(true)).policyVersion().versionId();
      }
      Ownership.syncTags(desired.tags(), actual.tags(),
          remove -> iam.untagPolicy(r -> r.policyArn(actual.arn()).tagKeys(remove)),
          set -> iam.tagPolicy(r -> r.policyArn(actual.arn()).tags(IamRole.IamTags.toList(set))));
      policies.changed(actual.arn(), version);
      return Applied.SETTLED;
    } catch (NoSuchEntityException gone) {
      policies.forget(actual.arn());
      throw gone;
    }
  }

  private void makeRoomForVersion(String arn) {
    List<PolicyVersion> versions = iam.listPolicyVersions(r -> r.policyArn(arn)).versions();
    if (versions.size() < MAX_VERSIONS) {
      return;
    }
    versions.stream()
        .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
        .min(Comparator.comparing(PolicyVersion::createDate))
        .ifPresent(oldest -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(oldest.versionId())));
  }

  /**
   * IAM refuses to delete an attached policy or one with non-default versions. The policy is
   * detached from every role, user and group first, and an Event names them.
   */
  @Override
  public Applied delete(PolicyActual actual) {
    try {
      return deleteDetached(actual);
    } catch (NoSuchEntityException alreadyGone) {
      return Applied.SETTLED; // deleted behind the operator's back since it was read
    } finally {
      policies.forget(actual.arn());
    }
  }

  private Applied deleteDetached(PolicyActual actual) {
    String arn = actual.arn();
    List<String> detached = new ArrayList<>();
    for (ListEntitiesForPolicyResponse page : iam.listEntitiesForPolicyPaginator(r -> r.policyArn(arn))) {
      page.policyRoles().forEach(role -> {
        iam.detachRolePolicy(r -> r.roleName(role.roleName()).policyArn(arn));
        detached.add("role " + role.roleName());
      });
      page.policyUsers().forEach(user -> {
        iam.detachUserPolicy(r -> r.userName(user.userName()).policyArn(arn));
        detached.add("user " + user.userName());
      });
      page.policyGroups().forEach(group -> {
        iam.detachGroupPolicy(r -> r.groupName(group.groupName()).policyArn(arn));
        detached.add("group " + group.groupName());
      });
    }
    iam.listPolicyVersions(r -> r.policyArn(arn)).versions().stream()
        .filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
        .forEach(v -> iam.deletePolicyVersion(r -> r.policyArn(arn).versionId(v.versionId())));
    iam.deletePolicy(r -> r.policyArn(arn));
    return detached.isEmpty() ? Applied.SETTLED : Applied.SETTLED.noting("Detached",
        "IamPolicy " + actual.name() + " detached from " + String.join(", ", detached) + " before deletion");
  }
}
