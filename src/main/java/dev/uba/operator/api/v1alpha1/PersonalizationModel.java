package dev.uba.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * An Amazon Personalize model from data import to a serving campaign, with an event tracker. The
 * printer columns are listed in the order {@code kubectl get} shows them (CrdGeneration keeps it).
 */
@JsonClassDescription("An Amazon Personalize model trained on a pipeline's interactions: dataset group, schema, "
    + "interactions dataset, import job, solution, solution version and the campaign that serves it, an event "
    + "tracker whose tracking ID goes into the Secret <name>-personalize, and optional retraining on a timer or "
    + "on the uba.dev/retrain annotation. status.step says which step runs.")
@Group(UbaPipeline.GROUP)
@Version(UbaPipeline.VERSION)
@ShortNames({"ubapm", "ubamodel"})
@Categories(UbaPipeline.CATEGORY)
@AdditionalPrinterColumn(name = "Step", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.step")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = UbaPipeline.READY_STATUS)
@AdditionalPrinterColumn(name = "Phase", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Serving", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.solutionVersionArn", priority = 1)
@AdditionalPrinterColumn(name = "Message", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = UbaPipeline.READY_MESSAGE, priority = 1)
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class PersonalizationModel extends CustomResource<PersonalizationModelSpec, PersonalizationModelStatus>
    implements Namespaced {
  /** The annotation whose changed value asks for a retraining. */
  public static final String RETRAIN_ANNOTATION = "uba.dev/retrain";

  @Override
  @JsonPropertyDescription("The model as declared: training data, recipe, campaign and retraining.")
  public PersonalizationModelSpec getSpec() { return super.getSpec(); }

  @Override
  @JsonPropertyDescription("What exists in AWS, which step runs and what is wrong, written by the operator only.")
  public PersonalizationModelStatus getStatus() { return super.getStatus(); }
}
