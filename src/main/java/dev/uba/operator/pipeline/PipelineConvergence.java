package dev.uba.operator.pipeline;

import dev.uba.operator.api.v1alpha1.DeletionPolicy;
import dev.uba.operator.api.v1alpha1.NamedArn;
import dev.uba.operator.api.v1alpha1.ResourceStatus;
import dev.uba.operator.api.v1alpha1.UbaPipelineStatus;
import dev.uba.operator.aws.iam.RoleActual;
import dev.uba.operator.aws.kinesis.StreamActual;
import dev.uba.operator.aws.opensearch.DomainActual;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One forward pass over a pipeline's resources in dependency order: stream, producer policy,
 * ingestion role, domain (whose access policy names the role, so the role must exist first). Records
 * what it sees in status and returns one outcome per resource.
 */
final class PipelineConvergence {
  private final PipelineResources resources;
  private final String ownerId;
  private final EventSink events;
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<ResourceStatus> statuses = new ArrayList<>();

  PipelineConvergence(PipelineResources resources, String ownerId, EventSink events) {
    this.resources = resources;
    this.ownerId = ownerId;
    this.events = events;
  }

  List<Outcome> run(PipelineDesiredState desired, Optional<PipelineDesiredState> searchToRemove,
      DeletionPolicy policy, UbaPipelineStatus status) {
    Step<StreamActual> stream = Converger.converge(resources.stream(), desired.stream(), ownerId, events);
    record(stream);
    PipelineStatusUpdate.stream(status, desired.stream(), stream, resources.streamBudget());

    var producer = Converger.converge(resources.producerPolicy(), desired.producerPolicy(), ownerId, events);
    record(producer);
    status.setProducerPolicy(producer.owned()
        ? new NamedArn(desired.producerPolicy().name(), producer.status().getArn()) : null);

    if (desired.domain() != null) {
      convergeSearch(desired, status);
    } else if (searchToRemove.isPresent()) {
      removeSearch(searchToRemove.get(), policy, status);
    }
    status.setResources(statuses);
    return outcomes;
  }

  private void convergeSearch(PipelineDesiredState desired, UbaPipelineStatus status) {
    Step<RoleActual> role = Converger.converge(resources.ingestionRole(), desired.ingestionRole(), ownerId, events);
    record(role);
    status.setIngestionRole(role.owned()
        ? new NamedArn(desired.ingestionRole().name(), role.status().getArn()) : null);
    if (role.actual().isEmpty() || !role.owned()) {
      // The domain's access policy names the role; AWS refuses a principal that does not exist.
      String why = "waiting for IamRole " + desired.ingestionRole().name();
      statuses.add(new ResourceStatus("OpenSearchDomain", desired.domain().name(), null, null, false, why));
      outcomes.add(Outcome.progressing(Reasons.WAITING, "OpenSearchDomain " + desired.domain().name() + ": " + why));
      return;
    }
    Step<DomainActual> domain = Converger.converge(resources.domain(), desired.domain(), ownerId, events);
    record(domain);
    PipelineStatusUpdate.search(status, desired.domain(), domain);
  }

  /** spec.search was removed: delete the domain and then the role (Delete), or let them go (Retain). */
  private void removeSearch(PipelineDesiredState removal, DeletionPolicy policy, UbaPipelineStatus status) {
    if (policy == DeletionPolicy.Retain) {
      events.normal("Released", "spec.search removed with deletionPolicy Retain: OpenSearchDomain "
          + removal.domain().name() + " and IamRole " + removal.ingestionRole().name() + " are left in place");
      status.setSearch(null);
      status.setIngestionRole(null);
      return;
    }
    Step<DomainActual> domain = Converger.delete(resources.domain(), removal.domain(), ownerId, events);
    if (!domain.gone()) {
      record(domain);
      return;
    }
    status.setSearch(null);
    Step<RoleActual> role = Converger.delete(resources.ingestionRole(), removal.ingestionRole(), ownerId, events);
    if (!role.gone()) {
      record(role);
      return;
    }
    status.setIngestionRole(null);
  }

  private void record(Step<?> step) {
    statuses.add(step.status());
    outcomes.add(step.outcome());
  }
}
