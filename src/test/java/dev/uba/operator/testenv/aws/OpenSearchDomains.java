package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The proxy's own record of each OpenSearch domain (its simulated processing state, its engine
 * version after an UpgradeDomain, its last upgrade step) and how a {@code DomainStatus} from the
 * emulator is rewritten to show it. All methods are called under {@link #lock}.
 *
 * <p>The DomainStatus fields follow the OpenSearch Service API reference (data type DomainStatus):
 * {@code Created} "True if domain creation is complete. False if domain creation is still in
 * progress."; {@code Processing} "The status of the domain configuration. True if OpenSearch
 * Service is processing configuration changes."; {@code UpgradeProcessing} "The status of a domain
 * version upgrade to a new version of OpenSearch or Elasticsearch. True if OpenSearch Service is in
 * the process of a version upgrade."; {@code Deleted} "True if a delete request has been received
 * for the domain but resource cleanup is still in progress. [...] Once domain deletion is complete,
 * the status of the domain is no longer returned."; {@code DomainProcessingStatus} one of
 * {@code Creating | Active | Modifying | UpgradingEngineVersion | UpdatingServiceSoftware |
 * Isolated | Deleting}; {@code Endpoint} is absent until the domain is created.
 */
final class OpenSearchDomains {

  static final String CREATING = "Creating";
  static final String MODIFYING = "Modifying";
  static final String UPGRADING = "UpgradingEngineVersion";
  static final String DELETING = "Deleting";

  /** What the proxy knows about one domain beyond the emulator. */
  static final class State {
    Transition transition;
    /** Engine version after a completed UpgradeDomain (the emulator cannot change it). */
    String engineVersion;
    /** Target of the running upgrade. */
    String pendingVersion;
    /** Last upgrade or upgrade check, for GetUpgradeStatus. */
    String upgradeName;
    String upgradeStep;
    String stepStatus;
  }

  private final MotoForwarder moto;
  private final ConcurrentMap<String, State> domains = new ConcurrentHashMap<>();
  final Object lock = new Object();

  OpenSearchDomains(MotoForwarder moto) {
    this.moto = moto;
  }

  static String key(AwsRequest req, String domainName) {
    return req.region + "/" + domainName;
  }

  State get(String key) {
    return domains.get(key);
  }

  State getOrCreate(String key) {
    return domains.computeIfAbsent(key, k -> new State());
  }

  void put(String key, State s) {
    domains.put(key, s);
  }

  void remove(String key) {
    domains.remove(key);
  }

  void clear() {
    domains.clear();
  }

  /** The running (not yet over) simulated state of the domain, or null. */
  Transition active(String key) {
    State s = domains.get(key);
    return s == null || s.transition == null || s.transition.isOver() ? null : s.transition;
  }

  /** Completes every state whose describes are used up or whose time is over. */
  void finishEnded() throws IOException, InterruptedException {
    for (Map.Entry<String, State> e : domains.entrySet()) {
      Transition t = e.getValue().transition;
      if (t != null && t.isOver()) {
        finish(e.getKey(), e.getValue());
      }
    }
  }

  /**
   * Ends the simulated state: a deferred DeleteDomain is sent to the emulator, an upgrade makes
   * its target the domain's engine version.
   */
  void finish(String key, State s) throws IOException, InterruptedException {
    Transition t = s.transition;
    s.transition = null;
    if (t == null) {
      return;
    }
    if (DELETING.equals(t.state)) {
      domains.remove(key);
      if (t.detail instanceof AwsRequest deleteRequest) {
        AwsResponse r = moto.forward(deleteRequest);
        if (!r.ok()) {
          System.err.println("[local-aws] deferred DeleteDomain failed: HTTP " + r.status
              + " " + r.text());
        }
      }
    } else if (UPGRADING.equals(t.state)) {
      s.engineVersion = s.pendingVersion;
      s.pendingVersion = null;
      s.stepStatus = "SUCCEEDED";
    }
  }

  /** DescribeDomain on the emulator, signed like {@code origin}. */
  AwsResponse describeOnMoto(AwsRequest origin, String domainName)
      throws IOException, InterruptedException {
    String path = "/2021-01-01/opensearch/domain/" + domainName;
    return moto.forward(AwsRequest.derived(origin, "GET", path, null, Map.of(), new byte[0],
        "DescribeDomain", Map.of("DomainName", domainName)));
  }

  /** DescribeDomainConfig on the emulator, signed like {@code origin}. */
  AwsResponse configOnMoto(AwsRequest origin, String domainName)
      throws IOException, InterruptedException {
    String path = "/2021-01-01/opensearch/domain/" + domainName + "/config";
    return moto.forward(AwsRequest.derived(origin, "GET", path, null, Map.of(), new byte[0],
        "DescribeDomainConfig", Map.of("DomainName", domainName)));
  }

  /**
   * Rewrites one DomainStatus object: the engine version overlay, and the fields of the simulated
   * state {@code reporting} (null: the domain is as the emulator has it, Active unless deleted).
   */
  static void rewriteStatus(ObjectNode ds, State s, Transition reporting) {
    if (s != null && s.engineVersion != null) {
      ds.put("EngineVersion", s.engineVersion);
    }
    if (reporting == null) {
      if (!ds.has("DomainProcessingStatus")) {
        ds.put("DomainProcessingStatus", ds.path("Deleted").asBoolean() ? DELETING : "Active");
      }
      return;
    }
    ds.put("Processing", true);
    ds.put("DomainProcessingStatus", reporting.state);
    switch (reporting.state) {
      case CREATING:
        ds.put("Created", false);
        for (String f : new String[] {"Endpoint", "Endpoints", "EndpointV2",
            "DomainEndpointV2HostedZoneId"}) {
          ds.remove(f);
        }
        break;
      case UPGRADING:
        ds.put("UpgradeProcessing", true);
        break;
      case DELETING:
        ds.put("Deleted", true);
        break;
      default:
        break;
    }
  }

  /** Applies the engine version overlay and a running upgrade to a DomainConfig object. */
  static void rewriteConfig(JsonNode domainConfig, State s, Transition reporting) {
    if (s == null || !(domainConfig.get("EngineVersion") instanceof ObjectNode ev)) {
      return;
    }
    if (s.engineVersion != null) {
      ev.put("Options", s.engineVersion);
    }
    if (reporting != null && UPGRADING.equals(reporting.state)
        && ev.get("Status") instanceof ObjectNode status) {
      status.put("State", "Processing");
    }
  }

  /** Field names of an object, for iteration. */
  static Iterable<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.properties().forEach(e -> names.add(e.getKey()));
    return names;
  }
}
