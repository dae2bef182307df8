package dev.uba.operator.aws.s3;

import java.util.ArrayList;
import java.util.List;

/**
 * One lifecycle rule, with the parts the operator writes; whatever else a rule read from S3 holds
 * (another storage class, a tag filter, a date, actions on noncurrent versions) is described in
 * {@code other}, so that such a rule never equals one the operator writes.
 *
 * @param prefix the key prefix the rule filters on; "" for the whole bucket
 * @param expireDays days after which objects expire; 0 = no expiration
 * @param glacierIrDays days after which objects move to GLACIER_IR; 0 = no transition
 * @param abortUploadsDays days after which incomplete multipart uploads are aborted; 0 = never
 * @param other what else the rule holds, in words; "" for nothing
 */
public record LifecycleRule(String id, boolean enabled, String prefix, int expireDays, int glacierIrDays,
    int abortUploadsDays, String other) {

  /** The id of the archive's rule. */
  public static final String RETENTION_ID = "uba-retention";
  /** Incomplete multipart uploads cost storage and are of no use after a week. */
  public static final int ABORT_UPLOADS_AFTER_DAYS = 7;

  /** The archive's rule, over the whole bucket. */
  public static LifecycleRule retention(int expireAfterDays, int glacierAfterDays) {
    return new LifecycleRule(RETENTION_ID, true, "", expireAfterDays, glacierAfterDays, ABORT_UPLOADS_AFTER_DAYS, "");
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (!enabled) {
      parts.add("disabled");
    }
    if (!prefix.isEmpty()) {
      parts.add("prefix " + prefix);
    }
    parts.add(expireDays == 0 ? "no expiration" : "expire after " + expireDays + "d");
    parts.add(glacierIrDays == 0 ? "no transition" : "GLACIER_IR after " + glacierIrDays + "d");
    parts.add(abortUploadsDays == 0 ? "uploads kept" : "abort uploads after " + abortUploadsDays + "d");
    if (!other.isEmpty()) {
      parts.add(other);
    }
    return id + " (" + String.join(", ", parts) + ")";
  }
}
