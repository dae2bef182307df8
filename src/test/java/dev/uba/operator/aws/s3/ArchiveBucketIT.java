package dev.uba.operator.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.uba.operator.aws.AwsCallMetrics;
import dev.uba.operator.aws.AwsClients;
import dev.uba.operator.engine.AwsErrors;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Ownership;
import dev.uba.operator.engine.Step;
import dev.uba.operator.testenv.aws.LocalAws;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The archive bucket against the local AWS through the real SDK client the operator builds: its
 * calls are counted by operation with the operator's own metrics; changes behind its back are made
 * with a client of the emulator itself.
 */
class ArchiveBucketIT {
  private static final String OWNER = "it/ubapipeline/archive";
  private static final String OTHER = "it/ubapipeline/someone-else";
  private static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "local-secret"));

  private static LocalAws aws;
  private static SimpleMeterRegistry registry;
  private static AwsClients clients;
  private static S3Client direct;
  /** A client of the local AWS's proxy, which keeps bucket policies (the emulator holds none); not counted. */
  private static S3Client proxied;

  private final List<String> events = new ArrayList<>();
  private final EventSink sink = new EventSink() {
    @Override
    public void normal(String reason, String message) {
      events.add(reason + ": " + message);
    }

    @Override
    public void warning(String reason, String message) {
      events.add(reason + ": " + message);
    }
  };

  @BeforeAll
  static void start() {
    aws = LocalAws.shared();
    registry = new SimpleMeterRegistry();
    clients = new AwsClients(new AwsCallMetrics(registry), CREDENTIALS, Optional.of(aws.endpoint()));
    direct = s3Client(aws.motoEndpoint(), "us-east-1", null);
    proxied = s3Client(aws.endpoint(), "us-east-1", null);
  }

  @AfterAll
  static void stop() {
    clients.close();
    direct.close();
    proxied.close();
    aws.reset();
  }

  @BeforeEach
  void reset() {
    aws.reset();
    registry.clear();
  }

  /** A client of the emulator, optionally with an interceptor; not counted. */
  private static S3Client s3Client(URI endpoint, String region, ExecutionInterceptor interceptor) {
    return S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.of(region))
        .credentialsProvider(CREDENTIALS)
        .overrideConfiguration(o -> {
          if (interceptor != null) {
            o.addExecutionInterceptor(interceptor);
          }
        })
        .build();
  }

  private static BucketDesired desired(String name, String region, String kmsKeyId, boolean forceDestroy) {
    return new BucketDesired(name, region, kmsKeyId, 365, 30, forceDestroy,
        Ownership.tags(Map.of("team", "growth"), OWNER));
  }

  private static ArchiveBucket archive(String region) {
    return new ArchiveBucket(clients.s3(region));
  }

  /** The operator's write calls since the last reset, by operation (outcome aside). */
  private static Map<String, Long> writes() {
    return calls("write");
  }

  private static Map<String, Long> calls(String kind) {
    Map<String, Long> byOperation = new TreeMap<>();
    for (Counter c : Search.in(registry).name(AwsCallMetrics.METRIC).tag("kind", kind).counters()) {
      byOperation.merge(c.getId().getTag("operation"), (long) c.count(), Long::sum);
    }
    return byOperation;
  }

  private static long reads() {
    return calls("read").values().stream().mapToLong(Long::longValue).sum();
  }

  private static void put(String bucket, String key, String body) {
    direct.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  @Test
  void aNewBucketIsCreatedWithEverySettingAndIsThenInSyncForReadsAlone() {
    BucketDesired want = desired("it-created", "us-east-1", null, false);
    ArchiveBucket bucket = archive("us-east-1");

    Step<BucketActual> created = Converger.converge(bucket, want, OWNER, sink);

    assertThat(created.outcome()).isEqualTo(Outcome.ready());
    assertThat(created.status().getArn()).isEqualTo("arn:aws:s3:::it-created");
    assertThat(writes()).containsOnly(entry("CreateBucket", 1L), entry("PutBucketTagging", 1L),
        entry("PutPublicAccessBlock", 1L), entry("PutBucketOwnershipControls", 1L), entry("PutBucketEncryption", 1L),
        entry("PutBucketPolicy", 1L), entry("PutBucketLifecycleConfiguration", 1L));
    assertThat(events).containsExactly("Created: S3Bucket it-created created");
    // the AWS side, read by a client of its own
    var block = direct.getPublicAccessBlock(r -> r.bucket("it-created")).publicAccessBlockConfiguration();
    assertThat(List.of(block.blockPublicAcls(), block.ignorePublicAcls(), block.blockPublicPolicy(),
        block.restrictPublicBuckets())).containsOnly(true);
    assertThat(direct.getBucketOwnershipControls(r -> r.bucket("it-created")).ownershipControls().rules().get(0)
        .objectOwnershipAsString()).isEqualTo("BucketOwnerEnforced");
    assertThat(direct.getBucketEncryption(r -> r.bucket("it-created")).serverSideEncryptionConfiguration().rules()
        .get(0).applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("AES256");
    assertThat(proxied.getBucketPolicy(r -> r.bucket("it-created")).policy())
        .contains("\"Deny\"").contains("aws:SecureTransport").doesNotContain("Allow");
    var rule = direct.getBucketLifecycleConfiguration(r -> r.bucket("it-created")).rules().get(0);
    assertThat(rule.id()).isEqualTo("uba-retention");
    assertThat(rule.expiration().days()).isEqualTo(365);
    assertThat(rule.transitions()).singleElement().satisfies(t -> {
      assertThat(t.days()).isEqualTo(30);
      assertThat(t.storageClass()).isEqualTo(TransitionStorageClass.GLACIER_IR);
    });
    assertThat(rule.abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(7);
    assertThat(S3Shapes.tags(direct.getBucketTagging(r -> r.bucket("it-created")).tagSet()))
        .containsEntry("team", "growth").containsEntry(Ownership.OWNER, OWNER);

    registry.clear();
    aws.calls().clear();
    Step<BucketActual> again = Converger.converge(bucket, want, OWNER, sink);

    assertThat(again.outcome()).isEqualTo(Outcome.ready());
    assertThat(writes()).isEmpty();
    assertThat(reads()).isEqualTo(7); // HeadBucket and one Get per configuration
    assertThat(aws.calls().writes("s3")).isZero();
    assertThat(aws.calls().count("s3")).isEqualTo(7);
  }

  @Test
  void outsideUsEast1TheBucketGetsItsRegionAndSseKmsWithABucketKey() {
    BucketDesired want = desired("it-kms-eu", "eu-west-1", "alias/archive", false);

    Step<BucketActual> created = Converger.converge(archive("eu-west-1"), want, OWNER, sink);

    assertThat(created.outcome()).isEqualTo(Outcome.ready());
    assertThat(direct.getBucketLocation(r -> r.bucket("it-kms-eu")).locationConstraintAsString())
        .isEqualTo("eu-west-1");
    var encryption = direct.getBucketEncryption(r -> r.bucket("it-kms-eu")).serverSideEncryptionConfiguration()
        .rules().get(0);
    assertThat(encryption.applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("aws:kms");
    assertThat(encryption.applyServerSideEncryptionByDefault().kmsMasterKeyID()).isEqualTo("alias/archive");
    assertThat(encryption.bucketKeyEnabled()).isTrue();
  }

  @Test
  void driftMadeBehindItsBackIsCorrectedWithOnlyTheCallsForWhatDiffers() {
    BucketDesired want = desired("it-drift", "us-east-1", null, false);
    ArchiveBucket bucket = archive("us-east-1");
    Converger.converge(bucket, want, OWNER, sink);
    direct.deletePublicAccessBlock(r -> r.bucket("it-drift"));
    direct.deleteBucketLifecycle(r -> r.bucket("it-drift"));
    direct.putBucketTagging(r -> r.bucket("it-drift").tagging(t -> t.tagSet(S3Shapes.tags(
        Map.of("team", "search", "extra", "x", Ownership.MANAGED_BY, Ownership.MANAGED_BY_VALUE, Ownership.OWNER,
            OWNER)))));

    assertThat(bucket.drift(want, bucket.observe(want).orElseThrow()).described()).containsExactlyInAnyOrder(
        "publicAccessBlock not set -> BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy, RestrictPublicBuckets",
        "lifecycleRules [] -> [uba-retention (expire after 365d, GLACIER_IR after 30d, abort uploads after 7d)]",
        "tag team", "tag extra removed");
    registry.clear();
    events.clear();

    Step<BucketActual> corrected = Converger.converge(bucket, want, OWNER, sink);

    assertThat(corrected.outcome()).isEqualTo(Outcome.ready());
    assertThat(writes()).containsOnly(entry("PutPublicAccessBlock", 1L), entry("PutBucketLifecycleConfiguration", 1L),
        entry("PutBucketTagging", 1L));
    assertThat(events).singleElement().asString().startsWith("Updated: S3Bucket it-drift: ");
    assertThat(S3Shapes.tags(direct.getBucketTagging(r -> r.bucket("it-drift")).tagSet()))
        .isEqualTo(want.tags());
  }

  @Test
  void aPolicyRewrittenInOtherWordsIsNoDriftButAWeakenedOneIsReplaced() {
    BucketDesired want = desired("it-policy", "us-east-1", null, false);
    ArchiveBucket bucket = archive("us-east-1");
    Converger.converge(bucket, want, OWNER, sink);
    String awsDocsStyle = """
        {"Version":"2012-10-17","Statement":[{"Sid":"AllowSSLRequestsOnly","Effect":"Deny","Principal":"*",
        "Action":"s3:*","Resource":["arn:aws:s3:::it-policy/*","arn:aws:s3:::it-policy"],
        "Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}""";
    proxied.putBucketPolicy(r -> r.bucket("it-policy").policy(awsDocsStyle));
    registry.clear();

    assertThat(Converger.converge(bucket, want, OWNER, sink).outcome()).isEqualTo(Outcome.ready());
    assertThat(writes()).isEmpty();

    proxied.putBucketPolicy(r -> r.bucket("it-policy").policy(awsDocsStyle.replace("\"false\"", "\"true\"")));
    assertThat(Converger.converge(bucket, want, OWNER, sink).outcome()).isEqualTo(Outcome.ready());
    assertThat(writes()).containsOnly(entry("PutBucketPolicy", 1L));
  }

  @Test
  void anEmptyBucketIsDeleted() {
    BucketDesired want = desired("it-empty", "us-east-1", null, false);
    ArchiveBucket bucket = archive("us-east-1");
    Converger.converge(bucket, want, OWNER, sink);
    registry.clear();

    Step<BucketActual> deleted = Converger.delete(bucket, want, OWNER, sink);

    assertThat(deleted.gone()).isTrue();
    assertThat(writes()).containsOnly(entry("DeleteBucket", 1L));
    assertThatThrownBy(() -> direct.headBucket(r -> r.bucket("it-empty"))).isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void withoutForceDestroyABucketThatHoldsObjectsIsLeftInPlaceAndCountsAsGone() {
    BucketDesired want = desired("it-kept", "us-east-1", null, false);
    ArchiveBucket bucket = archive("us-east-1");
    Converger.converge(bucket, want, OWNER, sink);
    put("it-kept", "events/2026/01/01/part-0.gz", "{}");
    registry.clear();
    events.clear();

    Step<BucketActual> deletion = Converger.delete(bucket, want, OWNER, sink);

    assertThat(deletion.gone()).isTrue();
    assertThat(events).containsExactly("ArchiveKept: S3Bucket it-kept still holds objects and "
        + "spec.archive.forceDestroy is false: it is left in place with its tags");
    assertThat(writes()).containsOnly(entry("DeleteBucket", 1L)); // refused by S3: BucketNotEmpty
    assertThat(direct.listObjectsV2(r -> r.bucket("it-kept")).keyCount()).isEqualTo(1);
    assertThat(S3Shapes.tags(direct.getBucketTagging(r -> r.bucket("it-kept")).tagSet()))
        .containsEntry(Ownership.OWNER, OWNER);
  }

  @Test
  void forceDestroyRemovesEveryVersionAndDeleteMarkerOverSeveralPassesThenTheBucket() {
    BucketDesired want = desired("it-versioned", "us-east-1", null, true);
    // two versions a page and two pages a pass, so that six entries take two passes
    ArchiveBucket bucket = new ArchiveBucket(clients.s3("us-east-1"), 2, 2);
    Converger.converge(bucket, want, OWNER, sink);
    direct.putBucketVersioning(r -> r.bucket("it-versioned")
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    put("it-versioned", "a", "1");
    put("it-versioned", "a", "2");
    put("it-versioned", "b", "1");
    put("it-versioned", "c", "1");
    put("it-versioned", "d", "1");
    direct.deleteObject(r -> r.bucket("it-versioned").key("b")); // a delete marker
    var listed = direct.listObjectVersions(r -> r.bucket("it-versioned"));
    assertThat(listed.versions().size() + listed.deleteMarkers().size()).isEqualTo(6);
    registry.clear();

    Step<BucketActual> first = Converger.delete(bucket, want, OWNER, sink);

    assertThat(first.gone()).isFalse();
    assertThat(first.outcome().reason()).isEqualTo("Deleting");
    assertThat(writes()).containsOnly(entry("DeleteObjects", 2L));

    Step<BucketActual> second = Converger.delete(bucket, want, OWNER, sink);

    assertThat(second.gone()).isTrue();
    assertThat(writes()).containsOnly(entry("DeleteObjects", 3L), entry("DeleteBucket", 1L));
    assertThatThrownBy(() -> direct.headBucket(r -> r.bucket("it-versioned")))
        .isInstanceOf(NoSuchBucketException.class);
  }

  @Test
  void objectsS3RefusesToDeleteStopForceDestroyWithTheirError() {
    BucketDesired want = desired("it-locked", "us-east-1", null, true);
    ArchiveBucket bucket = archive("us-east-1");
    Converger.converge(bucket, want, OWNER, sink);
    put("it-locked", "a", "1");
    // into the emulator itself: it enforces a policy without conditions, the proxy enforces none
    direct.putBucketPolicy(r -> r.bucket("it-locked").policy("""
        {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:DeleteObject",
        "Resource":"arn:aws:s3:::it-locked/*"}]}"""));
    registry.clear();

    Step<BucketActual> deletion = Converger.delete(bucket, want, OWNER, sink);

    assertThat(deletion.gone()).isFalse();
    assertThat(deletion.outcome().reason()).isEqualTo("AccessDenied");
    assertThat(deletion.outcome().message()).contains("1 of 1 object versions could not be deleted; a ");
    assertThat(writes()).containsOnly(entry("DeleteObjects", 1L));
    assertThat(direct.listObjectsV2(r -> r.bucket("it-locked")).keyCount()).isEqualTo(1);
  }

  @Test
  void aBucketOwnedByAnotherObjectIsNeitherChangedNorDeleted() {
    ArchiveBucket bucket = archive("us-east-1");
    Converger.converge(bucket, desired("it-theirs", "us-east-1", null, true), OWNER, sink);
    BucketDesired theirs = new BucketDesired("it-theirs", "us-east-1", null, 30, 0, true,
        Ownership.tags(Map.of(), OTHER));
    registry.clear();

    Step<BucketActual> refused = Converger.converge(bucket, theirs, OTHER, sink);
    Step<BucketActual> notDeleted = Converger.delete(bucket, theirs, OTHER, sink);

    assertThat(refused.outcome().reason()).isEqualTo("OwnedByAnother");
    assertThat(refused.outcome().message()).contains(OWNER);
    assertThat(notDeleted.gone()).isTrue();
    assertThat(writes()).isEmpty();
    assertThat(direct.getBucketLifecycleConfiguration(r -> r.bucket("it-theirs")).rules().get(0).expiration().days())
        .isEqualTo(365);
  }

  @Test
  void aNameTakenInAnotherAccountIsAlreadyExists() {
    createInAnotherAccount("it-taken");
    BucketDesired want = desired("it-taken", "us-east-1", null, false);
    // AWS answers HeadBucket on another account's bucket with 403; the emulator lets any account read it
    try (S3Client forbidden = s3Client(aws.endpoint(), "us-east-1", headBucketForbidden())) {
      Step<BucketActual> step = Converger.converge(new ArchiveBucket(forbidden), want, OWNER, sink);

      assertThat(step.outcome().reason()).isEqualTo("AlreadyExists");
      assertThat(step.outcome().message()).contains("BucketAlreadyExists").contains("choose another name");
      assertThat(step.owned()).isFalse();
    }
    // as the emulator answers: readable, but without an owner tag
    assertThat(Converger.converge(archive("us-east-1"), want, OWNER, sink).outcome().reason())
        .isEqualTo("AlreadyExists");
  }

  @Test
  void creatingANameThisAccountAlreadyHasInThatRegionWritesNothingElseAndTheTagsDecide() {
    try (S3Client eu = s3Client(aws.motoEndpoint(), "eu-west-1", null)) {
      eu.createBucket(r -> r.bucket("it-mine").createBucketConfiguration(c -> c.locationConstraint("eu-west-1")));
    }
    BucketDesired want = desired("it-mine", "eu-west-1", null, false);
    ArchiveBucket bucket = archive("eu-west-1");

    assertThat(bucket.create(want)).isEqualTo(ArchiveBucket.Applied.SETTLED);
    assertThat(writes()).containsOnly(entry("CreateBucket", 1L));
    assertThat(Converger.converge(bucket, want, OWNER, sink).outcome().reason()).isEqualTo("AlreadyExists");
    assertThat(writes()).containsOnly(entry("CreateBucket", 1L));
  }

  @Test
  void createOfANameTakenElsewhereFailsWithTheCodeTheErrorTableMapsToAlreadyExists() {
    createInAnotherAccount("it-global");
    assertThatThrownBy(() -> archive("us-east-1").create(desired("it-global", "us-east-1", null, false)))
        .isInstanceOfSatisfying(S3Exception.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists");
          assertThat(AwsErrors.outcomeOf("creating S3Bucket it-global", e).reason()).isEqualTo("AlreadyExists");
        });
  }

  /** The emulator takes the account of a request from this header. */
  private static void createInAnotherAccount(String bucket) {
    try (S3Client otherAccount = s3Client(aws.motoEndpoint(), "us-east-1", new ExecutionInterceptor() {
      @Override
      public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest().toBuilder().putHeader("x-moto-account-id", "210987654321").build();
      }
    })) {
      otherAccount.createBucket(r -> r.bucket(bucket));
    }
  }

  /** Answers HeadBucket with 403 as AWS does for a bucket of another account. */
  private static ExecutionInterceptor headBucketForbidden() {
    return new ExecutionInterceptor() {
      @Override
      public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        if ("HeadBucket".equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          return context.httpResponse().toBuilder().statusCode(403).statusText("Forbidden").build();
        }
        return context.httpResponse();
      }
    };
  }
}
