package dev.uba.operator.personalization;

import static org.assertj.core.api.Assertions.assertThat;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelSpec;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.api.v1alpha1.UbaPipelineSpec;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The referenced pipeline's tags are the model's default tags, read from the informer cache; when
 * the cache cannot answer, the inherited tags stay where they are (never stripped).
 */
class ModelPipelineTagsTest {
  private static final String GROUP = "analytics-recs";

  private final ModelFakes fakes = new ModelFakes();
  private final PersonalizationModel model = ModelValidationTest.model();
  private final AtomicReference<Function<ResourceID, Optional<UbaPipeline>>> cache = new AtomicReference<>();
  private final PersonalizationModelReconciler reconciler = fakes.reconciler(id -> cache.get().apply(id));

  ModelPipelineTagsTest() {
    PersonalizationModelSpec.PipelineRef ref = new PersonalizationModelSpec.PipelineRef();
    ref.setName("clickstream");
    model.getSpec().setPipelineRef(ref);
    model.getSpec().setTags(new LinkedHashMap<>(Map.of("team", "growth")));
    answers(Map.of("team", "platform", "costcenter", "42"));
  }

  private void answers(Map<String, String> tags) {
    UbaPipeline pipeline = new UbaPipeline();
    pipeline.setMetadata(new ObjectMetaBuilder().withNamespace("analytics").withName("clickstream").build());
    UbaPipelineSpec spec = new UbaPipelineSpec();
    spec.setTags(new LinkedHashMap<>(tags));
    pipeline.setSpec(spec);
    cache.set(id -> id.equals(new ResourceID("clickstream", "analytics")) ? Optional.of(pipeline) : Optional.empty());
  }

  private void cannotAnswer() {
    cache.set(id -> {
      throw new IllegalStateException("the informer cache is not available");
    });
  }

  private Map<String, String> groupTags() {
    return fakes.groups.held(GROUP).orElseThrow().tags();
  }

  @Test
  void thePipelinesTagsAreDefaultsUnderTheModelsOwn() {
    fakes.untilReady(reconciler, model, 12);
    assertThat(groupTags()).containsEntry("costcenter", "42").containsEntry("team", "growth")
        .containsEntry("uba.dev/owner", "analytics/personalizationmodel/recs");
    assertThat(fakes.campaigns.held(GROUP).orElseThrow().tags()).containsEntry("costcenter", "42");

    // A change of the pipeline's tags reaches every resource.
    answers(Map.of("costcenter", "43"));
    fakes.aws.clearJournal();
    fakes.pass(reconciler, model);
    assertThat(groupTags()).containsEntry("costcenter", "43");
    assertThat(fakes.aws.writes()).contains("update PersonalizeDatasetGroup " + GROUP,
        "update PersonalizeCampaign " + GROUP);
  }

  @Test
  void aCacheThatCannotAnswerKeepsTheTagsOfThePreviousPass() {
    fakes.untilReady(reconciler, model, 12);
    cannotAnswer();
    fakes.aws.clearJournal();

    fakes.pass(reconciler, model);
    assertThat(fakes.aws.writes()).isEmpty();
    assertThat(groupTags()).containsEntry("costcenter", "42");

    // The model's own tags are still kept in sync meanwhile, the inherited ones with them.
    model.getSpec().getTags().put("team", "research");
    model.getMetadata().setGeneration(2L);
    fakes.pass(reconciler, model);
    assertThat(fakes.aws.writes()).contains("update PersonalizeDatasetGroup " + GROUP);
    assertThat(groupTags()).containsEntry("team", "research").containsEntry("costcenter", "42");
  }

  @Test
  void aRestartedOperatorWhoseCacheCannotAnswerLeavesTagsAsTheyAre() {
    fakes.untilReady(reconciler, model, 12);
    cannotAnswer();
    fakes.aws.clearJournal();

    // A new reconciler knows no previous pass: the pass changes no tag at all.
    fakes.pass(fakes.reconciler(id -> cache.get().apply(id)), model);
    assertThat(fakes.aws.writes()).isEmpty();
    assertThat(groupTags()).containsEntry("costcenter", "42");
    assertThat(fakes.campaigns.held(GROUP).orElseThrow().tags()).containsEntry("costcenter", "42");
  }

  @Test
  void aPipelineThatDoesNotExistContributesNoTags() {
    cache.set(id -> Optional.empty());
    fakes.untilReady(reconciler, model, 12);
    assertThat(groupTags()).doesNotContainKey("costcenter").containsEntry("team", "growth");
  }
}
