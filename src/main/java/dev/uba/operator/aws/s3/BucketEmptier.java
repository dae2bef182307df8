package dev.uba.operator.aws.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Empties a bucket for forceDestroy: every object version and delete marker, which S3 requires
 * gone before DeleteBucket. A bounded number of pages per pass, so that a large bucket does not hold
 * a reconcile thread; the next pass goes on.
 */
final class BucketEmptier {
  /** The most keys ListObjectVersions returns and DeleteObjects takes in one call. */
  static final int MAX_KEYS = 1000;
  /** 10,000 versions, about 20 calls, per pass. */
  static final int PAGES_PER_PASS = 10;

  private final S3Client s3;
  private final int pageSize;
  private final int pagesPerPass;

  BucketEmptier(S3Client s3, int pageSize, int pagesPerPass) {
    this.s3 = s3;
    this.pageSize = Math.min(pageSize, MAX_KEYS);
    this.pagesPerPass = pagesPerPass;
  }

  /**
   * Lists a page from the start (what was deleted is no longer listed) and deletes it, at most
   * pagesPerPass times; true when the bucket holds no version any more.
   */
  boolean empty(String bucket) {
    for (int page = 0; page < pagesPerPass; page++) {
      ListObjectVersionsResponse listed = s3.listObjectVersions(r -> r.bucket(bucket).maxKeys(pageSize));
      List<ObjectIdentifier> ids = new ArrayList<>();
      listed.versions().forEach(v -> ids.add(id(v.key(), v.versionId())));
      listed.deleteMarkers().forEach(m -> ids.add(id(m.key(), m.versionId())));
      for (int from = 0; from < ids.size(); from += MAX_KEYS) {
        delete(bucket, ids.subList(from, Math.min(ids.size(), from + MAX_KEYS)));
      }
      if (ids.isEmpty() || !Boolean.TRUE.equals(listed.isTruncated())) {
        return true;
      }
    }
    return false;
  }

  private static ObjectIdentifier id(String key, String versionId) {
    return ObjectIdentifier.builder().key(key).versionId(versionId).build();
  }

  /** DeleteObjects answers 200 and lists what it could not delete: the first of those fails the pass. */
  private void delete(String bucket, List<ObjectIdentifier> batch) {
    DeleteObjectsResponse deleted = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
    if (!deleted.errors().isEmpty()) {
      S3Error first = deleted.errors().get(0);
      String message = deleted.errors().size() + " of " + batch.size() + " object versions could not be deleted; "
          + first.key() + " (version " + first.versionId() + "): " + first.message();
      throw S3Exception.builder().message(message)
          .awsErrorDetails(AwsErrorDetails.builder().serviceName("S3").errorCode(first.code()).errorMessage(message)
              .build())
          .build();
    }
  }
}
