package dev.uba.operator.aws.s3;

import java.util.ArrayList;
import java.util.List;

/** The four flags of a bucket's public access block. */
public record PublicAccessBlock(
    boolean blockPublicAcls, boolean ignorePublicAcls, boolean blockPublicPolicy, boolean restrictPublicBuckets) {

  /** What an archive has: no public access of any kind. */
  public static final PublicAccessBlock ALL_ON = new PublicAccessBlock(true, true, true, true);

  /** The flags that are on, for drift messages ("BlockPublicAcls, IgnorePublicAcls"). */
  @Override
  public String toString() {
    List<String> on = new ArrayList<>();
    if (blockPublicAcls) {
      on.add("BlockPublicAcls");
    }
    if (ignorePublicAcls) {
      on.add("IgnorePublicAcls");
    }
    if (blockPublicPolicy) {
      on.add("BlockPublicPolicy");
    }
    if (restrictPublicBuckets) {
      on.add("RestrictPublicBuckets");
    }
    return on.isEmpty() ? "none on" : String.join(", ", on);
  }
}
