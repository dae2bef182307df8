package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.engine.Names;
import java.util.regex.Pattern;

/**
 * The names of a model's resources (pure): dataset group &lt;namespace&gt;-&lt;name&gt; (or
 * spec.datasetGroupName), schema &lt;namespace&gt;-&lt;name&gt;-interactions, dataset
 * &lt;namespace&gt;-&lt;name&gt;-interactions, solution, campaign and event tracker
 * &lt;namespace&gt;-&lt;name&gt;, import jobs &lt;namespace&gt;-&lt;name&gt;-&lt;n&gt;, the data-access role
 * &lt;namespace&gt;-&lt;name&gt;-personalize and the Secret &lt;name&gt;-personalize.
 */
public record ModelNames(String ownerId, String namespace, String name, String datasetGroup, String schema,
    String dataset, String solution, String campaign, String eventTracker, String role, String secret) {
  public static final String KIND = "PersonalizationModel";
  /** Personalize names: 1-63 of [a-zA-Z0-9][a-zA-Z0-9-_]*. */
  public static final Names.NameRule PERSONALIZE = new Names.NameRule(63, Pattern.compile("[^a-zA-Z0-9_-]"));

  public static ModelNames of(PersonalizationModel model) {
    String ns = model.getMetadata().getNamespace();
    String name = model.getMetadata().getName();
    String given = model.getSpec().getDatasetGroupName();
    String base = Names.awsName(PERSONALIZE, ns, KIND, name, "");
    return new ModelNames(Names.ownerId(ns, KIND, name), ns, name,
        given != null && !given.isBlank() ? given : base,
        Names.awsName(PERSONALIZE, ns, KIND, name, "-interactions"),
        Names.awsName(PERSONALIZE, ns, KIND, name, "-interactions"),
        base, base, base,
        Names.awsName(Names.IAM_ROLE, ns, KIND, name, "-personalize"),
        name + "-personalize");
  }

  /** The n-th dataset import job. */
  public String importJob(int n) {
    return Names.awsName(PERSONALIZE, namespace, KIND, name, "-" + n);
  }
}
