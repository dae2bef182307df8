package dev.uba.operator.aws.opensearch.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.engine.Converger;
import dev.uba.operator.engine.EventSink;
import dev.uba.operator.engine.Outcome;
import dev.uba.operator.engine.Reasons;
import dev.uba.operator.engine.Step;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The template and the policy through the engine's Converger, on a data plane kept in memory. */
class DataPlaneResourcesTest {
  private static final String OWNER = "analytics/ubapipeline/clickstream";
  private static final String DOMAIN = "arn:aws:es:us-east-1:123456789012:domain/analytics";

  private final FakeDataPlane dataPlane = new FakeDataPlane();
  private final IndexTemplate template = new IndexTemplate(dataPlane);
  private final IsmPolicy policy = new IsmPolicy(dataPlane);
  private final IndexTemplateDesired wantedTemplate = IndexTemplateDesired.forIndex("uba-events", 1, 1, DOMAIN);
  private final IsmPolicyDesired wantedPolicy = IsmPolicyDesired.retention("uba-events", 30, DOMAIN);
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

  @Test
  void installedOnceThenInSyncWithReadsOnly() {
    Step<IndexTemplateActual> created = Converger.converge(template, wantedTemplate, OWNER, sink);
    Step<IsmPolicyActual> createdPolicy = Converger.converge(policy, wantedPolicy, OWNER, sink);
    assertThat(created.outcome().isReady()).isTrue();
    assertThat(createdPolicy.outcome().isReady()).isTrue();
    assertThat(created.status().getState()).isEqualTo("Installed");
    assertThat(created.status().getArn()).isEqualTo(DOMAIN + "/_index_template/uba-events");
    assertThat(createdPolicy.status().getKind()).isEqualTo("OpenSearchIsmPolicy");
    assertThat(events).containsExactly("Created: OpenSearchIndexTemplate uba-events created",
        "Created: OpenSearchIsmPolicy uba-events-retention created");

    dataPlane.calls.clear();
    assertThat(Converger.converge(template, wantedTemplate, OWNER, sink).outcome().isReady()).isTrue();
    assertThat(Converger.converge(policy, wantedPolicy, OWNER, sink).outcome().isReady()).isTrue();
    assertThat(dataPlane.calls).containsExactly("GET template uba-events", "GET policy uba-events-retention");
  }

  @Test
  void driftIsCorrectedWithOnePut() {
    Converger.converge(template, wantedTemplate, OWNER, sink);
    ObjectNode changed = (ObjectNode) dataPlane.templates.get("uba-events");
    ((ObjectNode) changed.at("/template/settings/index")).put("number_of_replicas", "0");
    dataPlane.calls.clear();
    events.clear();
    assertThat(Converger.converge(template, wantedTemplate, OWNER, sink).outcome().isReady()).isTrue();
    assertThat(dataPlane.calls).containsExactly("GET template uba-events", "PUT template uba-events",
        "GET template uba-events");
    assertThat(events).containsExactly("Updated: OpenSearchIndexTemplate uba-events: replicas 0 -> 1");
  }

  @Test
  void thePolicyIsUpdatedAtTheVersionItWasReadAt() {
    Converger.converge(policy, wantedPolicy, OWNER, sink);
    dataPlane.changePolicy("uba-events-retention", "/states/0/transitions/0/conditions", "min_index_age", "7d");
    dataPlane.calls.clear();
    assertThat(Converger.converge(policy, wantedPolicy, OWNER, sink).outcome().isReady()).isTrue();
    assertThat(dataPlane.calls).containsExactly("GET policy uba-events-retention",
        "PUT policy uba-events-retention if seq_no 1, primary term 1", "GET policy uba-events-retention");
  }

  @Test
  void aConflictIsReportedAndTriedAgainOnTheNextPass() {
    Converger.converge(policy, wantedPolicy, OWNER, sink);
    dataPlane.changePolicy("uba-events-retention", "/states/0/transitions/0/conditions", "min_index_age", "7d");
    // someone else writes between the operator's read and its write
    dataPlane.beforeNextPolicyPut(() ->
        dataPlane.changePolicy("uba-events-retention", "/states/0/transitions/0/conditions", "min_index_age", "9d"));
    Outcome outcome = Converger.converge(policy, wantedPolicy, OWNER, sink).outcome();
    assertThat(outcome.kind()).isEqualTo(Outcome.Kind.PROGRESSING);
    assertThat(outcome.reason()).isEqualTo(Reasons.UPDATING);
    assertThat(outcome.message()).contains("OpenSearchIsmPolicy uba-events-retention was changed by someone else")
        .contains("seq_no 1, primary term 1").contains("version_conflict_engine_exception");
    assertThat(Converger.converge(policy, wantedPolicy, OWNER, sink).outcome().isReady()).isTrue();
  }

  @Test
  void failuresBecomeOutcomesNotExceptions() {
    dataPlane.failNext(DataPlaneErrors.NOT_REACHED, "Connect to 127.0.0.1:9200 failed: Connection refused");
    Outcome unreachable = Converger.converge(template, wantedTemplate, OWNER, sink).outcome();
    assertThat(unreachable.kind()).isEqualTo(Outcome.Kind.RETRYING);
    assertThat(unreachable.reason()).isEqualTo(Reasons.AWS_UNAVAILABLE);
    assertThat(unreachable.message()).contains("Connection refused");

    dataPlane.failNext(403, "security_exception: User: r is not authorized to perform: es:ESHttpGet");
    Outcome denied = Converger.converge(policy, wantedPolicy, OWNER, sink).outcome();
    assertThat(denied.reason()).isEqualTo(Reasons.ACCESS_DENIED);
    assertThat(denied.message()).contains("es:ESHttpGet");
  }

  @Test
  void deletedWhenAsked() {
    Converger.converge(template, wantedTemplate, OWNER, sink);
    Converger.converge(policy, wantedPolicy, OWNER, sink);
    assertThat(Converger.delete(template, wantedTemplate, OWNER, sink).gone()).isTrue();
    assertThat(Converger.delete(policy, wantedPolicy, OWNER, sink).gone()).isTrue();
    assertThat(dataPlane.templates).isEmpty();
    assertThat(dataPlane.policies).isEmpty();
  }
}
