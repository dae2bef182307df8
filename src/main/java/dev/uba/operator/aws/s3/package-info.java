/**
 * The pipeline's archive bucket on the engine's contract: {@link dev.uba.operator.aws.s3.ArchiveBucket}
 * (kind {@code S3Bucket}) converges a {@link dev.uba.operator.aws.s3.BucketDesired} built from
 * spec.archive, with the name from spec.archive.bucketName or
 * {@link dev.uba.operator.engine.Names#s3Bucket} (account and region are part of it, since S3 names
 * are global).
 *
 * <p>Wiring: {@code Converger.converge} and {@code Converger.delete} as for any resource, with
 * {@code new ArchiveBucket(awsClients.s3(region))}. Deletion needs nothing more: without
 * forceDestroy a bucket that still holds objects is answered with
 * {@code Applied.notDeleted(ArchiveBucket.KEPT, ...)}; the Converger records the Event
 * {@code ArchiveKept} naming the bucket and returns a step that is {@code gone()}, so the workflow's
 * cleanup goes on and the finalizer is not held. With forceDestroy a large bucket is emptied over
 * several passes (Progressing, reason Deleting) before it is deleted.
 *
 * <p>The pure parts: {@link dev.uba.operator.aws.s3.BucketDrift} (which configuration differs),
 * {@link dev.uba.operator.aws.s3.BucketPolicies} (the TLS-only policy), the value records
 * {@link dev.uba.operator.aws.s3.PublicAccessBlock}, {@link dev.uba.operator.aws.s3.DefaultEncryption}
 * and {@link dev.uba.operator.aws.s3.LifecycleRule}.
 */
package dev.uba.operator.aws.s3;
