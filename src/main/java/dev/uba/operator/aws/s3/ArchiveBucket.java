package dev.uba.operator.aws.s3;

import dev.uba.operator.engine.AwsFailure;
import dev.uba.operator.engine.AwsResource;
import dev.uba.operator.engine.AwsState;
import dev.uba.operator.engine.Drift;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The pipeline's archive, an S3 bucket: all public access blocked, ACLs off (BucketOwnerEnforced),
 * default encryption, a policy that denies requests without TLS, the lifecycle rule uba-retention,
 * the tags. Reads: HeadBucket, then one Get call per configuration, each of which S3 answers with
 * its own not-found code when the configuration is not set (read as not set, not as a failure).
 * S3 applies every write at once; an update makes one Put call per configuration that differs.
 *
 * <p>Deletion: with forceDestroy, every object version and delete marker is removed (a bounded
 * number of pages per pass, then the pass ends and the next one goes on), then the bucket. Without
 * it, DeleteBucket is tried, and a bucket S3 refuses to delete because it still holds objects is
 * left in place with its tags: {@link Applied#notDeleted} with the Event {@link #KEPT}, which the
 * Converger counts as gone, so it does not hold the finalizer.
 */
public final class ArchiveBucket implements AwsResource<BucketDesired, BucketActual> {
  public static final String KIND = "S3Bucket";
  /** The Event reason of a bucket left in place on deletion because it still holds objects. */
  public static final String KEPT = "ArchiveKept";

  /** The one region whose CreateBucket takes no location constraint. */
  private static final String US_EAST_1 = "us-east-1";

  private final S3Client s3;
  private final BucketWrites writes;
  private final BucketEmptier emptier;

  public ArchiveBucket(S3Client s3) {
    this(s3, BucketEmptier.MAX_KEYS, BucketEmptier.PAGES_PER_PASS);
  }

  /** With smaller pages for forceDestroy, so that tests see paging without writing thousands of objects. */
  ArchiveBucket(S3Client s3, int pageSize, int pagesPerPass) {
    this.s3 = s3;
    this.writes = new BucketWrites(s3);
    this.emptier = new BucketEmptier(s3, pageSize, pagesPerPass);
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public Optional<BucketActual> observe(BucketDesired desired) {
    String name = desired.name();
    if (!visible(name)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BucketActual(name, desired.arn(),
          unlessNotSet("NoSuchPublicAccessBlockConfiguration", () -> S3Shapes.publicAccessBlock(
              s3.getPublicAccessBlock(r -> r.bucket(name)).publicAccessBlockConfiguration())),
          unlessNotSet("OwnershipControlsNotFoundError", () -> S3Shapes.objectOwnership(
              s3.getBucketOwnershipControls(r -> r.bucket(name)).ownershipControls())),
          unlessNotSet("ServerSideEncryptionConfigurationNotFoundError", () -> S3Shapes.encryption(
              s3.getBucketEncryption(r -> r.bucket(name)).serverSideEncryptionConfiguration())),
          unlessNotSet("NoSuchBucketPolicy", () -> s3.getBucketPolicy(r -> r.bucket(name)).policy()),
          Optional.ofNullable(unlessNotSet("NoSuchLifecycleConfiguration", () -> S3Shapes.lifecycleRules(
              s3.getBucketLifecycleConfiguration(r -> r.bucket(name)).rules()))).orElse(List.of()),
          Optional.ofNullable(unlessNotSet("NoSuchTagSet", () -> S3Shapes.tags(
              s3.getBucketTagging(r -> r.bucket(name)).tagSet()))).orElse(Map.of()),
          desired.forceDestroy()));
    } catch (S3Exception e) {
      if ("NoSuchBucket".equals(code(e))) {
        return Optional.empty(); // deleted between two reads
      }
      throw e;
    }
  }

  /**
   * False when S3 has no such bucket, and also when the name exists out of this account's reach
   * (403: another account's bucket) or this region's (301): CreateBucket then tells which.
   */
  private boolean visible(String name) {
    try {
      s3.headBucket(r -> r.bucket(name));
      return true;
    } catch (NoSuchBucketException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404 || e.statusCode() == 403 || e.statusCode() == 301) {
        return false;
      }
      throw e;
    }
  }


  /** S3 has no state word for a bucket. */
  @Override
  public AwsState state(BucketActual actual) {
    return AwsState.stable("Available");
  }


  @Override
  public Drift drift(BucketDesired desired, BucketActual actual) {
    return BucketDrift.of(desired, actual);
  }

  /**
   * A name taken in another account fails with BucketAlreadyExists (AlreadyExists). A name this
   * account already has (BucketAlreadyOwnedByYou) is not touched: the Converger observes it next,
   * and its ownership tag decides.
   */
  @Override
  public Applied create(BucketDesired desired) {
    String name = desired.name();
    try {
      s3.createBucket(r -> {
        r.bucket(name);
        if (!US_EAST_1.equals(desired.region())) {
          r.createBucketConfiguration(c -> c.locationConstraint(desired.region()));
        }
      });
    } catch (BucketAlreadyOwnedByYouException e) {
      if (!visible(name)) {
        throw new AwsFailure(Outcome.degraded(Reasons.ALREADY_EXISTS, KIND + " " + name + " already belongs to "
            + "this AWS account but is not readable in " + desired.region() + " (it is probably in another region); "
            + "choose another spec.archive.bucketName"), e);
      }
      return Applied.SETTLED;
    }
    tagOrRemove(desired);
    writes.settings(desired);
    return Applied.SETTLED;
  }

  /**
   * The ownership tags first; a new bucket that cannot be tagged is deleted again, since without
   * them the next pass would take it for someone else's (AlreadyExists) and never manage it.
   */
  private void tagOrRemove(BucketDesired desired) {
    try {
      writes.tags(desired);
    } catch (SdkException e) {
      try {
        s3.deleteBucket(r -> r.bucket(desired.name()));
      } catch (SdkException alsoFailed) {
        e.addSuppressed(alsoFailed);
      }
      throw e;
    }
  }

  @Override
  public Applied update(BucketDesired desired, BucketActual actual, Drift drift) {
    writes.differing(desired, drift);
    return Applied.SETTLED;
  }

  @Override
  public Applied delete(BucketActual actual) {
    String name = actual.name();
    if (actual.forceDestroy() && !emptier.empty(name)) {
      return Applied.ASYNC; // more versions than one pass removes: the next pass goes on
    }
    try {
      s3.deleteBucket(r -> r.bucket(name));
      return Applied.SETTLED;
    } catch (S3Exception e) {
      if (!"BucketNotEmpty".equals(code(e))) {
        throw e;
      }
      if (actual.forceDestroy()) {
        return Applied.ASYNC; // written to since it was emptied: emptied again next pass
      }
      return Applied.notDeleted(KEPT, KIND + " " + name + " still holds objects and spec.archive.forceDestroy "
          + "is false: it is left in place with its tags");
    }
  }

  /** The configuration read, or null when S3 answers with the code that says it is not set. */
  private static <T> T unlessNotSet(String notSetCode, Supplier<T> read) {
    try {
      return read.get();
    } catch (S3Exception e) {
      if (notSetCode.equals(code(e))) {
        return null;
      }
      throw e;
    }
  }

  private static String code(S3Exception e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
