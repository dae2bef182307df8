package dev.uba.operator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpecProblemsTest {

  @Test
  void noProblemsIsEmpty() {
    SpecProblems problems = new SpecProblems();
    problems.checkTags(Map.of("team", "growth"));
    problems.checkTags(null);
    assertThat(problems.checkRegion("us-east-1", "eu-west-1", "us-east-1")).isEqualTo("us-east-1");
    assertThat(problems.outcome()).isEmpty();
  }

  @Test
  void reservedTagKeysAreRefusedNamingTheKey() {
    SpecProblems problems = new SpecProblems();
    problems.checkTags(Map.of("uba.dev/owner", "me"));
    Optional<Outcome> outcome = problems.outcome();
    assertThat(outcome).isPresent();
    assertThat(outcome.get().kind()).isEqualTo(Outcome.Kind.INVALID_SPEC);
    assertThat(outcome.get().reason()).isEqualTo("InvalidSpec");
    assertThat(outcome.get().message()).contains("spec.tags[uba.dev/owner]");

    SpecProblems aws = new SpecProblems();
    aws.checkTags(Map.of("aws:cloudformation:stack-name", "x"));
    assertThat(aws.outcome()).get().extracting(Outcome::message).asString()
        .contains("spec.tags[aws:cloudformation:stack-name]");
  }

  @Test
  void moreThanEightTagsAreRefused() {
    Map<String, String> tags = new LinkedHashMap<>();
    for (int i = 0; i < 9; i++) {
      tags.put("k" + i, "v");
    }
    SpecProblems problems = new SpecProblems();
    problems.checkTags(tags);
    assertThat(problems.outcome()).get().extracting(Outcome::message).asString().contains("spec.tags");
  }

  @Test
  void theOperatorRegionIsTheDefault() {
    SpecProblems problems = new SpecProblems();
    assertThat(problems.checkRegion(null, "eu-west-1", null)).isEqualTo("eu-west-1");
    assertThat(problems.checkRegion("  ", "eu-west-1", null)).isEqualTo("eu-west-1");
    assertThat(problems.outcome()).isEmpty();
  }

  @Test
  void aMissingRegionIsInvalidSpec() {
    SpecProblems problems = new SpecProblems();
    problems.checkRegion(null, null, null);
    assertThat(problems.outcome()).isPresent();
    assertThat(problems.outcome().get().reason()).isEqualTo("InvalidSpec");
    assertThat(problems.outcome().get().message()).startsWith("spec.region");
  }

  @Test
  void aChangedRegionIsImmutableField() {
    SpecProblems problems = new SpecProblems();
    problems.checkRegion("eu-west-1", "us-east-1", "us-east-1");
    Outcome outcome = problems.outcome().orElseThrow();
    assertThat(outcome.reason()).isEqualTo("ImmutableField");
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.INVALID_SPEC);
    assertThat(outcome.message()).contains("spec.region").contains("us-east-1").contains("eu-west-1");
  }

  @Test
  void aChangedOperatorRegionIsImmutableFieldForObjectsWithoutSpecRegion() {
    SpecProblems problems = new SpecProblems();
    problems.checkRegion(null, "eu-west-1", "us-east-1");
    assertThat(problems.outcome().orElseThrow().reason()).isEqualTo("ImmutableField");
  }

  @Test
  void allProblemsAreReportedAndTheFirstGivesTheReason() {
    SpecProblems problems = new SpecProblems();
    problems.immutable("spec.stream.name", "a", "b");
    problems.invalid("spec.stream.shards", "must not be set");
    Outcome outcome = problems.outcome().orElseThrow();
    assertThat(outcome.reason()).isEqualTo("ImmutableField");
    assertThat(outcome.message()).contains("spec.stream.name").contains("spec.stream.shards");
  }
}
