package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OwnershipTest {
  private static final String ME = "default/ubapipeline/clickstream";

  @Test
  void tagsAreTheSpecTagsPlusTheTwoOwnershipTags() {
    assertThat(Ownership.tags(Map.of("team", "growth"), ME)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "team", "growth", "uba.dev/managed-by", "uba-operator", "uba.dev/owner", ME));
    assertThat(Ownership.tags(null, ME)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "uba.dev/managed-by", "uba-operator", "uba.dev/owner", ME));
  }

  @Test
  void ownershipTagsCannotBeOverriddenBySpecTags() {
    assertThat(Ownership.tags(Map.of("uba.dev/owner", "other/ubapipeline/x"), ME)).containsEntry("uba.dev/owner", ME);
  }

  @Test
  void aResourceTaggedWithOurOwnerIdIsOurs() {
    assertThat(Ownership.refusal("KinesisStream", "default-clickstream",
        Map.of("uba.dev/owner", ME, "uba.dev/managed-by", "uba-operator"), ME)).isEmpty();
  }

  @Test
  void aResourceOwnedByAnotherObjectIsRefused() {
    Optional<Outcome> refusal = Ownership.refusal("KinesisStream", "default-clickstream",
        Map.of("uba.dev/owner", "other/ubapipeline/clickstream"), ME);
    assertThat(refusal).isPresent();
    assertThat(refusal.get().reason()).isEqualTo("OwnedByAnother");
    assertThat(refusal.get().isDegraded()).isTrue();
    assertThat(refusal.get().message()).contains("default-clickstream").contains("other/ubapipeline/clickstream");
  }

  @Test
  void aResourceWithoutOwnerTagIsNotAdopted() {
    Optional<Outcome> refusal = Ownership.refusal("IamRole", "default-clickstream-ingest", Map.of("team", "growth"), ME);
    assertThat(refusal).isPresent();
    assertThat(refusal.get().reason()).isEqualTo("AlreadyExists");
    assertThat(refusal.get().isDegraded()).isTrue();
    assertThat(refusal.get().message()).contains("default-clickstream-ingest");
  }

  @Test
  void tagDriftNamesChangedAddedAndRemovedTags() {
    Map<String, String> desired = Map.of("team", "growth", "env", "prod");
    Map<String, String> actual = Map.of("team", "search", "old", "x");
    assertThat(Ownership.tagDrift(desired, actual).described())
        .containsExactlyInAnyOrder("tag team", "tag env", "tag old removed");
    assertThat(Ownership.tagDrift(desired, Map.of("team", "growth", "env", "prod")).described()).isEmpty();
  }

  @Test
  void awsReservedTagsAreIgnored() {
    Map<String, String> desired = Map.of("team", "growth");
    Map<String, String> actual = Map.of("team", "growth", "aws:cloudformation:stack-name", "x", "aws:createdBy", "y");
    assertThat(Ownership.tagDrift(desired, actual).described()).isEmpty();
    assertThat(Ownership.tagKeysToRemove(desired, actual)).isEmpty();
    assertThat(Ownership.tagsToSet(desired, actual)).isEmpty();
  }

  @Test
  void tagKeysToRemoveAndTagsToSetBringActualToDesired() {
    Map<String, String> desired = Map.of("team", "growth", "env", "prod", "same", "1");
    Map<String, String> actual = Map.of("team", "search", "old", "x", "same", "1", "aws:foo", "bar");
    assertThat(Ownership.tagKeysToRemove(desired, actual)).containsExactly("old");
    assertThat(Ownership.tagsToSet(desired, actual)).containsExactlyInAnyOrderEntriesOf(
        Map.of("team", "growth", "env", "prod"));
  }

  @Test
  void syncTagsCallsTheServiceOnlyForWhatDiffers() {
    List<Object> calls = new ArrayList<>();
    Ownership.syncTags(Map.of("team", "growth"), Map.of("team", "growth", "aws:x", "y"), calls::add, calls::add);
    assertThat(calls).as("no call when in sync").isEmpty();

    Ownership.syncTags(Map.of("team", "growth", "env", "prod"), Map.of("team", "search", "old", "x"),
        calls::add, calls::add);
    assertThat(calls).containsExactly(List.of("old"), Map.of("team", "growth", "env", "prod"));
  }

  @Test
  void syncTagsFromADriftCallsTheServiceForTheTagsItNames() {
    List<Object> calls = new ArrayList<>();
    Drift inSync = Drift.builder().field("retention", 30, 30).tags(Map.of("team", "growth"), Map.of("team", "growth"))
        .build();
    Ownership.syncTags(inSync, calls::add, calls::add);
    assertThat(calls).as("no call without tag differences").isEmpty();

    Drift drift = Drift.builder().field("retention", 30, 7)
        .tags(Map.of("team", "growth", "env", "prod"), Map.of("team", "search", "old", "x", "aws:y", "z")).build();
    Ownership.syncTags(drift, calls::add, calls::add);
    assertThat(calls).containsExactly(List.of("old"), Map.of("team", "growth", "env", "prod"));
  }
}
