package dev.uba.operator.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import dev.uba.operator.api.v1alpha1.AnomalyAlert;
import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.CustomResource;
import java.io.File;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Build step (not part of the operator; run by the build in process-classes): generates the CRDs
 * from the model with fabric8's crd-generator and adds the two things its annotations cannot say.
 * <ul>
 *   <li>The kind's own description (what {@code kubectl explain ubapipeline} shows), from the
 *       {@link JsonClassDescription} on the kind's class.</li>
 *   <li>The printer columns in the order they are declared on the class: the generator sorts them
 *       by JSON path, which would put AGE first; users read the identifying column, READY, PHASE,
 *       and AGE last.</li>
 * </ul>
 */
public final class CrdGeneration {
  /** Every kind the operator serves; a new kind is added here. */
  static final List<Class<? extends CustomResource<?, ?>>> KINDS =
      List.of(UbaPipeline.class, AnomalyAlert.class, PersonalizationModel.class);

  private CrdGeneration() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CrdGeneration OUTPUT_DIRECTORY");
    }
    File output = new File(args[0]);
    if (!output.isDirectory() && !output.mkdirs()) {
      throw new IllegalStateException("cannot create " + output);
    }
    int written = new CRDGenerator()
        .customResourceClasses(KINDS.stream().<Class<? extends HasMetadata>>map(k -> k).toList())
        .forCRDVersions("v1")
        .withPostProcessor(new KindConventions())
        .inOutputDir(output)
        .generate();
    if (written != KINDS.size()) {
      throw new IllegalStateException("generated " + written + " CRDs for " + KINDS.size() + " kinds");
    }
  }

  /** Applies the kind's description and column order to its generated CRD. */
  static final class KindConventions implements CRDPostProcessor {
    private final Map<String, Class<?>> kindsByName =
        KINDS.stream().collect(Collectors.toMap(Class::getSimpleName, Function.identity()));

    @Override
    public HasMetadata process(HasMetadata generated, String crdSpecVersion) {
      if (!(generated instanceof CustomResourceDefinition crd)) {
        return generated;
      }
      Class<?> kind = kindsByName.get(crd.getSpec().getNames().getKind());
      if (kind == null) {
        return generated;
      }
      JsonClassDescription description = kind.getAnnotation(JsonClassDescription.class);
      List<String> declaredColumns = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
          .map(AdditionalPrinterColumn::name).toList();
      for (CustomResourceDefinitionVersion version : crd.getSpec().getVersions()) {
        if (description != null) {
          version.getSchema().getOpenAPIV3Schema().setDescription(description.value());
        }
        if (version.getAdditionalPrinterColumns() != null) {
          version.getAdditionalPrinterColumns().sort(Comparator.comparingInt(
              (CustomResourceColumnDefinition column) -> positionOf(declaredColumns, column.getName())));
        }
      }
      return crd;
    }

    /** Declared columns in their order; a column from a field annotation goes after them. */
    private static int positionOf(List<String> declared, String name) {
      int index = declared.indexOf(name);
      return index < 0 ? declared.size() : index;
    }
  }
}
