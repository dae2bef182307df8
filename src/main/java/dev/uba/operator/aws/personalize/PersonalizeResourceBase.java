package dev.uba.operator.aws.personalize;

import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.personalize.PersonalizeClient;
import software.amazon.awssdk.services.personalize.model.ResourceNotFoundException;
import software.amazon.awssdk.services.personalize.model.Tag;

/**
 * What the Personalize resource types share: the status words of the API reference
 * ("CREATE PENDING > CREATE IN_PROGRESS > ACTIVE -or- CREATE FAILED", "DELETE PENDING > DELETE
 * IN_PROGRESS"), tags read with ListTagsForResource and kept in sync with TagResource and
 * UntagResource, and Describe's ResourceNotFoundException meaning absent.
 *
 * @param <D> the type's desired state
 * @param <A> the type's actual state
 */
abstract class PersonalizeResourceBase<D extends PersonalizeDesired, A extends PersonalizeActual>
    implements AwsResource<D, A> {
  protected final PersonalizeClient personalize;

  PersonalizeResourceBase(PersonalizeClient personalize) {
    this.personalize = personalize;
  }

  /** The resource's state from its Personalize status word. */
  public static AwsState stateOf(String status, String failureReason) {
    String word = status == null ? "UNKNOWN" : status;
    if (word.equals("ACTIVE")) {
      return AwsState.stable(word);
    }
    if (word.startsWith("DELETE")) {
      return AwsState.of(word, AwsState.Phase.DELETING);
    }
    if (word.equals("CREATE FAILED") || word.equals("CREATE STOPPED") || word.equals("CREATE STOPPING")) {
      return new AwsState(word, AwsState.Phase.FAILED, failureReason == null
          ? (word.equals("CREATE FAILED") ? "" : "stopped before it finished") : failureReason);
    }
    if (word.startsWith("CREATE")) {
      return AwsState.of(word, AwsState.Phase.CREATING);
    }
    return AwsState.of(word, AwsState.Phase.UPDATING);
  }

  static <T> Optional<T> absentIfNotFound(Supplier<T> describe) {
    try {
      return Optional.of(describe.get());
    } catch (ResourceNotFoundException e) {
      return Optional.empty();
    }
  }

  Map<String, String> readTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    personalize.listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.tagKey(), t.tagValue()));
    return tags;
  }

  static List<Tag> tagList(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().tagKey(e.getKey()).tagValue(e.getValue()).build()).toList();
  }

  @Override
  public Map<String, String> tags(A actual) {
    return actual.tags();
  }

  @Override
  public AwsState state(A actual) {
    return stateOf(actual.status(), actual.failureReason());
  }

  @Override
  public String arn(A actual) {
    return actual.arn();
  }

  /** Most types change only their tags in place. */
  @Override
  public Applied update(D desired, A actual, Drift drift) {
    if (drift.hasTags()) {
      syncTags(desired, actual);
    }
    return Applied.SETTLED;
  }

  void syncTags(D desired, A actual) {
    Ownership.syncTags(desired.tags(), actual.tags(),
        remove -> personalize.untagResource(r -> r.resourceArn(actual.arn()).tagKeys(remove)),
        set -> personalize.tagResource(r -> r.resourceArn(actual.arn()).tags(tagList(set))));
  }
}
