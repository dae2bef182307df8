package dev.uba.operator.testenv.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Prefixes and object names of "Custom prefixes for Amazon S3 objects" and "Configure Amazon S3 object name format". */
class S3ObjectKeysTest {

  private static final Instant T = Instant.parse("2018-08-27T10:30:00Z");

  @Test
  void timestampExpressionsAreEvaluatedInUtc() {
    assertThat(S3ObjectKeys.evaluatePrefix("events/!{timestamp:yyyy}/!{timestamp:MM}/!{timestamp:dd}/", T, null))
        .isEqualTo("events/2018/08/27/");
    assertThat(S3ObjectKeys.evaluatePrefix("myPrefix/year=!{timestamp:yyyy}/hour=!{timestamp:HH}/", T, null))
        .isEqualTo("myPrefix/year=2018/hour=10/");
  }

  @Test
  void aPrefixWithoutATimestampExpressionGetsTheDefaultTimePrefix() {
    assertThat(S3ObjectKeys.evaluatePrefix("backup/", T, null)).isEqualTo("backup/2018/08/27/10/");
    assertThat(S3ObjectKeys.evaluatePrefix("", T, null)).isEqualTo("2018/08/27/10/");
    assertThat(S3ObjectKeys.evaluatePrefix(null, T, null)).isEqualTo("2018/08/27/10/");
  }

  @Test
  void firehoseExpressions() {
    assertThat(S3ObjectKeys.evaluatePrefix("errors/!{firehose:error-output-type}/!{timestamp:yyyy}/", T,
        "AmazonOpenSearchService_failed")).isEqualTo("errors/AmazonOpenSearchService_failed/2018/");
    assertThat(S3ObjectKeys.evaluatePrefix("r/!{firehose:random-string}/!{timestamp:yyyy}/", T, null))
        .matches("r/[a-z0-9]{11}/2018/");
  }

  @Test
  void objectNamesCarryStreamVersionTimeAndUuid() {
    assertThat(S3ObjectKeys.suffix("events", 3, T, true))
        .matches("events-3-2018-08-27-10-30-00-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.gz");
    assertThat(S3ObjectKeys.suffix("events", 1, T, false)).doesNotEndWith(".gz");
  }
}
