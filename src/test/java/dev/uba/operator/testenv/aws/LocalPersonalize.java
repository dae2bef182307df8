package dev.uba.operator.testenv.aws;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Test control of the local Amazon Personalize ({@link PersonalizeEmulator}): how long each
 * resource type's transitional states last, and faults a test arranges on purpose.
 *
 * <pre>{@code
 * aws.personalize().transitionalDescribes(3);                       // every resource type
 * aws.personalize().of(LocalPersonalize.Resource.SOLUTION_VERSION)   // one resource type
 *     .transitionalDescribes(10).maxDuration(Duration.ofSeconds(1));
 * aws.personalize().failNextTraining("Insufficient data to train a model.");
 * aws.personalize().failNextCreate(LocalPersonalize.Resource.SOLUTION, "Recipe not supported.");
 * }</pre>
 *
 * <p>With {@code n} transitional describes, a created resource is reported {@code CREATE PENDING}
 * by the first describe and {@code CREATE IN_PROGRESS} by the following {@code n - 1}; the next
 * request sees its final state ({@code ACTIVE} or {@code CREATE FAILED}). A deleted resource is
 * reported {@code DELETE PENDING} (then {@code DELETE IN_PROGRESS} where the API reference lists
 * that state) for {@code n} describes, then it is gone. Zero describes: every change is final at
 * once. The defaults ({@value Lifecycle#DEFAULT_TRANSITIONAL_DESCRIBES} describes, no time limit)
 * come back with {@link LocalAws#reset()}. Thread-safe.
 */
public final class LocalPersonalize {

  /** The Personalize resource types that have a status. Schemas have none (they are final at once). */
  public enum Resource {
    /** CreateDatasetGroup / DeleteDatasetGroup. */
    DATASET_GROUP,
    /** CreateDataset / DeleteDataset. */
    DATASET,
    /** CreateDatasetImportJob. */
    DATASET_IMPORT_JOB,
    /** CreateEventTracker / DeleteEventTracker. */
    EVENT_TRACKER,
    /** CreateSolution / DeleteSolution. */
    SOLUTION,
    /** CreateSolutionVersion (training), StopSolutionVersionCreation. */
    SOLUTION_VERSION,
    /** CreateCampaign / UpdateCampaign ({@code latestCampaignUpdate}) / DeleteCampaign. */
    CAMPAIGN,
    /** CreateFilter / DeleteFilter. */
    FILTER
  }

  private final Map<Resource, TransitionSettings> settings = new EnumMap<>(Resource.class);
  private final Map<Resource, Deque<String>> createFailures = new EnumMap<>(Resource.class);
  private final Deque<String> campaignUpdateFailures = new ArrayDeque<>();

  LocalPersonalize() {
    for (Resource r : Resource.values()) {
      settings.put(r, new TransitionSettings(Lifecycle.DEFAULT_TRANSITIONAL_DESCRIBES));
      createFailures.put(r, new ArrayDeque<>());
    }
  }

  /** The transitional states of one resource type. */
  public TransitionSettings of(Resource resource) {
    return settings.get(Objects.requireNonNull(resource));
  }

  /** Every resource type: transitional states last {@code n} describes. */
  public LocalPersonalize transitionalDescribes(int n) {
    settings.values().forEach(s -> s.transitionalDescribes(n));
    return this;
  }

  /** Every resource type: transitional states also end after {@code d} (null: no time limit). */
  public LocalPersonalize maxDuration(Duration d) {
    settings.values().forEach(s -> s.maxDuration(d));
    return this;
  }

  /** Every resource type: no transitional states. */
  public LocalPersonalize instant() {
    settings.values().forEach(TransitionSettings::instant);
    return this;
  }

  /** Every resource type: back to the default transitional states. */
  public LocalPersonalize defaults() {
    settings.values().forEach(TransitionSettings::defaults);
    return this;
  }

  /**
   * The next CreateSolutionVersion (of any solution) trains and then ends {@code CREATE FAILED}
   * with {@code failureReason} set to {@code reason}, as a training that fails on AWS does. Calls
   * queue up: each failure applies to one further solution version.
   */
  public LocalPersonalize failNextTraining(String reason) {
    return failNextCreate(Resource.SOLUTION_VERSION, reason);
  }

  /**
   * The next resource of this type that is created (and would become ACTIVE) passes through its
   * creating states and ends {@code CREATE FAILED}, as AWS reports a creation that failed (for an
   * import job: besides the failures the emulator finds itself). {@code reason} is the
   * {@code failureReason}, which the SDK reads only where the type's Describe has one (dataset
   * groups, import jobs, solution versions, campaigns). Calls queue up: each failure applies to
   * one further resource of the type.
   */
  public synchronized LocalPersonalize failNextCreate(Resource resource, String reason) {
    createFailures.get(Objects.requireNonNull(resource)).addLast(Objects.requireNonNull(reason));
    return this;
  }

  /**
   * The next UpdateCampaign runs and then fails: {@code latestCampaignUpdate} is CREATE FAILED
   * with {@code failureReason} {@code reason}, and the campaign stays ACTIVE with the version and
   * settings it deployed before. Calls queue up.
   */
  public synchronized LocalPersonalize failNextCampaignUpdate(String reason) {
    campaignUpdateFailures.addLast(Objects.requireNonNull(reason));
    return this;
  }

  /** The next arranged campaign update failure, consumed, or null. */
  synchronized String takeCampaignUpdateFailure() {
    return campaignUpdateFailures.pollFirst();
  }

  /** Training failures arranged with {@link #failNextTraining} and not used yet. */
  public int pendingTrainingFailures() {
    return pendingCreateFailures(Resource.SOLUTION_VERSION);
  }

  /** Creation failures of this type arranged with {@link #failNextCreate} and not used yet. */
  public synchronized int pendingCreateFailures(Resource resource) {
    return createFailures.get(resource).size();
  }

  /** The next arranged creation failure of this type, consumed, or null. */
  synchronized String takeCreateFailure(Resource resource) {
    return createFailures.get(resource).pollFirst();
  }

  /** Forgets arranged faults (the transition settings are reset by {@link #defaults()}). */
  public synchronized void clearFaults() {
    createFailures.values().forEach(Deque::clear);
    campaignUpdateFailures.clear();
  }

  @Override
  public String toString() {
    return settings.toString();
  }
}
