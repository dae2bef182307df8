package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Writes Firehose's objects into the emulator's S3: one object per flush, its records one per line
 * (a newline is added to a record that does not end with one), GZIP-compressed when the
 * destination's {@code CompressionFormat} is {@code GZIP}, encrypted with the destination's KMS key
 * when its {@code EncryptionConfiguration} names one ({@code KMSEncryptionConfig.AWSKMSKeyARN}).
 *
 * <p>A departure from AWS, on purpose: AWS concatenates records without a delimiter unless the
 * stream has the {@code AppendDelimiterToRecord} processor ("Understand data delivery": "By
 * default, Firehose concatenates data without any delimiters"); the local one always writes one
 * record per line, which is what the tests read.
 */
final class FirehoseS3Writer {

  private final S3Client s3;

  FirehoseS3Writer(S3Client s3) {
    this.s3 = s3;
  }

  /**
   * Puts one object under {@code key} in the bucket of {@code bucketArn}, with the settings of
   * {@code s3Destination} (a description: CompressionFormat, EncryptionConfiguration). Returns
   * {@code bucket/key}; throws when S3 refuses.
   */
  String write(JsonNode s3Destination, String key, List<byte[]> records) {
    String bucket = bucketOf(s3Destination.path("BucketARN").asText());
    boolean gzip = isGzip(s3Destination);
    String kmsKey = s3Destination.path("EncryptionConfiguration").path("KMSEncryptionConfig")
        .path("AWSKMSKeyARN").asText(null);
    PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket).key(key);
    if (kmsKey != null) {
      put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKey);
    }
    s3.putObject(put.build(), RequestBody.fromBytes(content(records, gzip)));
    return bucket + "/" + key;
  }

  static boolean isGzip(JsonNode s3Destination) {
    return "GZIP".equals(s3Destination.path("CompressionFormat").asText());
  }

  /** The object's bytes: one record per line, compressed or not. */
  static byte[] content(List<byte[]> records, boolean gzip) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    for (byte[] r : records) {
      raw.writeBytes(r);
      if (r.length == 0 || r[r.length - 1] != '\n') {
        raw.write('\n');
      }
    }
    if (!gzip) {
      return raw.toByteArray();
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
      raw.writeTo(z);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zipped.toByteArray();
  }

  /** {@code arn:aws:s3:::BUCKET} to {@code BUCKET}. */
  static String bucketOf(String bucketArn) {
    int colons = bucketArn.lastIndexOf(':');
    return colons >= 0 ? bucketArn.substring(colons + 1) : bucketArn;
  }
}
