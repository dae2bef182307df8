package dev.uba.operator.aws.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.engine.AwsState;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalizeStatesTest {

  @Test
  void personalizeStatusWordsMapToPhases() {
    assertThat(PersonalizeResourceBase.stateOf("ACTIVE", null).phase()).isEqualTo(AwsState.Phase.STABLE);
    assertThat(PersonalizeResourceBase.stateOf("CREATE PENDING", null).phase()).isEqualTo(AwsState.Phase.CREATING);
    assertThat(PersonalizeResourceBase.stateOf("CREATE IN_PROGRESS", null).phase()).isEqualTo(AwsState.Phase.CREATING);
    assertThat(PersonalizeResourceBase.stateOf("DELETE PENDING", null).phase()).isEqualTo(AwsState.Phase.DELETING);
    AwsState failed = PersonalizeResourceBase.stateOf("CREATE FAILED", "No data was found");
    assertThat(failed.phase()).isEqualTo(AwsState.Phase.FAILED);
    assertThat(failed.message()).isEqualTo("No data was found");
    assertThat(PersonalizeResourceBase.stateOf("CREATE STOPPED", null).phase()).isEqualTo(AwsState.Phase.FAILED);
  }

  private static CampaignActual campaign(String deployed, String tps, String updateStatus, String updateVersion) {
    CampaignActual.Update update = updateStatus == null ? null
        : new CampaignActual.Update(updateStatus, updateVersion, "boom");
    return new CampaignActual("c", "arn:c", "ACTIVE", null, deployed, Integer.valueOf(tps), update,
        Map.of("uba.dev/owner", "o"));
  }

  @Test
  void aCampaignWithAnUpdateRunningIsUpdatingAndAFailedUpdateIsFailed() {
    PersonalizeCampaign c = new PersonalizeCampaign(null);
    assertThat(c.state(campaign("v1", "1", null, null)).phase()).isEqualTo(AwsState.Phase.STABLE);
    assertThat(c.state(campaign("v1", "1", "CREATE IN_PROGRESS", "v2")).phase()).isEqualTo(AwsState.Phase.UPDATING);
    assertThat(c.state(campaign("v2", "1", "ACTIVE", "v2")).phase()).isEqualTo(AwsState.Phase.STABLE);
    AwsState failed = c.state(campaign("v1", "1", "CREATE FAILED", "v2"));
    assertThat(failed.phase()).isEqualTo(AwsState.Phase.FAILED);
    assertThat(failed.message()).contains("boom");
  }

  @Test
  void campaignDriftIsTheDeployedVersionAndTps() {
    PersonalizeCampaign c = new PersonalizeCampaign(null);
    var desired = new CampaignDesired("c", "arn:c", "v2", 3, Map.of("uba.dev/owner", "o"));
    assertThat(c.drift(desired, campaign("v1", "1", null, null)).described()).containsExactlyInAnyOrder(
        "solution version v1 -> v2", "minProvisionedTPS 1 -> 3");
    assertThat(c.drift(desired, campaign("v2", "3", null, null)).described()).isEmpty();
  }

  @Test
  void theTrackingIdIsNeverPrinted() {
    var tracker = new EventTrackerActual("t", "arn:t", "ACTIVE", "secret-id", Map.of());
    assertThat(tracker.toString()).doesNotContain("secret-id");
  }
}
