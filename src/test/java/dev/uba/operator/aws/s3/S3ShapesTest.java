package dev.uba.operator.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.OwnershipControls;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionConfiguration;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

class S3ShapesTest {
  private static software.amazon.awssdk.services.s3.model.LifecycleRule.Builder rule() {
    return software.amazon.awssdk.services.s3.model.LifecycleRule.builder().id("uba-retention")
        .status(ExpirationStatus.ENABLED).filter(f -> f.prefix(""));
  }

  @Test
  void theRuleTheOperatorWritesReadsBackAsItself() {
    for (LifecycleRule ours : List.of(LifecycleRule.retention(365, 90), LifecycleRule.retention(0, 0),
        LifecycleRule.retention(30, 0), LifecycleRule.retention(0, 10))) {
      assertThat(S3Shapes.lifecycleRule(S3Shapes.lifecycleRule(ours))).isEqualTo(ours);
    }
  }

  @Test
  void theWrittenRuleHasOnlyWhatIsAskedFor() {
    var written = S3Shapes.lifecycleRule(LifecycleRule.retention(0, 0));
    assertThat(written.expiration()).isNull();
    assertThat(written.transitions()).isEmpty();
    assertThat(written.abortIncompleteMultipartUpload().daysAfterInitiation()).isEqualTo(7);
    assertThat(written.filter().prefix()).isEmpty();
  }

  @Test
  void aRuleWithTheDeprecatedPrefixOrNoFilterCoversTheWholeBucket() {
    var legacy = software.amazon.awssdk.services.s3.model.LifecycleRule.builder().id("uba-retention")
        .status(ExpirationStatus.ENABLED).prefix("").expiration(e -> e.days(5)).build();
    assertThat(S3Shapes.lifecycleRule(legacy)).isEqualTo(new LifecycleRule("uba-retention", true, "", 5, 0, 0, ""));
    var noFilter = software.amazon.awssdk.services.s3.model.LifecycleRule.builder().id("x")
        .status(ExpirationStatus.DISABLED).build();
    assertThat(S3Shapes.lifecycleRule(noFilter)).isEqualTo(new LifecycleRule("x", false, "", 0, 0, 0, ""));
  }

  @Test
  void whateverElseARuleHoldsMakesItDiffer() {
    var otherClass = rule().transitions(Transition.builder().days(30).storageClass(TransitionStorageClass.STANDARD_IA)
        .build()).build();
    assertThat(S3Shapes.lifecycleRule(otherClass).other()).isEqualTo("transition STANDARD_IA 30d");
    var tagFilter = rule().filter(f -> f.tag(Tag.builder().key("k").value("v").build())).build();
    assertThat(S3Shapes.lifecycleRule(tagFilter).other()).startsWith("filter");
    var noncurrent = rule().noncurrentVersionExpiration(n -> n.noncurrentDays(3)).build();
    assertThat(S3Shapes.lifecycleRule(noncurrent).other()).isEqualTo("noncurrent version actions");
    var twoGlacier = rule().transitions(
        Transition.builder().days(10).storageClass(TransitionStorageClass.GLACIER_IR).build(),
        Transition.builder().days(20).storageClass(TransitionStorageClass.GLACIER_IR).build()).build();
    assertThat(S3Shapes.lifecycleRule(twoGlacier).glacierIrDays()).isEqualTo(10);
    assertThat(S3Shapes.lifecycleRule(twoGlacier).other()).isEqualTo("transition GLACIER_IR 20d");
  }

  @Test
  void encryptionAsS3ReportsIt() {
    var kms = ServerSideEncryptionConfiguration.builder().rules(ServerSideEncryptionRule.builder()
        .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("aws:kms").kmsMasterKeyID("alias/a"))
        .bucketKeyEnabled(true).build()).build();
    assertThat(S3Shapes.encryption(kms)).isEqualTo(DefaultEncryption.sseKms("alias/a"));
    assertThat(S3Shapes.encryption(S3Shapes.encryption(DefaultEncryption.SSE_S3))).isEqualTo(DefaultEncryption.SSE_S3);
    assertThat(S3Shapes.encryption(ServerSideEncryptionConfiguration.builder().build())).isNull();
    assertThat(S3Shapes.encryption((ServerSideEncryptionConfiguration) null)).isNull();
  }

  @Test
  void publicAccessOwnershipAndTags() {
    assertThat(S3Shapes.publicAccessBlock(S3Shapes.publicAccessBlock(PublicAccessBlock.ALL_ON)))
        .isEqualTo(PublicAccessBlock.ALL_ON);
    assertThat(S3Shapes.publicAccessBlock(PublicAccessBlockConfiguration.builder().blockPublicAcls(true).build()))
        .isEqualTo(new PublicAccessBlock(true, false, false, false));
    assertThat(S3Shapes.objectOwnership(OwnershipControls.builder()
        .rules(r -> r.objectOwnership("BucketOwnerEnforced")).build())).isEqualTo("BucketOwnerEnforced");
    assertThat(S3Shapes.objectOwnership(OwnershipControls.builder().build())).isNull();
    assertThat(S3Shapes.tags(S3Shapes.tags(Map.of("a", "1", "b", "2")))).isEqualTo(Map.of("a", "1", "b", "2"));
  }
}
