package dev.uba.operator.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** An Amazon Personalize model from data import to a serving campaign, with an event tracker. */
@Group(UbaPipeline.GROUP)
@Version(UbaPipeline.VERSION)
@ShortNames("pm")
@AdditionalPrinterColumn(name = "Ready", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status")
@AdditionalPrinterColumn(name = "Phase", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.phase")
@AdditionalPrinterColumn(name = "Step", type = AdditionalPrinterColumn.Type.STRING, jsonPath = ".status.step")
@AdditionalPrinterColumn(name = "Serving", type = AdditionalPrinterColumn.Type.STRING,
    jsonPath = ".status.solutionVersionArn")
@AdditionalPrinterColumn(name = "Age", type = AdditionalPrinterColumn.Type.DATE, jsonPath = ".metadata.creationTimestamp")
public class PersonalizationModel extends CustomResource<PersonalizationModelSpec, PersonalizationModelStatus>
    implements Namespaced {
  /** The annotation whose changed value asks for a retraining. */
  public static final String RETRAIN_ANNOTATION = "uba.dev/retrain";
}
