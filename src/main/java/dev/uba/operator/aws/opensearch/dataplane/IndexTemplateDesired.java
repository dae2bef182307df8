package dev.uba.operator.aws.opensearch.dataplane;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.uba.operator.engine.Desired;
import java.util.List;
import java.util.Map;

/**
 * The composable index template the spec asks for ({@code spec.search.indexTemplate}): named after the
 * delivery's index, for its rotated indices and the index itself, with the UBA event mapping.
 *
 * @param name the template's name, the delivery's {@code indexName}
 * @param indexPatterns {@code <indexName>-*} and {@code <indexName>}
 * @param shards {@code spec.search.indexTemplate.shards}: primary shards of each new index
 * @param replicas {@code spec.search.indexTemplate.replicas}
 * @param domainArn the domain's ARN, for the id reported in status; may be null
 */
public record IndexTemplateDesired(
    String name, List<String> indexPatterns, int priority, int shards, int replicas, String domainArn)
    implements Desired {

  public static final int PRIORITY = 100;

  public IndexTemplateDesired {
    indexPatterns = List.copyOf(indexPatterns);
  }

  /** The template of the contract for the delivery's index. */
  public static IndexTemplateDesired forIndex(String indexName, int shards, int replicas, String domainArn) {
    return new IndexTemplateDesired(indexName, patterns(indexName), PRIORITY, shards, replicas, domainArn);
  }

  /** The indices a delivery into {@code indexName} writes: rotated ({@code <indexName>-...}) or not. */
  public static List<String> patterns(String indexName) {
    return List.of(indexName + "-*", indexName);
  }

  /** The body of {@code PUT _index_template/<name>}. */
  public ObjectNode body() {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    indexPatterns.forEach(body.putArray("index_patterns")::add);
    body.put("priority", priority);
    ObjectNode template = body.putObject("template");
    template.putObject("settings").putObject("index")
        .put("number_of_shards", shards)
        .put("number_of_replicas", replicas);
    template.set("mappings", UbaEventMapping.mappings());
    return body;
  }

  /** How status names it (its arn): the resource IAM grants it as, under the domain; null without the domain's ARN. */
  public String id() {
    return domainArn == null ? null : domainArn + "/_index_template/" + name;
  }

  /** Index templates carry no tags: the domain they live on is what the object owns. */
  @Override
  public Map<String, String> tags() {
    return Map.of();
  }
}
