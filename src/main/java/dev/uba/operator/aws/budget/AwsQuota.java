package dev.uba.operator.aws.budget;

/**
 * AWS's rate quota of one API operation, per account (and per region unless {@code global}).
 *
 * @param service the SDK's name of the service, as the SDK reports it on each call ("Kinesis", "Iam")
 * @param operation the API operation ("CreateStream")
 * @param callsPerSecond the quota, or the conservative figure assumed where AWS publishes none
 * @param published whether AWS publishes the figure; false: a conservative assumption
 * @param global one budget for all regions of a partition (IAM: one control plane in us-east-1)
 * @param source where the figure comes from: the page, and AWS's own sentence where it has one
 */
public record AwsQuota(String service, String operation, double callsPerSecond, boolean published, boolean global,
    String source) {
}
