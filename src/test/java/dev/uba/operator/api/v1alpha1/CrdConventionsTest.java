package dev.uba.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What users of kubectl see of the CRDs in crds/ (equal to the generated ones, CrdsUpToDateTest):
 * {@code kubectl explain} describes every field, {@code kubectl get uba} lists all three kinds, the
 * short names are the project's own, and the columns read identifying column, READY, PHASE, AGE,
 * with the Ready condition's message at {@code -o wide}. README.md, "Install and run", documents them.
 */
class CrdConventionsTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String READY = ".status.conditions[?(@.type==\"Ready\")]";

  /** kind → short names, identifying column: as documented in README.md. */
  private static final Map<String, List<String>> SHORT_NAMES = Map.of(
      "UbaPipeline", List.of("ubap", "ubapipe"),
      "AnomalyAlert", List.of("ubaa", "ubaalert"),
      "PersonalizationModel", List.of("ubapm", "ubamodel"));
  private static final Map<String, String> IDENTIFYING_COLUMN = Map.of(
      "UbaPipeline", "Stream", "AnomalyAlert", "Alarm State", "PersonalizationModel", "Step");

  @ParameterizedTest
  @ValueSource(strings = {"ubapipelines", "anomalyalerts", "personalizationmodels"})
  void everyFieldOfSpecAndStatusAndTheKindItselfHaveADescription(String plural) throws IOException {
    JsonNode schema = version(crd(plural)).at("/schema/openAPIV3Schema");
    List<String> undescribed = new ArrayList<>();
    List<String> described = new ArrayList<>();
    walk(schema, plural, undescribed, described);

    assertThat(schema.path("description").asText()).as("%s: the kind's description", plural).isNotBlank();
    assertThat(described).as("%s: described fields", plural)
        .contains(plural + ".spec", plural + ".status", plural + ".status.conditions[].reason");
    assertThat(undescribed).as("%s: fields kubectl explain shows without a description", plural).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ubapipelines", "anomalyalerts", "personalizationmodels"})
  void theKindIsInTheCategoryUbaWithTheProjectsOwnShortNames(String plural) throws IOException {
    JsonNode names = crd(plural).at("/spec/names");
    String kind = names.path("kind").asText();

    assertThat(texts(names.path("categories"))).as("%s categories", kind).containsExactly("uba");
    assertThat(texts(names.path("shortNames"))).as("%s short names", kind)
        .containsExactlyElementsOf(SHORT_NAMES.get(kind))
        .allSatisfy(name -> assertThat(name).as("a short name of %s", kind).startsWith("uba"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ubapipelines", "anomalyalerts", "personalizationmodels"})
  void columnsReadIdentifyingColumnReadyPhaseAgeAndTheReadyMessageAtWide(String plural) throws IOException {
    JsonNode crd = crd(plural);
    String kind = crd.at("/spec/names/kind").asText();
    List<JsonNode> columns = StreamSupport.stream(version(crd).path("additionalPrinterColumns").spliterator(), false)
        .toList();

    assertThat(columns.stream().filter(c -> c.path("priority").asInt() == 0).map(c -> c.path("name").asText()))
        .as("%s: the columns of kubectl get, in order", kind)
        .containsExactly(IDENTIFYING_COLUMN.get(kind), "Ready", "Phase", "Age");
    assertThat(columns.get(columns.size() - 1).path("jsonPath").asText()).as("%s: the last column", kind)
        .isEqualTo(".metadata.creationTimestamp");
    assertThat(columns).as("%s: the Ready column", kind)
        .anySatisfy(c -> {
          assertThat(c.path("name").asText()).isEqualTo("Ready");
          assertThat(c.path("jsonPath").asText()).isEqualTo(READY + ".status");
        })
        .as("%s: the Ready condition's message, at -o wide", kind)
        .anySatisfy(c -> {
          assertThat(c.path("name").asText()).isEqualTo("Message");
          assertThat(c.path("jsonPath").asText()).isEqualTo(READY + ".message");
          assertThat(c.path("priority").asInt()).isEqualTo(1);
        });
  }

  /** Every property below spec and status, through array items and map values. */
  private static void walk(JsonNode node, String path, List<String> undescribed, List<String> described) {
    node.path("properties").fields().forEachRemaining(property -> {
      String child = path + "." + property.getKey();
      (property.getValue().path("description").asText().isBlank() ? undescribed : described).add(child);
      walk(property.getValue(), child, undescribed, described);
    });
    if (node.has("items")) {
      walk(node.path("items"), path + "[]", undescribed, described);
    }
    if (node.path("additionalProperties").isObject()) {
      walk(node.path("additionalProperties"), path + "{}", undescribed, described);
    }
  }

  private static JsonNode crd(String plural) throws IOException {
    return YAML.readTree(Path.of("crds", plural + ".uba.dev-v1.yml").toFile());
  }

  private static JsonNode version(JsonNode crd) {
    return crd.at("/spec/versions/0");
  }

  private static List<String> texts(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
