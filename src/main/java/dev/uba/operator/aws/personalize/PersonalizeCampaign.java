package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A campaign deploying one solution version. A different version or TPS is applied with
 * UpdateCampaign; AWS keeps serving the deployed version until latestCampaignUpdate is ACTIVE, and
 * the campaign is UPDATING meanwhile; a failed update is FAILED and is made again by
 * {@link #retry}. Reads: DescribeCampaign, ListTagsForResource.
 */
public final class PersonalizeCampaign extends PersonalizeResourceBase<CampaignDesired, CampaignActual> {
  public static final String KIND = "PersonalizeCampaign";

  public PersonalizeCampaign(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<CampaignActual> observe(CampaignDesired desired) {
    return absentIfNotFound(() -> {
      var c = personalize.describeCampaign(r -> r.campaignArn(desired.arn())).campaign();
      var update = c.latestCampaignUpdate();
      CampaignActual.Update latest = update == null || update.status() == null ? null
          : new CampaignActual.Update(update.status(), update.solutionVersionArn(), update.failureReason());
      return new CampaignActual(c.name(), c.campaignArn(), c.status(), c.failureReason(), c.solutionVersionArn(),
          c.minProvisionedTPS(), latest, readTags(c.campaignArn()));
    });
  }

  /** ACTIVE with an update still running is UPDATING; a failed latest update is FAILED with AWS's reason. */
  @Override
  public AwsState state(CampaignActual actual) {
    AwsState own = super.state(actual);
    CampaignActual.Update update = actual.latestUpdate();
    if (own.phase() != AwsState.Phase.STABLE || update == null || update.status().equals("ACTIVE")) {
      return own;
    }
    if (update.status().equals("CREATE FAILED")) {
      if (Objects.equals(update.solutionVersionArn(), actual.solutionVersionArn())) {
        return own;
      }
      return new AwsState("UPDATE FAILED", AwsState.Phase.FAILED,
          "the update to " + update.solutionVersionArn() + " failed: " + update.failureReason());
    }
    return AwsState.of("UPDATE " + update.status(), AwsState.Phase.UPDATING);
  }

  @Override
  public Drift drift(CampaignDesired desired, CampaignActual actual) {
    return PersonalizeDrift.campaign(desired, actual);
  }

  @Override
  public Applied create(CampaignDesired desired) {
    personalize.createCampaign(r -> r.name(desired.name()).solutionVersionArn(desired.solutionVersionArn())
        .minProvisionedTPS(desired.minProvisionedTps()).tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  /** Tags with TagResource and UntagResource; the version and the TPS with UpdateCampaign. */
  @Override
  public Applied update(CampaignDesired desired, CampaignActual actual, Drift drift) {
    if (drift.hasTags()) {
      syncTags(desired, actual);
    }
    if (!drift.hasAny(PersonalizeDrift.SOLUTION_VERSION, PersonalizeDrift.MIN_PROVISIONED_TPS)) {
      return Applied.SETTLED;
    }
    return deploy(desired, actual);
  }

  /**
   * A failed update leaves the campaign ACTIVE and serving its deployed version: the update is
   * made again. A campaign whose creation failed is deleted and created anew.
   */
  @Override
  public Applied retry(CampaignDesired desired, CampaignActual actual) {
    if (super.state(actual).phase() == AwsState.Phase.STABLE) {
      return deploy(desired, actual);
    }
    return delete(actual);
  }

  private Applied deploy(CampaignDesired desired, CampaignActual actual) {
    personalize.updateCampaign(r -> r.campaignArn(actual.arn()).solutionVersionArn(desired.solutionVersionArn())
        .minProvisionedTPS(desired.minProvisionedTps()));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(CampaignActual actual) {
    personalize.deleteCampaign(r -> r.campaignArn(actual.arn()));
    return Applied.ASYNC;
  }
}
