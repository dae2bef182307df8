package dev.uba.operator.personalization;

import dev.uba.operator.api.v1alpha1.PersonalizationModel;
import dev.uba.operator.api.v1alpha1.PersonalizationModelStatus;
import dev.uba.operator.api.v1alpha1.UbaPipeline;
import dev.uba.operator.aws.iam.RoleActual;
import dev.uba.operator.aws.iam.RoleDesired;
import dev.uba.operator.aws.iam.RoleDrift;
import dev.uba.operator.aws.personalize.CampaignActual;
import dev.uba.operator.aws.personalize.CampaignDesired;
import dev.uba.operator.aws.personalize.DatasetActual;
import dev.uba.operator.aws.personalize.DatasetDesired;
import dev.uba.operator.aws.personalize.DatasetGroupActual;
import dev.uba.operator.aws.personalize.DatasetGroupDesired;
import dev.uba.operator.aws.personalize.EventTrackerActual;
import dev.uba.operator.aws.personalize.EventTrackerDesired;
import dev.uba.operator.aws.personalize.ImportJobActual;
import dev.uba.operator.aws.personalize.ImportJobDesired;
import dev.uba.operator.aws.personalize.PersonalizeCampaign;
import dev.uba.operator.aws.personalize.PersonalizeDataset;
import dev.uba.operator.aws.personalize.PersonalizeDatasetGroup;
import dev.uba.operator.aws.personalize.PersonalizeDrift;
import dev.uba.operator.aws.personalize.PersonalizeEventTracker;
import dev.uba.operator.aws.personalize.PersonalizeImportJob;
import dev.uba.operator.aws.personalize.PersonalizeSchema;
import dev.uba.operator.aws.personalize.PersonalizeSolution;
import dev.uba.operator.aws.personalize.SchemaActual;
import dev.uba.operator.aws.personalize.SchemaDesired;
import dev.uba.operator.aws.personalize.SolutionActual;
import dev.uba.operator.aws.personalize.SolutionDesired;
import dev.uba.operator.config.OperatorConfig;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.StatusDerivation;
import dev.uba.operator.engine.fake.FakeAws;
import dev.uba.operator.engine.fake.FakeResource;
import dev.uba.operator.engine.fake.FakeSolutionVersion;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A model's AWS account in memory, for the sequencing tests: one fake per resource type (all
 * writing into one journal), compared with the real types' drift functions, handed to the
 * reconciler through the same factory the AWS clients fill in production. Passes are run
 * in-process, without any server; the Secret goes into a map.
 */
final class ModelFakes implements ModelAws {
  static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");
  static final OperatorConfig CONFIG = new OperatorConfig("us-east-1", Set.of(), java.time.Duration.ofMinutes(10),
      java.time.Duration.ofSeconds(15), 10, 8080);

  final FakeAws aws = new FakeAws();
  final FakeResource<RoleDesired, RoleActual> roles = new FakeResource<RoleDesired, RoleActual>(aws, "IamRole",
      (n, h) -> new RoleActual(n, "arn:aws:iam::123456789012:role/uba/" + n, h.desired().trustPolicy(),
          h.desired().inlinePolicy(), h.tags()), RoleActual::name).settlesOnCreate();
  final FakeResource<DatasetGroupDesired, DatasetGroupActual> groups = new FakeResource<DatasetGroupDesired, DatasetGroupActual>(aws, PersonalizeDatasetGroup.KIND,
      (n, h) -> new DatasetGroupActual(n, arn(PersonalizeDatasetGroup.KIND, n), h.state(), h.reason(),
          h.desired().domain(), h.tags()), DatasetGroupActual::name);
  final FakeResource<SchemaDesired, SchemaActual> schemas = new FakeResource<SchemaDesired, SchemaActual>(aws, PersonalizeSchema.KIND,
      (n, h) -> new SchemaActual(n, arn(PersonalizeSchema.KIND, n), h.desired().definition(), h.desired().domain()),
      SchemaActual::name).settlesOnCreate().untaggable();
  final FakeResource<DatasetDesired, DatasetActual> datasets = new FakeResource<DatasetDesired, DatasetActual>(aws, PersonalizeDataset.KIND,
      (n, h) -> new DatasetActual(n, arn(PersonalizeDataset.KIND, n), h.state(), h.desired().schemaArn(), h.tags()),
      DatasetActual::name);
  final FakeResource<ImportJobDesired, ImportJobActual> jobs = new FakeResource<ImportJobDesired, ImportJobActual>(aws, PersonalizeImportJob.KIND,
      (n, h) -> new ImportJobActual(n, arn(PersonalizeImportJob.KIND, n), h.state(), h.reason(),
          h.desired().dataLocation(), h.tags()), ImportJobActual::name);
  final FakeResource<EventTrackerDesired, EventTrackerActual> trackers = new FakeResource<EventTrackerDesired, EventTrackerActual>(aws, PersonalizeEventTracker.KIND,
      (n, h) -> new EventTrackerActual(n, arn(PersonalizeEventTracker.KIND, n), h.state(), "tracking-" + n, h.tags()),
      EventTrackerActual::name);
  final FakeResource<SolutionDesired, SolutionActual> solutions = new FakeResource<SolutionDesired, SolutionActual>(aws, PersonalizeSolution.KIND,
      (n, h) -> new SolutionActual(n, arn(PersonalizeSolution.KIND, n), h.state(), h.desired().recipeArn(), h.tags()),
      SolutionActual::name);
  final FakeSolutionVersion versions = new FakeSolutionVersion(aws);
  final FakeResource<CampaignDesired, CampaignActual> campaigns = new FakeResource<CampaignDesired, CampaignActual>(aws, PersonalizeCampaign.KIND,
      (n, h) -> new CampaignActual(n, arn(PersonalizeCampaign.KIND, n), h.state(), h.reason(),
          h.desired().solutionVersionArn(), h.desired().minProvisionedTps(), null, h.tags()), CampaignActual::name);

  final List<String> events = new ArrayList<>();
  final Map<String, Map<String, String>> secrets = new LinkedHashMap<>();
  final EventSink sink = new EventSink() {
    @Override
    public void normal(String reason, String message) {
      events.add(reason + ": " + message);
    }

    @Override
    public void warning(String reason, String message) {
      events.add(reason + ": " + message);
    }
  };


  /** The ARN the fakes report for a resource (FakeResource's own). */
  static String arn(String kind, String name) {
    return "arn:fake:" + kind + ":" + name;
  }

  @Override
  public ModelResources resources(String region) {
    return new ModelResources(RealDrift.of(roles, RoleDrift::of), RealDrift.of(groups, PersonalizeDrift::datasetGroup),
        RealDrift.of(schemas, PersonalizeDrift::schema), RealDrift.of(datasets, PersonalizeDrift::dataset),
        RealDrift.of(jobs, PersonalizeDrift::importJob), RealDrift.of(trackers, PersonalizeDrift::eventTracker),
        RealDrift.of(solutions, PersonalizeDrift::solution), versions, RealDrift.of(campaigns, PersonalizeDrift::campaign));
  }

  @Override
  public ModelDesiredState.Location locate(String region) {
    return new ModelDesiredState.Location(region, "123456789012", "aws");
  }

  /** Names of Secrets that exist and are not the model's: writing them is refused. */
  final Set<String> foreignSecrets = new HashSet<>();
  /** True: the operator has no rights on Secrets in the model's namespace (the API server answers 403). */
  boolean secretsForbidden;

  private TrackingSecret.Written writeSecret(Context<PersonalizationModel> context,
      PersonalizationModel model, String name, Map<String, String> data,
      String recordedUid) {
    if (secretsForbidden) {
      throw new KubernetesClientException("secrets is forbidden", 403, null);
    }
    if (foreignSecrets.contains(name)) {
      return TrackingSecret.Written.FOREIGN;
    }
    secrets.put(name, data);
    return new TrackingSecret.Written("uid-of-" + name);
  }

  /** A reconciler (as after a start of the operator) over this account. */
  PersonalizationModelReconciler reconciler() {
    return new PersonalizationModelReconciler(CONFIG, this, this::writeSecret,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A reconciler whose informer cache of UbaPipelines is {@code cache} (which throws when it cannot answer). */
  PersonalizationModelReconciler reconciler(Function<ResourceID, Optional<UbaPipeline>> cache) {
    return new PersonalizationModelReconciler(CONFIG, this, this::writeSecret,
        Clock.fixed(NOW, ZoneOffset.UTC)) {
      @Override
      Optional<UbaPipeline> cachedPipeline(ResourceID id) {
        return cache.apply(id);
      }
    };
  }

  /** AWS finishes what it was doing: creations, updates, deletions and trainings. */
  void settle() {
    aws.settleAll();
    versions.settle();
  }

  /** One reconcile pass, in-process: validation (which must pass), the workflow, the conditions. */
  static List<Outcome> pass(PersonalizationModelReconciler reconciler, PersonalizationModel model, EventSink events) {
    PersonalizationModelStatus status = model.getStatus() == null ? new PersonalizationModelStatus() : model.getStatus();
    if (reconciler.validate(model).isPresent()) {
      throw new AssertionError("invalid spec: " + reconciler.validate(model).get().message());
    }
    List<Outcome> outcomes = reconciler.converge(model, status, null, events);
    StatusDerivation.apply(status, model.getMetadata().getGeneration(), outcomes, false, NOW);
    model.setStatus(status);
    return outcomes;
  }

  List<Outcome> pass(PersonalizationModelReconciler reconciler, PersonalizationModel model) {
    return pass(reconciler, model, sink);
  }

  /** Passes, with AWS finishing in between, until the model is Ready; fails after {@code max}. */
  int untilReady(PersonalizationModelReconciler reconciler, PersonalizationModel model, int max) {
    for (int i = 1; i <= max; i++) {
      List<Outcome> outcomes = pass(reconciler, model);
      if (!outcomes.isEmpty() && outcomes.stream().allMatch(Outcome::isReady)) {
        return i;
      }
      settle();
    }
    throw new AssertionError("not Ready after " + max + " passes: " + model.getStatus().getConditions());
  }

  /** The writes of one kind only. */
  List<String> writesOf(String kind) {
    return aws.writes().stream().filter(w -> w.split(" ")[1].equals(kind)).toList();
  }
}
