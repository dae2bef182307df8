package dev.uba.operator.aws.iam;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.PolicyDocuments;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * An IAM role with a trust policy, one inline policy and (when configured) a permissions boundary,
 * created under its path. Reads: GetRole and GetRolePolicy; a role is found by name whatever its path.
 * IAM is synchronous, so every write is settled when it returns. Documents are compared semantically.
 */
public final class IamRole implements AwsResource<RoleDesired, RoleActual> {
  private final IamClient iam;

  public IamRole(IamClient iam) {
    this.iam = iam;
  }

  @Override
  public String kind() {
    return "IamRole";
  }

  @Override
  public Optional<RoleActual> observe(RoleDesired desired) {
    Role role;
    try {
      role = iam.getRole(r -> r.roleName(desired.name())).role();
    } catch (NoSuchEntityException e) {
      return Optional.empty();
    }
    String inline;
    try {
      inline = iam.getRolePolicy(r -> r.roleName(desired.name()).policyName(desired.inlinePolicyName())).policyDocument();
    } catch (NoSuchEntityException e) {
      inline = null;
    }
    String boundary = role.permissionsBoundary() == null ? null : role.permissionsBoundary().permissionsBoundaryArn();
    return Optional.of(new RoleActual(role.roleName(), role.arn(), role.assumeRolePolicyDocument(), inline, boundary,
        IamTags.toMap(role.tags())));
  }


  @Override
  public AwsState state(RoleActual actual) {
    return AwsState.stable("Available");
  }


  @Override
  public Drift drift(RoleDesired desired, RoleActual actual) {
    return RoleDrift.of(desired, actual);
  }

  @Override
  public Applied create(RoleDesired desired) {
    iam.createRole(r -> r.roleName(desired.name()).path(desired.path()).description(desired.description())
        .assumeRolePolicyDocument(desired.trustPolicy()).permissionsBoundary(desired.permissionsBoundary())
        .tags(IamTags.toList(desired.tags())));
    iam.putRolePolicy(r -> r.roleName(desired.name()).policyName(desired.inlinePolicyName())
        .policyDocument(desired.inlinePolicy()));
    return Applied.SETTLED;
  }

  @Override
  public Applied update(RoleDesired desired, RoleActual actual, Drift drift) {
    if (drift.has(RoleDrift.TRUST_POLICY)) {
      iam.updateAssumeRolePolicy(r -> r.roleName(desired.name()).policyDocument(desired.trustPolicy()));
    }
    if (drift.has(RoleDrift.PERMISSIONS_BOUNDARY)) {
      // Before the inline policy: what the role may do is capped first, then widened.
      iam.putRolePermissionsBoundary(r -> r.roleName(desired.name()).permissionsBoundary(desired.permissionsBoundary()));
    }
    if (drift.has(RoleDrift.inlinePolicy(desired))) {
      iam.putRolePolicy(r -> r.roleName(desired.name()).policyName(desired.inlinePolicyName())
          .policyDocument(desired.inlinePolicy()));
    }
    if (!drift.hasTags()) {
      return Applied.SETTLED;
    }
    Ownership.syncTags(desired.tags(), actual.tags(),
        remove -> iam.untagRole(r -> r.roleName(desired.name()).tagKeys(remove)),
        set -> iam.tagRole(r -> r.roleName(desired.name()).tags(IamTags.toList(set))));
    return Applied.SETTLED;
  }

  /** IAM refuses to delete a role with policies or instance profiles: remove those first. */
  @Override
  public Applied delete(RoleActual actual) {
    String name = actual.name();
    iam.listRolePoliciesPaginator(r -> r.roleName(name)).policyNames()
        .forEach(p -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(p)));
    iam.listAttachedRolePoliciesPaginator(r -> r.roleName(name)).attachedPolicies()
        .forEach(p -> iam.detachRolePolicy(r -> r.roleName(name).policyArn(p.policyArn())));
    iam.listInstanceProfilesForRolePaginator(r -> r.roleName(name)).instanceProfiles()
        .forEach(p -> iam.removeRoleFromInstanceProfile(r -> r.roleName(name).instanceProfileName(p.instanceProfileName())));
    iam.deleteRole(r -> r.roleName(name));
    return Applied.SETTLED;
  }

  /** Conversions between IAM's tag list and a map. */
  static final class IamTags {
    private IamTags() {}

    static Map<String, String> toMap(List<Tag> tags) {
      Map<String, String> map = new LinkedHashMap<>();
      if (tags != null) {
        tags.forEach(t -> map.put(t.key(), t.value()));
      }
      return map;
    }

    static List<Tag> toList(Map<String, String> tags) {
      return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
    }
  }
}
