package dev.uba.operator.aws.personalize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.engine.Drift;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.personalize.PersonalizeClient;

/** The drift of each Personalize type (pure), and updates that make only the calls the drift needs. */
class PersonalizeDriftTest {
  private static final Map<String, String> TAGS = Map.of("team", "growth", "uba.dev/managed-by", "uba-operator",
      "uba.dev/owner", "ns/personalizationmodel/m");

  private static Map<String, String> tags(String... kv) {
    Map<String, String> tags = new LinkedHashMap<>(TAGS);
    for (int i = 0; i < kv.length; i += 2) {
      if (kv[i + 1] == null) {
        tags.remove(kv[i]);
      } else {
        tags.put(kv[i], kv[i + 1]);
      }
    }
    return tags;
  }

  @Test
  void aDatasetGroupDiffersInItsTagsOnly() {
    var desired = new DatasetGroupDesired("g", "arn:g", null, TAGS);
    assertThat(PersonalizeDrift.datasetGroup(desired, new DatasetGroupActual("g", "arn:g", "ACTIVE", null, null, TAGS))
        .isEmpty()).isTrue();
    Drift drift = PersonalizeDrift.datasetGroup(desired,
        new DatasetGroupActual("g", "arn:g", "ACTIVE", null, "ECOMMERCE", tags("team", "x", "old", "1", "aws:cf", "y")));
    assertThat(drift.described()).containsExactlyInAnyOrder("tag team", "tag old removed");
    assertThat(drift.hasMoreThanTags()).isFalse();
  }

  @Test
  void aSchemaIsTheSameWhateverItsFormattingAndDiffersInDefinitionOrDomain() {
    var desired = new SchemaDesired("s", "arn:s", "{\"type\":\"record\",\"fields\":[]}", null);
    assertThat(PersonalizeDrift.schema(desired, new SchemaActual("s", "arn:s", "{ \"fields\": [], \"type\": \"record\" }",
        null)).isEmpty()).isTrue();
    assertThat(PersonalizeDrift.schema(desired, new SchemaActual("s", "arn:s", "{\"type\":\"record\",\"fields\":[1]}",
        null)).described()).containsExactly("schema");
    assertThat(PersonalizeDrift.schema(desired, new SchemaActual("s", "arn:s", desired.definition(), "ECOMMERCE"))
        .described()).containsExactly("domain ECOMMERCE -> null");
  }

  @Test
  void datasetsImportJobsTrackersAndSolutionsDifferInTheirTagsOnly() {
    assertThat(PersonalizeDrift.dataset(new DatasetDesired("d", "arn:d", "arn:g", "arn:s1", TAGS),
        new DatasetActual("d", "arn:d", "ACTIVE", "arn:s2", tags("team", "x"))).described())
        .containsExactly("tag team");
    assertThat(PersonalizeDrift.importJob(new ImportJobDesired("j", "arn:j", "arn:d", "s3://b/new/", "arn:r", TAGS),
        new ImportJobActual("j", "arn:j", "ACTIVE", null, "s3://b/old/", TAGS)).isEmpty()).isTrue();
    assertThat(PersonalizeDrift.eventTracker(new EventTrackerDesired("t", null, "arn:g", TAGS),
        new EventTrackerActual("t", "arn:t", "ACTIVE", "id", tags("new", "1"))).described())
        .containsExactly("tag new removed");
    assertThat(PersonalizeDrift.solution(new SolutionDesired("s", "arn:s", "arn:g", "arn:recipe/a", tags("team", "y")),
        new SolutionActual("s", "arn:s", "ACTIVE", "arn:recipe/b", TAGS)).described()).containsExactly("tag team");
  }

  @Test
  void aSolutionVersionNeverDrifts() {
    assertThat(PersonalizeDrift.solutionVersion(new SolutionVersionDesired("s", "arn:v", "arn:s", null, TAGS),
        new SolutionVersionActual("arn:v", "arn:s", "ACTIVE", null, Map.of())).isEmpty()).isTrue();
  }

  @Test
  void aCampaignDiffersInItsVersionTpsAndTags() {
    var desired = new CampaignDesired("c", "arn:c", "v2", 3, TAGS);
    assertThat(PersonalizeDrift.campaign(desired, campaign("v2", 3, TAGS)).isEmpty()).isTrue();
    assertThat(PersonalizeDrift.campaign(desired, campaign("v1", 1, tags("team", null))).described())
        .containsExactly("solution version v1 -> v2", "minProvisionedTPS 1 -> 3", "tag team");
  }

  private static CampaignActual campaign(String version, int tps, Map<String, String> tags) {
    return new CampaignActual("c", "arn:c", "ACTIVE", null, version, tps, null, tags);
  }

  /** A Personalize client that only records which actions are called. */
  private static PersonalizeClient recording(List<String> calls) {
    return (PersonalizeClient) Proxy.newProxyInstance(PersonalizeClient.class.getClassLoader(),
        new Class<?>[] {PersonalizeClient.class}, (proxy, method, args) -> {
          calls.add(method.getName());
          return null;
        });
  }

  @Test
  void aCampaignUpdateMakesOnlyTheCallsItsDriftNeeds() {
    List<String> calls = new ArrayList<>();
    PersonalizeCampaign type = new PersonalizeCampaign(recording(calls));
    var desired = new CampaignDesired("c", "arn:c", "v2", 1, TAGS);

    CampaignActual tagsOnly = campaign("v2", 1, tags("team", "x"));
    type.update(desired, tagsOnly, type.drift(desired, tagsOnly));
    assertThat(calls).containsExactly("tagResource");

    calls.clear();
    CampaignActual otherVersion = campaign("v1", 1, TAGS);
    type.update(desired, otherVersion, type.drift(desired, otherVersion));
    assertThat(calls).containsExactly("updateCampaign");
  }

  @Test
  void aDatasetGroupUpdateOnlySyncsTags() {
    List<String> calls = new ArrayList<>();
    PersonalizeDatasetGroup type = new PersonalizeDatasetGroup(recording(calls));
    var desired = new DatasetGroupDesired("g", "arn:g", null, TAGS);
    var actual = new DatasetGroupActual("g", "arn:g", "ACTIVE", null, null, tags("old", "1"));
    type.update(desired, actual, type.drift(desired, actual));
    assertThat(calls).containsExactly("untagResource");
  }
}
