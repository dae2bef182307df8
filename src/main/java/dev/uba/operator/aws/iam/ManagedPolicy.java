package dev.uba.operator.aws.iam;

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
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * A customer-managed IAM policy, created under its path. Reads: GetPolicy and GetPolicyVersion; a
 * policy of the same name from before the operator used a path is found at its legacy ARN (one more
 * GetPolicy for it). A changed document becomes a new default version; IAM keeps at most 5
 * versions, so the oldest non-default one goes first.
 */
public final class ManagedPolicy implements AwsResource<PolicyDesired, PolicyActual> {
  static final int MAX_VERSIONS = 5;

  private final IamClient iam;

  static final String POLICY_DOCUMENT = "policy document";

  public ManagedPolicy(IamClient iam) {
    this.iam = iam;
  }

  @Override
  public String kind() {
    return "IamPolicy";
  }

  @Override
  public Optional<PolicyActual> observe(PolicyDesired desired) {
    Optional<Policy> found = find(desired.arn());
    if (found.isEmpty() && desired.legacyArn() != null) {
      found = find(desired.legacyArn());
    }
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Policy policy = found.get();
    String document = iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
        .policyVersion().document();
    return Optional.of(new PolicyActual(policy.policyName(), policy.arn(), policy.defaultVersionId(), document,
        IamRole.IamTags.toMap(policy.tags())));
  }


  private Optional<Policy> find(String arn) {
    try {
      return Optional.of(iam.getPolicy(r -> r.policyArn(arn)).policy());
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
    iam.createPolicy(r -> r.policyName(desired.name()).path(desired.path()).description(desired.description())
        .policyDocument(desired.document()).tags(IamRole.IamTags.toList(desired.tags())));
    return Applied.SETTLED;
  }

  @Override
  public Applied update(PolicyDesired desired, PolicyActual actual, Drift drift) {
    if (drift.has(POLICY_DOCUMENT)) {
      makeRoomForVersion(actual.arn());
      iam.createPolicyVersion(r -> r.policyArn(actual.arn()).policyDocument(desired.document()).setAsDefault(true));
    }
    Ownership.syncTags(desired.tags(), actual.tags(),
        remove -> iam.untagPolicy(r -> r.policyArn(actual.arn()).tagKeys(remove)),
        set -> iam.tagPolicy(r -> r.policyArn(actual.arn()).tags(IamRole.IamTags.toList(set))));
    return Applied.SETTLED;
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
