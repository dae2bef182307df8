package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The tags a model inherits: the spec.tags of the UbaPipeline its spec.pipelineRef names, as the
 * informer cache holds it (no API call). A pipeline that does not exist (yet) contributes none;
 * nothing waits on it. When the cache cannot answer, inherited tags are never stripped: the tags
 * of the model's previous pass are used, or, with none known (a restarted operator), the pass is
 * told that the inherited tags are unknown and leaves tags as they are.
 */
final class PipelineTags {
  /** The inherited tags, or (known false) that they cannot be told this pass. */
  record Inherited(Map<String, String> tags, boolean known) {
    static Inherited unknown() {
      return new Inherited(Map.of(), false);
    }
  }

  private record Remembered(String pipeline, Map<String, String> tags) {}

  private final Map<ResourceID, Remembered> previous = new ConcurrentHashMap<>();

  /**
   * @param cache the pipeline by its id, as the informer holds it; throws when it cannot answer
   */
  Inherited of(PersonalizationModel model, Function<ResourceID, Optional<UbaPipeline>> cache) {
    ResourceID self = ResourceID.fromResource(model);
    var ref = model.getSpec().getPipelineRef();
    if (ref == null || ref.getName() == null || ref.getName().isBlank()) {
      previous.remove(self);
      return new Inherited(Map.of(), true);
    }
    Optional<UbaPipeline> pipeline;
    try {
      pipeline = cache.apply(new ResourceID(ref.getName(), model.getMetadata().getNamespace()));
    } catch (RuntimeException e) {
      Remembered last = previous.get(self);
      return last != null && last.pipeline().equals(ref.getName()) ? new Inherited(last.tags(), true)
          : Inherited.unknown();
    }
    Map<String, String> tags = pipeline.map(p -> p.getSpec() == null || p.getSpec().getTags() == null
        ? Map.<String, String>of() : Collections.unmodifiableMap(new LinkedHashMap<>(p.getSpec().getTags())))
        .orElse(Map.of());
    previous.put(self, new Remembered(ref.getName(), tags));
    return new Inherited(tags, true);
  }

  /** The model is gone: nothing to remember of it. */
  void forget(ResourceID model) {
    previous.remove(model);
  }
}
