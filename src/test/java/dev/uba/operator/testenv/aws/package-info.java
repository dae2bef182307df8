/**
 * The local AWS test environment: the moto emulator behind an in-JVM HTTP proxy that adds what the
 * emulator lacks. Entry point: {@link dev.uba.operator.testenv.aws.LocalAws}.
 *
 * <pre>{@code
 * LocalAws aws = LocalAws.shared();
 * aws.reset();
 * KinesisClient kinesis = KinesisClient.builder()
 *         .endpointOverride(aws.endpoint())
 *         .region(Region.US_EAST_1)
 *         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
 *         .build();
 * aws.faults().on("kinesis", "CreateStream").once().throttle();
 * aws.personalize().failNextTraining("Insufficient data");
 * aws.sns().confirmAll(topicArn);
 * aws.openSearchEndpoint(domainArn, node.uri());
 * aws.firehose().bufferIntervalAtMost(Duration.ofSeconds(1));
 * ...
 * assertThat(aws.calls().writes("kinesis")).isEqualTo(2);
 * }</pre>
 *
 * <p>What the proxy adds, each documented where it is done:
 * <ul>
 *   <li>intermediate states and their refusals: {@link dev.uba.operator.testenv.aws.KinesisLifecycle}
 *       (CREATING, UPDATING, DELETING, ResourceInUseException),
 *       {@link dev.uba.operator.testenv.aws.OpenSearchLifecycle} (Creating, Modifying, Deleting,
 *       ResourceAlreadyExistsException, merged UpdateDomainConfig),
 *       {@link dev.uba.operator.testenv.aws.OpenSearchUpgrade} (UpgradeDomain, GetUpgradeStatus),
 *       {@link dev.uba.operator.testenv.aws.FirehoseLifecycle} (CREATING, DELETING,
 *       ResourceInUseException, arranged CREATING_FAILED / DELETING_FAILED / role refusals);
 *       their duration: {@link dev.uba.operator.testenv.aws.Lifecycle};
 *   <li>Amazon Personalize, which the emulator lacks, served by the proxy itself with its statuses,
 *       validation and refusals: {@link dev.uba.operator.testenv.aws.PersonalizeEmulator},
 *       controlled through {@link dev.uba.operator.testenv.aws.LocalPersonalize};
 *   <li>Amazon Data Firehose: the OpenSearch destination and merged UpdateDestination
 *       ({@link dev.uba.operator.testenv.aws.FirehoseTranslation}), and data moved from the Kinesis
 *       source into OpenSearch or S3 with AWS's CloudWatch metrics
 *       ({@link dev.uba.operator.testenv.aws.FirehoseDeliverer},
 *       {@link dev.uba.operator.testenv.aws.DataFlowMetrics}), controlled through
 *       {@link dev.uba.operator.testenv.aws.LocalFirehose};
 *   <li>SNS subscriptions pending confirmation until a test confirms them, and HTTP/S deliveries
 *       kept on this machine: {@link dev.uba.operator.testenv.aws.SnsSubscriptions},
 *       controlled through {@link dev.uba.operator.testenv.aws.LocalSns};
 *   <li>repairs of the emulator: the Tags of CreateStream applied
 *       ({@link dev.uba.operator.testenv.aws.KinesisLifecycle}), a second CreateDomain refused and
 *       UpdateDomainConfig merged ({@link dev.uba.operator.testenv.aws.OpenSearchLifecycle}), HTML
 *       error pages turned into {@code NotImplemented} errors and JSON answers labelled JSON
 *       ({@link dev.uba.operator.testenv.aws.MotoForwarder});
 *   <li>call accounting: {@link dev.uba.operator.testenv.aws.CallLog};
 *   <li>fault injection in each protocol's error shape: {@link dev.uba.operator.testenv.aws.Faults},
 *       {@link dev.uba.operator.testenv.aws.ErrorShapes};
 *   <li>quota mode, off by default: AWS's per-account API rate quotas as token buckets, answered
 *       with each service's throttling error: {@link dev.uba.operator.testenv.aws.QuotaMode},
 *       {@link dev.uba.operator.testenv.aws.AwsQuotaTable}.
 * </ul>
 *
 * <p>The proxy treats every caller alike: it knows the AWS APIs, not who calls them.
 */
package dev.uba.operator.testenv.aws;
