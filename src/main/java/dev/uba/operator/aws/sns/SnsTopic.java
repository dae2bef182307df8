package dev.uba.operator.aws.sns;

import dev.uba.operator.aws.shared.TagIndex;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Tag;

/**
 * A standard SNS topic the operator manages: its KMS key (KmsMasterKeyId), its access policy and its
 * tags. Reads: GetTopicAttributes, and its tags from the region's {@link TagIndex} (ListTagsForResource
 * when the index does not hold them). SNS is synchronous. A topic the user gives by ARN is only looked
 * up ({@link dev.uba.operator.engine.Converger#lookup}), never changed. A created topic's tags are read
 * back rather than recorded: CreateTopic answers with the existing topic when the name is taken.
 */
public final class SnsTopic implements AwsResource<TopicDesired, TopicActual> {
  static final String KMS_KEY = "KmsMasterKeyId";
  static final String POLICY = "Policy";

  private final SnsClient sns;
  private final TagIndex tagIndex;

  /** Reading its own tags on every observe. */
  public SnsTopic(SnsClient sns) {
    this(sns, TagIndex.none());
  }

  public SnsTopic(SnsClient sns, TagIndex tagIndex) {
    this.sns = sns;
    this.tagIndex = tagIndex;
  }

  @Override
  public String kind() {
    return "SnsTopic";
  }

  /**
   * The topic's attributes (GetTopicAttributes) and tags (ListTagsForResource); an existing topic the
   * object only uses ({@link TopicDesired#managed()} false) too, whose tag uba.dev/allow-namespaces
   * says which namespaces may use it.
   */
  @Override
  public Optional<TopicActual> observe(TopicDesired desired) {
    Map<String, String> attributes;
    try {
      attributes = sns.getTopicAttributes(r -> r.topicArn(desired.arn())).attributes();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    Map<String, String> tags;
    try {
      tags = tagIndex.tagsOf(TagIndex.key(desired.arn()), () -> readTags(desired.arn()));
    } catch (NotFoundException e) {
      // deleted between the two reads
      return Optional.empty();
    }
    return Optional.of(new TopicActual(TopicActual.nameOf(desired.arn()), desired.arn(), attributes, tags));
  }

  private Map<String, String> readTags(String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    sns.listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> tags.put(t.key(), t.value()));
    return tags;
  }


  @Override
  public AwsState state(TopicActual actual) {
    return AwsState.stable("Available");
  }


  @Override
  public Drift drift(TopicDesired desired, TopicActual actual) {
    return TopicDrift.of(desired, actual);
  }

  @Override
  public Applied create(TopicDesired desired) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put(POLICY, desired.policy());
    if (desired.kmsKeyId() != null) {
      attributes.put(KMS_KEY, desired.kmsKeyId());
    }
    sns.createTopic(r -> r.name(desired.name()).attributes(attributes).tags(toTags(desired.tags())));
    return Applied.SETTLED;
  }

  @Override
  public Applied update(TopicDesired desired, TopicActual actual, Drift drift) {
    if (drift.has(TopicDrift.KMS_KEY)) {
      // An empty value turns server-side encryption off.
      String key = desired.kmsKeyId() == null ? "" : desired.kmsKeyId();
      sns.setTopicAttributes(r -> r.topicArn(actual.arn()).attributeName(KMS_KEY).attributeValue(key));
    }
    if (drift.has(TopicDrift.POLICY)) {
      sns.setTopicAttributes(r -> r.topicArn(actual.arn()).attributeName(POLICY).attributeValue(desired.policy()));
    }
    Ownership.syncTags(drift,
        remove -> sns.untagResource(r -> r.resourceArn(actual.arn()).tagKeys(remove)),
        set -> sns.tagResource(r -> r.resourceArn(actual.arn()).tags(toTags(set))));
    if (drift.hasTags()) {
      tagIndex.recordChanged(TagIndex.key(actual.arn()), actual.tags(), desired.tags());
    }
    return Applied.SETTLED;
  }

  /** Subscriptions go first (see SnsSubscription); SNS then deletes the topic at once. */
  @Override
  public Applied delete(TopicActual actual) {
    sns.deleteTopic(r -> r.topicArn(actual.arn()));
    tagIndex.forget(TagIndex.key(actual.arn()));
    return Applied.SETTLED;
  }

  private static List<Tag> toTags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }
}
