package dev.uba.operator.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart installs the CRDs from helm/uba-operator/crds: they must be the repository's crds/
 * (themselves kept equal to the model by CrdsUpToDateTest). {@code mvn -Pupdate-crds process-classes}
 * refreshes both.
 */
class HelmCrdsUpToDateTest {
  private static final Path REPO = Path.of("crds");
  private static final Path CHART = Path.of("helm/uba-operator/crds");

  @Test
  void theChartsCrdsAreTheRepositorysCrds() throws IOException {
    List<String> repo = names(REPO);
    assertThat(repo).isNotEmpty();
    assertThat(names(CHART)).as("CRD files in %s; run mvn -Pupdate-crds process-classes", CHART)
        .containsExactlyElementsOf(repo);
    for (String name : repo) {
      assertThat(Files.readString(CHART.resolve(name)))
          .as("%s differs from %s; run mvn -Pupdate-crds process-classes", CHART.resolve(name), REPO.resolve(name))
          .isEqualTo(Files.readString(REPO.resolve(name)));
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
          .sorted().toList();
    }
  }
}
