package dev.uba.operator.aws.logs;

import dev.uba.operator.engine.Drift;
import java.util.Objects;

/** Differences between the log group the spec asks for and the one CloudWatch Logs reports (pure). */
public final class LogGroupDrift {
  public static final String RETENTION = "retention";

  private LogGroupDrift() {}

  public static Drift of(LogGroupDesired desired, LogGroupActual actual) {
    return Drift.builder()
        .fieldIf(!Objects.equals(desired.retentionDays(), actual.retentionDays()), RETENTION,
            desired.retentionDays() + " days",
            actual.retentionDays() == null ? "never expire" : actual.retentionDays() + " days")
        .tags(desired.tags(), actual.tags())
        .build();
  }
}
