package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/**
 * A campaign deploying one solution version. Params: solutionVersionArn, minProvisionedTPS. A
 * different version or TPS is applied with UpdateCampaign; AWS keeps serving the deployed version
 * until latestCampaignUpdate is ACTIVE, and the campaign is UPDATING meanwhile; a failed update is
 * FAILED and is made again by {@link #retry}. Reads:
 * DescribeCampaign, ListTagsForResource.
 */
public final class PersonalizeCampaign extends PersonalizeResourceBase {
  public static final String DEPLOYED_VERSION = "solutionVersionArn";
  public static final String TPS = "minProvisionedTPS";

  public PersonalizeCampaign(PersonalizeClient personalize) {
    super(personalize);
  }

  @Override
  public String kind() {
    return "PersonalizeCampaign";
  }

  @Override
  public Optional<PersonalizeActual> observe(PersonalizeDesired desired) {
    return absentIfNotFound(() -> {
      var c = personalize.describeCampaign(r -> r.campaignArn(desired.arn())).campaign();
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put(DEPLOYED_VERSION, String.valueOf(c.solutionVersionArn()));
      fields.put(TPS, String.valueOf(c.minProvisionedTPS()));
      var update = c.latestCampaignUpdate();
      if (update != null && update.status() != null) {
        fields.put("updateStatus", update.status());
        fields.put("updateVersion", String.valueOf(update.solutionVersionArn()));
        if (update.failureReason() != null) {
          fields.put("updateFailureReason", update.failureReason());
        }
      }
      return new PersonalizeActual(c.name(), c.campaignArn(), c.status(), c.failureReason(), readTags(c.campaignArn()),
          fields);
    });
  }

  /** ACTIVE with an update still running is UPDATING; a failed latest update is FAILED with AWS's reason. */
  @Override
  public AwsState state(PersonalizeActual actual) {
    AwsState own = super.state(actual);
    String update = actual.field("updateStatus");
    if (own.phase() != AwsState.Phase.STABLE || update == null || update.equals("ACTIVE")) {
      return own;
    }
    if (update.equals("CREATE FAILED")) {
      if (Objects.equals(actual.field("updateVersion"), actual.field(DEPLOYED_VERSION))) {
        return own;
      }
      return new AwsState("UPDATE FAILED", AwsState.Phase.FAILED,
          "the update to " + actual.field("updateVersion") + " failed: " + actual.field("updateFailureReason"));
    }
    return AwsState.of("UPDATE " + update, AwsState.Phase.UPDATING);
  }

  @Override
  public Drift drift(PersonalizeDesired desired, PersonalizeActual actual) {
    return Drift.builder()
        .field("solution version", desired.param(DEPLOYED_VERSION), actual.field(DEPLOYED_VERSION))
        .field("minProvisionedTPS", desired.param(TPS), actual.field(TPS))
        .addAll(super.drift(desired, actual))
        .build();
  }

  @Override
  public Applied create(PersonalizeDesired desired) {
    personalize.createCampaign(r -> r.name(desired.name()).solutionVersionArn(desired.param(DEPLOYED_VERSION))
        .minProvisionedTPS(Integer.valueOf(desired.param(TPS))).tags(tagList(desired.tags())));
    return Applied.ASYNC;
  }

  @Override
  public Applied update(PersonalizeDesired desired, PersonalizeActual actual, Drift drift) {
    if (drift.hasTags()) {
      syncTags(desired, actual);
    }
    if (!drift.hasMoreThanTags()) {
      return Applied.SETTLED;
    }
    return deploy(desired, actual);
  }

  /**
   * A failed update leaves the campaign ACTIVE and serving its deployed version: the update is
   * made again. A campaign whose creation failed is deleted and created anew.
   */
  @Override
  public Applied retry(PersonalizeDesired desired, PersonalizeActual actual) {
    if (super.state(actual).phase() == AwsState.Phase.STABLE) {
      return deploy(desired, actual);
    }
    return delete(actual);
  }

  private Applied deploy(PersonalizeDesired desired, PersonalizeActual actual) {
    personalize.updateCampaign(r -> r.campaignArn(actual.arn()).solutionVersionArn(desired.param(DEPLOYED_VERSION))
        .minProvisionedTPS(Integer.valueOf(desired.param(TPS))));
    return Applied.ASYNC;
  }

  @Override
  public Applied delete(PersonalizeActual actual) {
    personalize.deleteCampaign(r -> r.campaignArn(actual.arn()));
    return Applied.ASYNC;
  }
}
