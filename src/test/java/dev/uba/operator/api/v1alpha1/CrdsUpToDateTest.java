package dev.uba.operator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRDs in crds/ are what users install: they must be exactly what the crd-generator makes from
 * the model during this build. Refresh them with {@code mvn -Pupdate-crds process-classes}.
 */
class CrdsUpToDateTest {
  private static final Path GENERATED = Path.of("target/classes/META-INF/fabric8");
  private static final Path COMMITTED = Path.of("crds");

  @Test
  void committedCrdsMatchTheModel() throws IOException {
    List<Path> generated;
    try (Stream<Path> files = Files.list(GENERATED)) {
      generated = files.filter(p -> p.getFileName().toString().endsWith("-v1.yml")).sorted().toList();
    }
    assertThat(generated).as("CRDs generated from the model").isNotEmpty();
    for (Path crd : generated) {
      Path committed = COMMITTED.resolve(crd.getFileName());
      assertThat(committed).as("%s is committed; run mvn -Pupdate-crds process-classes", committed).exists();
      assertThat(Files.readString(committed))
          .as("%s differs from the model; run mvn -Pupdate-crds process-classes and commit it", committed)
          .isEqualTo(Files.readString(crd));
    }
    try (Stream<Path> files = Files.list(COMMITTED)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .as("every committed CRD is still generated from the model")
          .containsExactlyInAnyOrderElementsOf(generated.stream().map(p -> p.getFileName().toString()).toList());
    }
  }
}
