package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.uba.operator.packaging.CrdAcceptedChanges.Verdict;
import dev.uba.operator.packaging.CrdCompatibility.Incompatibility;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs generated from the model in this build must stay backward compatible with the CRDs of the
 * last release (src/test/resources/crd-baseline), unless a change is listed, with its reason, in
 * accepted-changes.txt there. See README.md, "CRD compatibility".
 */
class CrdCompatibilityTest {
  private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");
  private static final Path BASELINE = Path.of("src/test/resources/crd-baseline");
  private static final Path ACCEPTED = BASELINE.resolve("accepted-changes.txt");

  @Test
  void generatedCrdsAreCompatibleWithTheLastRelease() throws IOException {
    Map<String, JsonNode> baseline = crds(BASELINE);
    Map<String, JsonNode> generated = crds(GENERATED);
    assertThat(baseline).as("CRDs in %s", BASELINE).isNotEmpty();
    assertThat(generated).as("CRDs generated from the model in %s", GENERATED).isNotEmpty();

    CrdAcceptedChanges accepted = CrdAcceptedChanges.parse(Files.readAllLines(ACCEPTED));
    assertThat(accepted.errors()).as("mistakes in %s", ACCEPTED).isEmpty();

    List<Incompatibility> found = CrdCompatibility.compare(baseline, generated);
    Verdict verdict = accepted.judge(found);
    StringBuilder problems = new StringBuilder();
    if (!verdict.refused().isEmpty()) {
      problems.append(String.format("""
          The CRDs generated from the model are incompatible with the last release's (%s):
          %s
          Users who stored objects under the released CRDs could lose fields or have their objects refused.
          Change the model back, or, for a deliberate and reviewed change, add each line up to its colon
          to %s, followed by an indented "reason:" line (see README.md, "CRD compatibility").
          """, BASELINE, CrdCompatibility.describe(verdict.refused()), ACCEPTED));
    }
    if (!verdict.stale().isEmpty()) {
      problems.append(String.format("""
          Entries of %s that match no reported change any more; remove them:
          %s
          """, ACCEPTED, verdict.stale().stream().map(e -> "  line " + e.line() + ": " + e.key())
          .collect(Collectors.joining("\n"))));
    }
    if (!problems.isEmpty()) {
      fail(problems.toString());
    }
  }

  /** The CRDs of a directory, by metadata.name. */
  private static Map<String, JsonNode> crds(Path dir) throws IOException {
    Map<String, JsonNode> crds = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(p -> p.getFileName().toString().endsWith("-v1.yml")).sorted().toList()) {
        JsonNode crd = CrdCompatibility.parse(Files.readString(file));
        assertThat(crd.path("kind").asText()).as("kind of %s", file).isEqualTo("CustomResourceDefinition");
        crds.put(crd.path("metadata").path("name").asText(), crd);
      }
    }
    return crds;
  }
}
