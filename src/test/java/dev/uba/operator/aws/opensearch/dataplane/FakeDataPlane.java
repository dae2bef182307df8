package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link DataPlane} in memory for unit tests: templates as put, ISM policies with the fields ISM
 * adds and a sequence number checked on conditional writes, every call recorded, and a failure
 * that the next call answers with.
 */
final class FakeDataPlane implements DataPlane {
  final Map<String, JsonNode> templates = new HashMap<>();
  final Map<String, VersionedPolicy> policies = new HashMap<>();
  final List<String> calls = new ArrayList<>();
  private long seqNo;
  private DataPlaneException next;
  private Runnable beforePolicyPut;

  /** The next call fails with this status (DataPlaneErrors.NOT_REACHED, NOT_SENT, or HTTP) and these words. */
  void failNext(int status, String words) {
    next = new DataPlaneException(status, "the next call", words, null);
  }

  /** Runs once, just before the next policy PUT is applied: a write by someone else in between. */
  void beforeNextPolicyPut(Runnable write) {
    beforePolicyPut = write;
  }

  @Override
  public DataPlaneEndpoint endpoint() {
    return new DataPlaneEndpoint(false, "127.0.0.1:9200");
  }

  @Override
  public Optional<JsonNode> indexTemplate(String name) {
    call("GET template " + name);
    return Optional.ofNullable(templates.get(name));
  }

  @Override
  public void putIndexTemplate(String name, JsonNode body) {
    call("PUT template " + name);
    templates.put(name, body.deepCopy());
  }

  @Override
  public boolean deleteIndexTemplate(String name) {
    call("DELETE template " + name);
    return templates.remove(name) != null;
  }

  @Override
  public Optional<VersionedPolicy> ismPolicy(String id) {
    call("GET policy " + id);
    return Optional.ofNullable(policies.get(id));
  }

  @Override
  public void putIsmPolicy(String id, JsonNode body, SeqNo ifMatch) {
    call("PUT policy " + id + (ifMatch == null ? "" : " if " + ifMatch));
    if (beforePolicyPut != null) {
      Runnable write = beforePolicyPut;
      beforePolicyPut = null;
      write.run();
    }
    VersionedPolicy current = policies.get(id);
    if (ifMatch == null ? current != null : current == null || !current.version().equals(ifMatch)) {
      throw new DataPlaneException(409, "PUT policy " + id, "version_conflict_engine_exception: [" + id
          + "]: version conflict", null);
    }
    ObjectNode policy = (ObjectNode) body.path("policy").deepCopy();
    policy.put("policy_id", id).put("schema_version", 21).put("last_updated_time", 1L).putNull("error_notification");
    policy.path("states").forEach(state -> state.path("actions")
        .forEach(action -> ((ObjectNode) action).putObject("retry").put("count", 3)));
    policies.put(id, new VersionedPolicy(policy, new SeqNo(seqNo++, 1)));
  }

  /** A change behind the operator's back, which moves the sequence number on. */
  void changePolicy(String id, String pointer, String field, String value) {
    ObjectNode policy = (ObjectNode) policies.get(id).policy().deepCopy();
    ((ObjectNode) policy.at(pointer)).put(field, value);
    policies.put(id, new VersionedPolicy(policy, new SeqNo(seqNo++, 1)));
  }

  @Override
  public boolean deleteIsmPolicy(String id) {
    call("DELETE policy " + id);
    return policies.remove(id) != null;
  }

  private void call(String call) {
    calls.add(call);
    if (next != null) {
      DataPlaneException failure = next;
      next = null;
      throw failure;
    }
  }
}
