package dev.uba.operator.aws.opensearch.dataplane;

import dev.uba.operator.engine.AwsFailure;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.util.Map;
import java.util.Optional;

/**
 * The ISM retention policy on a domain ({@code _plugins/_ism/policies/<indexName>-retention}). Read:
 * one GET, which also gives the sequence number and primary term. Corrected by a PUT conditional on
 * them ({@code if_seq_no}, {@code if_primary_term}): when someone changed the policy after it was
 * read, OpenSearch answers 409, which is reported (Progressing, Updating) and the policy is read and
 * corrected again on the next pass. ISM applies a changed policy to the indices it attaches from then
 * on; indices it already manages keep the version they started with. Not taggable: the object owns
 * it because it owns the domain it lives on.
 */
public final class IsmPolicy implements AwsResource<IsmPolicyDesired, IsmPolicyActual> {
  public static final String KIND = "OpenSearchIsmPolicy";

  private final DataPlane dataPlane;

  public IsmPolicy(DataPlane dataPlane) {
    this.dataPlane = dataPlane;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<IsmPolicyActual> observe(IsmPolicyDesired desired) {
    return dataPlane.ismPolicy(desired.name())
        .map(read -> IsmPolicyActual.from(desired.name(), read.policy(), read.version(), desired.id()));
  }

  @Override
  public Map<String, String> tags(IsmPolicyActual actual) {
    return Map.of();
  }

  @Override
  public boolean taggable() {
    return false;
  }

  @Override
  public AwsState state(IsmPolicyActual actual) {
    return AwsState.stable(IndexTemplate.INSTALLED);
  }

  @Override
  public String arn(IsmPolicyActual actual) {
    return actual.id();
  }

  @Override
  public Drift drift(IsmPolicyDesired desired, IsmPolicyActual actual) {
    return IsmPolicyDrift.of(desired, actual);
  }

  /** ISM refuses (409) to create a policy that exists: one created meanwhile is read on the next pass. */
  @Override
  public Applied create(IsmPolicyDesired desired) {
    dataPlane.putIsmPolicy(desired.name(), desired.body(), null);
    return Applied.SETTLED;
  }

  @Override
  public Applied update(IsmPolicyDesired desired, IsmPolicyActual actual, Drift drift) {
    try {
      dataPlane.putIsmPolicy(desired.name(), desired.body(), actual.version());
    } catch (DataPlaneException e) {
      if (!e.isConflict()) {
        throw e;
      }
      throw new AwsFailure(Outcome.progressing(Reasons.UPDATING, KIND + " " + desired.name()
          + " was changed by someone else after the operator read it at " + actual.version()
          + "; it is read and corrected again on the next pass (" + e.outcome().message() + ")"), e);
    }
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(IsmPolicyActual actual) {
    dataPlane.deleteIsmPolicy(actual.name());
    return Applied.SETTLED;
  }
}
