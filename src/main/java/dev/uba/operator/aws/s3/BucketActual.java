package dev.uba.operator.aws.s3;

import dev.uba.operator.engine.Observed;
import java.util.List;
import java.util.Map;

/**
 * An archive bucket as S3 reports it. A configuration S3 answers is not set (each has its own
 * not-found error code) is null here; the lifecycle rules and the tags are then empty.
 *
 * @param objectOwnership the ObjectOwnership of the bucket's ownership controls
 * @param policy the bucket policy as S3 returns it
 * @param forceDestroy spec.archive.forceDestroy of the desired state this bucket was observed for:
 *     {@link ArchiveBucket#delete} is given the actual state only, and must not empty a bucket the
 *     spec says to keep
 */
public record BucketActual(String name, String arn, PublicAccessBlock publicAccessBlock, String objectOwnership,
    DefaultEncryption encryption, String policy, List<LifecycleRule> lifecycleRules, Map<String, String> tags,
    boolean forceDestroy) implements Observed {

  public BucketActual {
    lifecycleRules = List.copyOf(lifecycleRules);
    tags = Map.copyOf(tags);
  }
}
