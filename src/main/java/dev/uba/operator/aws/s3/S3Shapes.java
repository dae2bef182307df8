package dev.uba.operator.aws.s3;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** The SDK's S3 shapes to and from the archive's values (pure). */
final class S3Shapes {
  private S3Shapes() {}

  static PublicAccessBlock publicAccessBlock(PublicAccessBlockConfiguration c) {
    return c == null ? null : new PublicAccessBlock(on(c.blockPublicAcls()), on(c.ignorePublicAcls()),
        on(c.blockPublicPolicy()), on(c.restrictPublicBuckets()));
  }

  static PublicAccessBlockConfiguration publicAccessBlock(PublicAccessBlock b) {
    return PublicAccessBlockConfiguration.builder().blockPublicAcls(b.blockPublicAcls())
        .ignorePublicAcls(b.ignorePublicAcls()).blockPublicPolicy(b.blockPublicPolicy())
        .restrictPublicBuckets(b.restrictPublicBuckets()).build();
  }

  /** The ObjectOwnership of the (single) rule; null when there is none. */
  static String objectOwnership(OwnershipControls c) {
    return c == null || c.rules().isEmpty() ? null : c.rules().get(0).objectOwnershipAsString();
  }

  static DefaultEncryption encryption(ServerSideEncryptionConfiguration c) {
    if (c == null || c.rules().isEmpty() || c.rules().get(0).applyServerSideEncryptionByDefault() == null) {
      return null;
    }
    ServerSideEncryptionRule rule = c.rules().get(0);
    ServerSideEncryptionByDefault d = rule.applyServerSideEncryptionByDefault();
    return new DefaultEncryption(d.sseAlgorithmAsString(), d.kmsMasterKeyID(), on(rule.bucketKeyEnabled()));
  }

  static ServerSideEncryptionConfiguration encryption(DefaultEncryption e) {
    return ServerSideEncryptionConfiguration.builder().rules(ServerSideEncryptionRule.builder()
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(e.algorithm()).kmsMasterKeyID(e.kmsKeyId()))
        .bucketKeyEnabled(e.bucketKey()).build()).build();
  }

  static List<LifecycleRule> lifecycleRules(List<software.amazon.awssdk.services.s3.model.LifecycleRule> rules) {
    return rules.stream().map(S3Shapes::lifecycleRule).toList();
  }

  static LifecycleRule lifecycleRule(software.amazon.awssdk.services.s3.model.LifecycleRule r) {
    List<String> other = new ArrayList<>();
    LifecycleRuleFilter filter = r.filter();
    String prefix = filter != null ? filter.prefix() : r.prefix();
    if (filter != null && (filter.tag() != null || filter.and() != null || filter.objectSizeGreaterThan() != null
        || filter.objectSizeLessThan() != null)) {
      other.add("filter " + filter);
    }
    int expireDays = 0;
    if (r.expiration() != null) {
      expireDays = r.expiration().days() == null ? 0 : r.expiration().days();
      if (r.expiration().date() != null || r.expiration().expiredObjectDeleteMarker() != null) {
        other.add("expiration " + r.expiration());
      }
    }
    int glacierIrDays = 0;
    for (Transition t : r.transitions()) {
      if (glacierIrDays == 0 && t.storageClass() == TransitionStorageClass.GLACIER_IR && t.days() != null
          && t.days() > 0 && t.date() == null) {
        glacierIrDays = t.days();
      } else {
        other.add("transition " + t.storageClassAsString() + " " + (t.days() != null ? t.days() + "d" : t.date()));
      }
    }
    if (!r.noncurrentVersionTransitions().isEmpty() || r.noncurrentVersionExpiration() != null) {
      other.add("noncurrent version actions");
    }
    int abortDays = r.abortIncompleteMultipartUpload() == null
        || r.abortIncompleteMultipartUpload().daysAfterInitiation() == null
        ? 0 : r.abortIncompleteMultipartUpload().daysAfterInitiation();
    return new LifecycleRule(r.id() == null ? "" : r.id(), r.status() == ExpirationStatus.ENABLED,
        prefix == null ? "" : prefix, expireDays, glacierIrDays, abortDays, String.join(", ", other));
  }

  /** A rule the operator writes (its {@code other} is empty). */
  static software.amazon.awssdk.services.s3.model.LifecycleRule lifecycleRule(LifecycleRule rule) {
    var b = software.amazon.awssdk.services.s3.model.LifecycleRule.builder()
        .id(rule.id())
        .status(rule.enabled() ? ExpirationStatus.ENABLED : ExpirationStatus.DISABLED)
        .filter(f -> f.prefix(rule.prefix()));
    if (rule.expireDays() > 0) {
      b.expiration(e -> e.days(rule.expireDays()));
    }
    if (rule.glacierIrDays() > 0) {
      b.transitions(Transition.builder().days(rule.glacierIrDays()).storageClass(TransitionStorageClass.GLACIER_IR)
          .build());
    }
    if (rule.abortUploadsDays() > 0) {
      b.abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(rule.abortUploadsDays()));
    }
    return b.build();
  }

  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }

  static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
  }

  private static boolean on(Boolean flag) {
    return Boolean.TRUE.equals(flag);
  }
}
