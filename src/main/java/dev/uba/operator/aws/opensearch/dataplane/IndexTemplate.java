package dev.uba.operator.aws.opensearch.dataplane;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import java.util.Map;
import java.util.Optional;

/**
 * The composable index template on a domain ({@code _index_template/<indexName>}). Read: one GET.
 * Created and corrected by one PUT of the whole template (the API has no partial update); a changed
 * template applies to indices created from then on, existing indices keep their settings and mapping.
 * Not taggable: the object owns it because it owns the domain it lives on.
 */
public final class IndexTemplate implements AwsResource<IndexTemplateDesired, IndexTemplateActual> {
  public static final String KIND = "OpenSearchIndexTemplate";
  /** The state reported in status: OpenSearch has no state word for a template. */
  public static final String INSTALLED = "Installed";

  private final DataPlane dataPlane;

  public IndexTemplate(DataPlane dataPlane) {
    this.dataPlane = dataPlane;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<IndexTemplateActual> observe(IndexTemplateDesired desired) {
    return dataPlane.indexTemplate(desired.name())
        .map(template -> IndexTemplateActual.from(desired.name(), template, desired.id()));
  }

  @Override
  public Map<String, String> tags(IndexTemplateActual actual) {
    return Map.of();
  }

  @Override
  public boolean taggable() {
    return false;
  }

  @Override
  public AwsState state(IndexTemplateActual actual) {
    return AwsState.stable(INSTALLED);
  }

  @Override
  public String arn(IndexTemplateActual actual) {
    return actual.id();
  }

  @Override
  public Drift drift(IndexTemplateDesired desired, IndexTemplateActual actual) {
    return IndexTemplateDrift.of(desired, actual);
  }

  @Override
  public Applied create(IndexTemplateDesired desired) {
    dataPlane.putIndexTemplate(desired.name(), desired.body());
    return Applied.SETTLED;
  }

  /** Whatever differs, the whole template is put again. */
  @Override
  public Applied update(IndexTemplateDesired desired, IndexTemplateActual actual, Drift drift) {
    dataPlane.putIndexTemplate(desired.name(), desired.body());
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(IndexTemplateActual actual) {
    dataPlane.deleteIndexTemplate(actual.name());
    return Applied.SETTLED;
  }
}
