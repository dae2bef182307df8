package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * OpenSearch Service (API 2021-01-01) domain behaviour that the emulator lacks, following the
 * OpenSearch Service API reference:
 *
 * <ul>
 *   <li><b>CreateDomain</b>: a domain is created asynchronously; DescribeDomain/DescribeDomains
 *       report {@code Created: false, Processing: true, DomainProcessingStatus: "Creating"} and no
 *       {@code Endpoint} for the configured describes, then {@code Processing: false,
 *       DomainProcessingStatus: "Active"} with the endpoint. A CreateDomain whose name is taken is
 *       refused with {@code ResourceAlreadyExistsException} (HTTP 409, "An exception for creating a
 *       resource that already exists"); the emulator would overwrite the domain.
 *   <li><b>UpdateDomainConfig</b>: only the given fields change ("Modifies the cluster
 *       configuration of the specified Amazon OpenSearch Service domain"); the emulator replaces a
 *       whole nested structure (e.g. all of {@code ClusterConfig} when only {@code InstanceCount} is
 *       given), so the proxy reads the current DomainConfig, deep-merges the request into it and
 *       sends the merged structures. A missing domain gets {@code ResourceNotFoundException} (HTTP
 *       409 as the API reference and the SDK model give it, the same as the emulator answers
 *       DescribeDomain) instead of the emulator's HTTP 500. Afterwards the domain is
 *       {@code Processing: true, DomainProcessingStatus: "Modifying"} for the configured describes.
 *       {@code DryRun: true} answers the current configuration with {@code DryRunResults} and changes
 *       nothing.
 *   <li><b>UpgradeDomain, GetUpgradeStatus</b>: see {@link OpenSearchUpgrade}.
 *   <li><b>DeleteDomain</b>: answered with the domain's status with {@code Deleted: true,
 *       Processing: true} (DomainStatus {@code Deleted}: "True if a delete request has been received
 *       for the domain but resource cleanup is still in progress");
 *       describes report {@code DomainProcessingStatus: "Deleting"} for the configured describes,
 *       then the delete is sent to the emulator and describes get {@code ResourceNotFoundException}.
 *       ListDomainNames keeps listing the domain while it is being deleted.
 *   <li><b>DescribeDomainConfig</b> shows the engine version after an upgrade; it does not use up
 *       describes (only DescribeDomain and DescribeDomains do).
 * </ul>
 *
 * <p>A state ends after its describes are used up (or its time limit has passed); the next
 * OpenSearch request completes it. Not simulated: refusals of changes while a domain is processing,
 * per-section {@code Processing} states in DomainConfig, ChangeProgressDetails, blue/green phases.
 */
final class OpenSearchLifecycle {

  private static final Set<String> NOT_CONFIG = Set.of("DomainName", "DryRun", "DryRunMode");

  private final TransitionSettings settings;
  private final MotoForwarder moto;
  private final OpenSearchDomains domains;
  private final OpenSearchUpgrade upgrades;

  OpenSearchLifecycle(TransitionSettings settings, MotoForwarder moto) {
    this.settings = settings;
    this.moto = moto;
    this.domains = new OpenSearchDomains(moto);
    this.upgrades = new OpenSearchUpgrade(settings, domains);
  }

  void clear() {
    domains.clear();
  }

  AwsResponse handle(AwsRequest req) throws IOException, InterruptedException {
    synchronized (domains.lock) {
      domains.finishEnded();
      switch (req.operation) {
        case "CreateDomain":
          return create(req);
        case "DescribeDomain":
          return describe(req);
        case "DescribeDomains":
          return describeMany(req);
        case "DescribeDomainConfig":
          return config(req);
        case "UpdateDomainConfig":
          return update(req);
        case "DeleteDomain":
          return delete(req);
        case "UpgradeDomain":
          return upgrades.upgrade(req);
        case "GetUpgradeStatus":
          return upgrades.status(req, moto);
        default:
          return moto.forward(req);
      }
    }
  }

  private AwsResponse create(AwsRequest req) throws IOException, InterruptedException {
    String name = req.jsonText("DomainName");
    if (name == null) {
      return moto.forward(req);
    }
    if (domains.describeOnMoto(req, name).ok()) {
      return ErrorShapes.error(req, 409, "ResourceAlreadyExistsException",
          "Domain " + name + " already exists.");
    }
    AwsResponse r = moto.forward(req);
    if (!r.ok()) {
      return r;
    }
    String key = OpenSearchDomains.key(req, name);
    OpenSearchDomains.State s = new OpenSearchDomains.State();
    domains.put(key, s);
    if (!settings.isInstant()) {
      s.transition = settings.start(OpenSearchDomains.CREATING, null);
    }
    return withStatus(r, "DomainStatus", s, s.transition);
  }

  private AwsResponse describe(AwsRequest req) throws IOException, InterruptedException {
    String name = req.pathParams.get("DomainName");
    String key = OpenSearchDomains.key(req, name);
    Transition reporting = reportOnce(key);
    AwsResponse r = moto.forward(req);
    return r.ok() ? withStatus(r, "DomainStatus", domains.get(key), reporting) : r;
  }

  private AwsResponse describeMany(AwsRequest req) throws IOException, InterruptedException {
    List<String> keys = new ArrayList<>();
    List<Transition> reporting = new ArrayList<>();
    for (JsonNode n : req.json().path("DomainNames")) {
      String key = OpenSearchDomains.key(req, n.asText());
      keys.add(key);
      reporting.add(reportOnce(key));
    }
    AwsResponse r = moto.forward(req);
    JsonNode body = r.json();
    if (!r.ok() || body == null) {
      return r;
    }
    for (JsonNode ds : body.path("DomainStatusList")) {
      if (ds instanceof ObjectNode o) {
        int i = keys.indexOf(OpenSearchDomains.key(req, o.path("DomainName").asText()));
        OpenSearchDomains.rewriteStatus(o, i < 0 ? null : domains.get(keys.get(i)),
            i < 0 ? null : reporting.get(i));
      }
    }
    return r.withJson(body);
  }

  /** For a describe: the state it must report (using one describe up), or null. */
  private Transition reportOnce(String key) throws IOException, InterruptedException {
    OpenSearchDomains.State s = domains.get(key);
    if (s == null || s.transition == null) {
      return null;
    }
    Transition t = s.transition;
    if (t.reportOnce()) {
      return t;
    }
    domains.finish(key, s);
    return null;
  }

  private AwsResponse config(AwsRequest req) throws IOException, InterruptedException {
    String key = OpenSearchDomains.key(req, req.pathParams.get("DomainName"));
    AwsResponse r = moto.forward(req);
    JsonNode body = r.json();
    if (!r.ok() || body == null) {
      return r;
    }
    OpenSearchDomains.rewriteConfig(body.path("DomainConfig"), domains.get(key), domains.active(key));
    return r.withJson(body);
  }

  private AwsResponse update(AwsRequest req) throws IOException, InterruptedException {
    String name = req.pathParams.get("DomainName");
    String key = OpenSearchDomains.key(req, name);
    AwsResponse exists = domains.describeOnMoto(req, name);
    if (!exists.ok()) {
      return exists;
    }
    AwsResponse current = domains.configOnMoto(req, name);
    JsonNode currentBody = current.json();
    if (!current.ok() || currentBody == null) {
      return current;
    }
    JsonNode currentConfig = currentBody.path("DomainConfig");
    if (req.json().path("DryRun").asBoolean(false)) {
      ObjectNode answer = AwsRequest.object();
      answer.set("DomainConfig", currentConfig);
      ObjectNode dryRun = answer.putObject("DryRunResults");
      dryRun.put("DeploymentType", "Undetermined");
      dryRun.put("Message", "Dry run only: no change was made.");
      OpenSearchDomains.rewriteConfig(currentConfig, domains.get(key), domains.active(key));
      return current.withJson(answer);
    }
    ObjectNode merged = req.json().isObject() ? ((ObjectNode) req.json()).deepCopy()
        : AwsRequest.object();
    for (String field : OpenSearchDomains.names(req.json())) {
      JsonNode given = req.json().get(field);
      JsonNode now = currentConfig.path(field).path("Options");
      if (!NOT_CONFIG.contains(field) && given instanceof ObjectNode g
          && now instanceof ObjectNode n) {
        merged.set(field, JsonMerge.merge(n, g));
      }
    }
    AwsResponse r = moto.forward(req.withBody(AwsRequest.toBytes(merged)));
    if (!r.ok()) {
      return r;
    }
    OpenSearchDomains.State s = domains.getOrCreate(key);
    if (!settings.isInstant() && s.transition == null) {
      s.transition = settings.start(OpenSearchDomains.MODIFYING, null);
    }
    JsonNode body = r.json();
    if (body == null) {
      return r;
    }
    OpenSearchDomains.rewriteConfig(body.path("DomainConfig"), s, domains.active(key));
    return r.withJson(body);
  }

  private AwsResponse delete(AwsRequest req) throws IOException, InterruptedException {
    String name = req.pathParams.get("DomainName");
    String key = OpenSearchDomains.key(req, name);
    if (settings.isInstant()) {
      AwsResponse r = moto.forward(req);
      OpenSearchDomains.State s = domains.get(key);
      if (r.ok()) {
        domains.remove(key);
      }
      return r.ok() ? withStatus(r, "DomainStatus", s, null) : r;
    }
    AwsResponse exists = domains.describeOnMoto(req, name);
    if (!exists.ok()) {
      return exists;
    }
    OpenSearchDomains.State s = domains.getOrCreate(key);
    if (s.transition == null || !OpenSearchDomains.DELETING.equals(s.transition.state)) {
      s.transition = settings.start(OpenSearchDomains.DELETING, req);
    }
    return withStatus(AwsResponse.of(200, "application/json", exists.body), "DomainStatus", s,
        s.transition);
  }

  /** {@code r} with its DomainStatus object rewritten for {@code s} and {@code reporting}. */
  private static AwsResponse withStatus(AwsResponse r, String field, OpenSearchDomains.State s,
      Transition reporting) {
    JsonNode body = r.json();
    if (body == null || !(body.get(field) instanceof ObjectNode ds)) {
      return r;
    }
    OpenSearchDomains.rewriteStatus(ds, s, reporting);
    return r.withJson(body);
  }
}
