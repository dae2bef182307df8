package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The calls the operator makes on one domain's data plane (the OpenSearch REST API of the domain,
 * signed with SigV4 for service {@code es}): composable index templates and ISM policies. The real
 * implementation is {@link OpenSearchDataPlane}; tests may use an in-memory one. Every failure is a
 * {@link DataPlaneException}, which carries the outcome the user sees.
 */
public interface DataPlane {

  /** Where the calls go, for messages. */
  DataPlaneEndpoint endpoint();

  /** {@code GET _index_template/<name>}: the template's {@code index_template} object; empty when absent. */
  Optional<JsonNode> indexTemplate(String name);

  /** {@code PUT _index_template/<name>}: creates or replaces the template. */
  void putIndexTemplate(String name, JsonNode body);

  /** {@code DELETE _index_template/<name>}; false when there was none. */
  boolean deleteIndexTemplate(String name);

  /** {@code GET _plugins/_ism/policies/<id>}: the policy with its sequence number; empty when absent. */
  Optional<VersionedPolicy> ismPolicy(String id);

  /**
   * {@code PUT _plugins/_ism/policies/<id>}: creates the policy when {@code ifMatch} is null (ISM then
   * refuses to overwrite an existing one), else replaces it only if it is still at that version
   * ({@code if_seq_no}, {@code if_primary_term}); otherwise OpenSearch answers 409.
   */
  void putIsmPolicy(String id, JsonNode body, SeqNo ifMatch);

  /** {@code DELETE _plugins/_ism/policies/<id>}; false when there was none. */
  boolean deleteIsmPolicy(String id);

  /** An ISM policy as read ({@code policy} object) and the version it was read at. */
  record VersionedPolicy(JsonNode policy, SeqNo version) {}

  /** The optimistic-concurrency version of a document: {@code _seq_no} and {@code _primary_term}. */
  record SeqNo(long seqNo, long primaryTerm) {
    @Override
    public String toString() {
      return "seq_no " + seqNo + ", primary term " + primaryTerm;
    }
  }
}
