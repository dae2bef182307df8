package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;

/**
 * {@link DataPlane} on the opensearch-java client (its generic API: the bodies are the operator's
 * own JSON, compared field by field, so no typed model stands between them and OpenSearch). The
 * client's transport signs every request; see {@link DataPlaneClients}.
 */
public final class OpenSearchDataPlane implements DataPlane {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OpenSearchGenericClient client;
  private final DataPlaneEndpoint endpoint;

  public OpenSearchDataPlane(OpenSearchClient client, DataPlaneEndpoint endpoint) {
    this.client = client.generic();
    this.endpoint = endpoint;
  }

  @Override
  public DataPlaneEndpoint endpoint() {
    return endpoint;
  }

  @Override
  public Optional<JsonNode> indexTemplate(String name) {
    return get("_index_template/" + name).map(body -> body.path("index_templates").path(0).path("index_template"))
        .filter(JsonNode::isObject);
  }

  @Override
  public void putIndexTemplate(String name, JsonNode body) {
    call("PUT", "_index_template/" + name, Map.of(), body);
  }

  @Override
  public boolean deleteIndexTemplate(String name) {
    return call("DELETE", "_index_template/" + name, Map.of(), null).isPresent();
  }

  @Override
  public Optional<VersionedPolicy> ismPolicy(String id) {
    return get("_plugins/_ism/policies/" + id).map(body -> new VersionedPolicy(body.path("policy"),
        new SeqNo(body.path("_seq_no").asLong(-1), body.path("_primary_term").asLong(-1))));
  }

  @Override
  public void putIsmPolicy(String id, JsonNode body, SeqNo ifMatch) {
    Map<String, String> query = ifMatch == null ? Map.of() : Map.of(
        "if_seq_no", Long.toString(ifMatch.seqNo()), "if_primary_term", Long.toString(ifMatch.primaryTerm()));
    call("PUT", "_plugins/_ism/policies/" + id, query, body);
  }

  @Override
  public boolean deleteIsmPolicy(String id) {
    return call("DELETE", "_plugins/_ism/policies/" + id, Map.of(), null).isPresent();
  }

  private Optional<JsonNode> get(String path) {
    return call("GET", path, Map.of(), null);
  }

  /** The answer's body; empty on 404 for GET and DELETE. */
  private Optional<JsonNode> call(String method, String path, Map<String, String> query, JsonNode body) {
    String action = method + " " + path + " on " + endpoint;
    Requests.JsonBodyBuilder builder = Requests.builder().method(method).endpoint("/" + path).query(query);
    if (body != null) {
      builder.json(body.toString());
    }
    int status;
    String text;
    try (Response response = client.execute(builder.build())) {
      status = response.getStatus();
      text = response.getBody().map(Body::bodyAsString).orElse("");
    } catch (OpenSearchException e) {
      // the transport reports a 403 (the domain's access policy, or a bad signature) this way
      String words = e.error() == null ? e.getMessage() : e.error().type() + ": " + e.error().reason();
      throw new DataPlaneException(e.status(), action, words, e);
    } catch (IOException e) {
      throw new DataPlaneException(DataPlaneErrors.NOT_REACHED, action, DataPlaneErrors.describe(e), e);
    } catch (RuntimeException e) {
      // before sending: the credentials could not be resolved, or the request not signed
      throw new DataPlaneException(DataPlaneErrors.NOT_SENT, action, DataPlaneErrors.describe(e), e);
    }
    if (status == 404 && !method.equals("PUT")) {
      return Optional.empty();
    }
    if (status >= 300) {
      throw new DataPlaneException(status, action, DataPlaneErrors.describe(text), null);
    }
    try {
      return Optional.of(text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text));
    } catch (IOException e) {
      throw new DataPlaneException(502, action, "the answer is not JSON: " + DataPlaneErrors.describe(text), e);
    }
  }
}
