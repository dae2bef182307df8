package dev.uba.operator.testenv.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * UpgradeDomain and GetUpgradeStatus, which the emulator does not implement, after the OpenSearch
 * Service API reference:
 *
 * <ul>
 *   <li><b>UpgradeDomain</b> ({@code POST /2021-01-01/opensearch/upgradeDomain}, body
 *       {@code DomainName, TargetVersion, PerformCheckOnly, AdvancedOptions}): "Allows you to either
 *       upgrade your Amazon OpenSearch Service domain or perform an upgrade eligibility check to a
 *       compatible version of OpenSearch or Elasticsearch." A missing domain gets the emulator's
 *       {@code ResourceNotFoundException}; a {@code TargetVersion} that does not match the documented
 *       pattern, or is not newer than the domain's version (see {@link EngineVersion}), gets
 *       {@code ValidationException} (HTTP 400, "An exception for missing / invalid input fields").
 *       With {@code PerformCheckOnly} nothing changes. Otherwise the domain reports
 *       {@code Processing: true, UpgradeProcessing: true, DomainProcessingStatus:
 *       "UpgradingEngineVersion"} for the configured describes and keeps its old
 *       {@code EngineVersion} until then; afterwards DescribeDomain(s) and DescribeDomainConfig show
 *       the target version (kept by the proxy, as the emulator cannot change it). The answer has the
 *       documented response fields {@code UpgradeId, DomainName, TargetVersion, PerformCheckOnly,
 *       AdvancedOptions, ChangeProgressDetails}.
 *   <li><b>GetUpgradeStatus</b> ({@code GET /2021-01-01/opensearch/upgradeDomain/{DomainName}/status}):
 *       {@code UpgradeStep} ({@code PRE_UPGRADE_CHECK} for a check, {@code UPGRADE} for an upgrade),
 *       {@code StepStatus} ({@code IN_PROGRESS} while upgrading, then {@code SUCCEEDED}) and
 *       {@code UpgradeName}, for a domain the proxy has seen an UpgradeDomain for; any other
 *       domain's request goes to the emulator (which answers {@code NotImplemented}).
 * </ul>
 *
 * <p>Not simulated: the compatibility matrix of GetCompatibleVersions (any newer version is
 * accepted), failing pre-upgrade checks, refusal while the domain is processing.
 */
final class OpenSearchUpgrade {

  private final TransitionSettings settings;
  private final OpenSearchDomains domains;

  OpenSearchUpgrade(TransitionSettings settings, OpenSearchDomains domains) {
    this.settings = settings;
    this.domains = domains;
  }

  /** Called under the domains' lock. */
  AwsResponse upgrade(AwsRequest req) throws IOException, InterruptedException {
    String name = req.jsonText("DomainName");
    String target = req.jsonText("TargetVersion");
    if (name == null || name.isEmpty()) {
      return invalid(req, "DomainName is required.");
    }
    if (target == null || !EngineVersion.TARGET_PATTERN.matcher(target).matches()) {
      return invalid(req, "1 validation error detected: Value '" + target
          + "' at 'targetVersion' failed to satisfy constraint: Member must satisfy"
          + " regular expression pattern: " + EngineVersion.TARGET_PATTERN.pattern());
    }
    AwsResponse exists = domains.describeOnMoto(req, name);
    if (!exists.ok()) {
      return exists;
    }
    String key = OpenSearchDomains.key(req, name);
    OpenSearchDomains.State s = domains.getOrCreate(key);
    String current = s.engineVersion != null ? s.engineVersion
        : exists.json().path("DomainStatus").path("EngineVersion").asText(null);
    Optional<EngineVersion> from = EngineVersion.parse(current);
    EngineVersion to = EngineVersion.parse(target).orElseThrow();
    if (from.isEmpty() || to.compareTo(from.get()) <= 0) {
      return invalid(req, "Domain " + name + " cannot be upgraded from " + current + " to "
          + target + ": the target version must be newer than the current version.");
    }
    boolean checkOnly = req.json().path("PerformCheckOnly").asBoolean(false);
    s.upgradeName = "Upgrade from " + current + " to " + target;
    if (checkOnly) {
      s.upgradeStep = "PRE_UPGRADE_CHECK";
      s.stepStatus = "SUCCEEDED";
    } else if (settings.isInstant()) {
      s.engineVersion = target;
      s.upgradeStep = "UPGRADE";
      s.stepStatus = "SUCCEEDED";
    } else {
      s.pendingVersion = target;
      s.transition = settings.start(OpenSearchDomains.UPGRADING, null);
      s.upgradeStep = "UPGRADE";
      s.stepStatus = "IN_PROGRESS";
    }
    String id = UUID.randomUUID().toString();
    ObjectNode body = AwsRequest.object();
    body.put("UpgradeId", id);
    body.put("DomainName", name);
    body.put("TargetVersion", target);
    body.put("PerformCheckOnly", checkOnly);
    JsonNode advanced = req.json().get("AdvancedOptions");
    body.set("AdvancedOptions", advanced != null && advanced.isObject() ? advanced
        : AwsRequest.object());
    ObjectNode progress = body.putObject("ChangeProgressDetails");
    progress.put("ChangeId", id);
    progress.put("Message", s.upgradeName);
    return AwsResponse.json(200, "application/json", body);
  }

  /** Called under the domains' lock. */
  AwsResponse status(AwsRequest req, MotoForwarder moto) throws IOException, InterruptedException {
    String name = req.pathParams.get("DomainName");
    String key = OpenSearchDomains.key(req, name);
    AwsResponse exists = domains.describeOnMoto(req, name);
    if (!exists.ok()) {
      return exists;
    }
    OpenSearchDomains.State s = domains.get(key);
    if (s == null || s.upgradeStep == null) {
      return moto.forward(req);
    }
    ObjectNode body = AwsRequest.object();
    body.put("UpgradeStep", s.upgradeStep);
    body.put("StepStatus", s.stepStatus);
    body.put("UpgradeName", s.upgradeName);
    return AwsResponse.json(200, "application/json", body);
  }

  private static AwsResponse invalid(AwsRequest req, String message) {
    return ErrorShapes.error(req, 400, "ValidationException", message);
  }
}
