package dev.uba.operator.testenv.aws;

import java.time.Duration;

/**
 * Settings of the simulated intermediate states, per service. By default each lasts
 * {@value #DEFAULT_TRANSITIONAL_DESCRIBES} describes; {@link #instant()} turns them all off (the
 * emulator's own behaviour). What each service simulates is described in {@link KinesisLifecycle},
 * {@link OpenSearchLifecycle}, {@link FirehoseLifecycle} and {@link PersonalizeEmulator}.
 *
 * <pre>{@code
 * aws.lifecycle().kinesis().transitionalDescribes(3);
 * aws.lifecycle().openSearch().transitionalDescribes(1000).maxDuration(Duration.ofSeconds(2));
 * aws.lifecycle().personalize().of(LocalPersonalize.Resource.SOLUTION_VERSION).transitionalDescribes(5);
 * aws.lifecycle().instant();
 * }</pre>
 */
public final class Lifecycle {

  /** Describes that report an intermediate state unless configured otherwise. */
  public static final int DEFAULT_TRANSITIONAL_DESCRIBES = 2;

  private final TransitionSettings kinesis = new TransitionSettings(DEFAULT_TRANSITIONAL_DESCRIBES);
  private final TransitionSettings openSearch = new TransitionSettings(DEFAULT_TRANSITIONAL_DESCRIBES);
  private final TransitionSettings firehose = new TransitionSettings(DEFAULT_TRANSITIONAL_DESCRIBES);
  private final LocalPersonalize personalize = new LocalPersonalize();

  /** Kinesis stream states CREATING, UPDATING, DELETING. */
  public TransitionSettings kinesis() {
    return kinesis;
  }

  /** OpenSearch domain processing states Creating, Modifying, UpgradingEngineVersion, Deleting. */
  public TransitionSettings openSearch() {
    return openSearch;
  }

  /** Firehose delivery stream states CREATING, DELETING. */
  public TransitionSettings firehose() {
    return firehose;
  }

  /**
   * Amazon Personalize statuses (CREATE PENDING, CREATE IN_PROGRESS, DELETE PENDING, ...), per
   * resource type; the same object as {@link LocalAws#personalize()}.
   */
  public LocalPersonalize personalize() {
    return personalize;
  }

  /** Every service: the same number of transitional describes. */
  public Lifecycle transitionalDescribes(int n) {
    kinesis.transitionalDescribes(n);
    openSearch.transitionalDescribes(n);
    firehose.transitionalDescribes(n);
    personalize.transitionalDescribes(n);
    return this;
  }

  /** Every service: the same time limit (null for none). */
  public Lifecycle maxDuration(Duration d) {
    kinesis.maxDuration(d);
    openSearch.maxDuration(d);
    firehose.maxDuration(d);
    personalize.maxDuration(d);
    return this;
  }

  /** Every service: no intermediate states; every change is final at once. */
  public Lifecycle instant() {
    kinesis.instant();
    openSearch.instant();
    firehose.instant();
    personalize.instant();
    return this;
  }

  /** Every service: back to the defaults. */
  public Lifecycle defaults() {
    kinesis.defaults();
    openSearch.defaults();
    firehose.defaults();
    personalize.defaults();
    return this;
  }

  @Override
  public String toString() {
    return "kinesis: " + kinesis + ", openSearch: " + openSearch + ", firehose: " + firehose
        + ", personalize: " + personalize;
  }
}
